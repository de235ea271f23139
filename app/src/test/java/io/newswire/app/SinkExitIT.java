package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import io.newswire.common.Article;
import io.newswire.common.NewswireConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A sink role whose sink fails for good ends with a non-zero exit, not a quiet hang. */
class SinkExitIT {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void shouldExitNonZeroWhenASinkFailsForGood() throws Exception {
        try (EmbeddedKafka broker = EmbeddedKafka.start(Optional.empty())) {
            NewswireConfig config = NewswireConfig.defaults().withBootstrapServers(broker.bootstrapServers());
            TopicAdmin.ensureTopics(config);
            try (KafkaProducer<String, Article> producer = new KafkaProducer<>(config.clientProperties(),
                    config.topics().enriched().keySerde().serializer(),
                    config.topics().enriched().valueSerde().serializer())) {
                producer.send(new ProducerRecord<>(config.topics().enriched().name(), "a1",
                        Article.ingested("a1", 1, "wire", "text", null, "Talks resume", List.of("Officials met."),
                                null, "en", Instant.now(), Instant.now()))).get();
            }
            // Nothing listens on port 9 of loopback: every POST is refused.
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Main.execute("sink",
                    "--bootstrap-servers", broker.bootstrapServers(), "--sinks", "webhook",
                    "--sink-webhook-url", "http://127.0.0.1:9/hook", "--sink-retry-attempts", "1",
                    "--out", dir.resolve("out").toString()));
            assertThat(exit.get(90, TimeUnit.SECONDS)).isEqualTo(1);
        }
    }
}
