package io.newswire.app;

import io.newswire.sinks.SinkSettings;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import io.newswire.common.NewswireConfig;
import io.newswire.processors.nlp.Enrichment;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same run against Testcontainers' Kafka (the apache/kafka image), where a Docker engine exists.
 * Without one it is skipped with a log line; the embedded-broker variant ({@link RunIT}) always runs.
 */
class RunOnTestcontainersIT {

    private static final Logger LOG = LoggerFactory.getLogger(RunOnTestcontainersIT.class);

    @TempDir
    Path dir;

    @Test
    void shouldRunTheSeedsOnAKafkaContainer() throws Exception {
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            docker = false;
        }
        if (!docker) {
            LOG.warn("No Docker engine: skipping the Testcontainers variant of the run test (RunIT covers it)");
        }
        Assumptions.assumeTrue(docker, "no Docker engine: Testcontainers variant skipped");
        try (KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.0")) {
            kafka.start();
            NewswireConfig config = NewswireConfig.defaults().with(SinkSettings.OUT_DIR, dir.resolve("out").toString())
                    .withBootstrapServers(kafka.getBootstrapServers());
            RunCommand.Summary summary = RunCommand.run(config, List.of(RunIT.SEEDS), Duration.ofSeconds(120),
                    Enrichment.none());
            assertThat(summary.enriched()).isEqualTo(5);
        }
    }
}
