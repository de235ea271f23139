package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.TimeUnit;
import io.newswire.common.Article;
import io.newswire.common.NewswireConfig;
import io.newswire.ingest.ArticlePublisher;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker stops and restarts (same data, same port) while ingest publishes: every article the broker
 * acknowledged is on news.raw afterwards, once (the idempotent producer's retries add no copy).
 */
class BrokerRestartIT {

    static final int ARTICLES = 3_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a hang fails the build instead of stalling it
    void shouldKeepEveryAcknowledgedArticleThroughABrokerRestart() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Optional<Path> data = Optional.of(dir.resolve("kafka"));
        AtomicReference<EmbeddedKafka> broker = new AtomicReference<>(EmbeddedKafka.start(data, port));
        NewswireConfig config = NewswireConfig.defaults().withBootstrapServers(broker.get().bootstrapServers());
        TopicAdmin.ensureTopics(config);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger failed = new AtomicInteger();
        // The restart runs beside the publishing loop: sends block (max.block.ms) while the broker is away.
        Thread restart = new Thread(() -> {
            broker.get().close();
            sleep(2_000);
            broker.set(EmbeddedKafka.start(data, port));
        }, "broker-restart");
        try (ArticlePublisher publisher = new ArticlePublisher(config.clientProperties(), config.topics())) {
            for (int i = 0; i < ARTICLES; i++) {
                String id = "restart-" + i;
                try {
                    publisher.publish(Article.ingested(id, 1, "wire", "text", null, "Headline " + i,
                                    List.of("Body of article " + i + " about the talks in Cairo."), null, "en", null,
                                    Instant.now()))
                            .whenComplete((metadata, error) -> {
                                if (error == null) {
                                    acknowledged.add(id);
                                } else {
                                    failed.incrementAndGet();
                                }
                            });
                } catch (RuntimeException e) {
                    failed.incrementAndGet(); // not accepted by the producer at all: never acknowledged
                }
                if (i == ARTICLES / 3) {
                    restart.start(); // mid-stream: sends in flight and buffered while the broker is away
                }
                if (i % 100 == 0) {
                    Thread.sleep(20);
                }
            }
            restart.join();
            publisher.flush();
        }
        try {
            Set<String> onTopic = readRaw(config);
            System.out.printf("broker restart: %d acknowledged, %d failed, %d on news.raw%n", acknowledged.size(),
                    failed.get(), onTopic.size());
            assertThat(acknowledged).as("acknowledged (failed: %d)", failed.get()).isNotEmpty();
            assertThat(onTopic).containsAll(acknowledged);
            assertThat(acknowledged.size() + failed.get()).isEqualTo(ARTICLES);
        } finally {
            broker.get().close();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Set<String> readRaw(NewswireConfig config) {
        Properties props = config.clientProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Set<String> ids = new HashSet<>();
        int records = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            String topic = config.topics().raw().name();
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long end = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    ids.add(r.key());
                    records++;
                }
            }
        }
        assertThat(records).as("no article twice on the topic").isEqualTo(ids.size());
        return ids;
    }
}
