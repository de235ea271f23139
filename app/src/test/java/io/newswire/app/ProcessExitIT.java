package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import io.newswire.common.NewswireConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A processors role whose Kafka Streams client dies ends with a non-zero exit, not a quiet hang. */
class ProcessExitIT {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void shouldExitNonZeroWhenTheStreamsClientDies() throws Exception {
        try (EmbeddedKafka broker = EmbeddedKafka.start(Optional.empty())) {
            // The topics exist with one replica; Streams' own topics are then asked for three on a cluster of
            // one broker, which refuses them and kills the client.
            TopicAdmin.ensureTopics(NewswireConfig.defaults().withBootstrapServers(broker.bootstrapServers()));
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Main.execute("process",
                    "--bootstrap-servers", broker.bootstrapServers(), "--topic-replication-factor", "3",
                    "--state-dir", dir.resolve("state").toString()));
            assertThat(exit.get(150, TimeUnit.SECONDS)).isEqualTo(1);
        }
    }
}
