package io.newswire.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewswireConfigTest {

    @Test
    void shouldUseSafeDefaults() {
        NewswireConfig c = NewswireConfig.defaults();
        assertThat(c.bootstrapServers()).isEmpty();
        assertThat(c.partitions()).isEqualTo(3);
        assertThat(c.replicationFactor()).isEqualTo((short) 1);
        assertThat(c.processingGuarantee()).isEqualTo("exactly_once_v2");
        assertThat(c.topics().raw().name()).isEqualTo("news.raw");
        assertThat(c.topics().stories().compacted()).isTrue();
    }

    @Test
    void shouldLayerFileThenEnvironmentThenFlags(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("newswire.properties");
        Files.writeString(file, "topic.prefix=file.\ntopic.partitions=6\nkafka.security.protocol=SSL\n");
        NewswireConfig c = NewswireConfig.load(Optional.of(file),
                Map.of("NEWSWIRE_TOPIC_PARTITIONS", "8", "KAFKA_BOOTSTRAP_SERVERS", "k1:9092"),
                Map.of("topic.prefix", "flag."));
        assertThat(c.topicPrefix()).isEqualTo("flag.");
        assertThat(c.partitions()).isEqualTo(8);
        assertThat(c.bootstrapServers()).contains("k1:9092");
        assertThat(c.topics().enriched().name()).isEqualTo("flag.news.enriched");
        assertThat(c.clientProperties()).containsEntry("security.protocol", "SSL")
                .containsEntry("bootstrap.servers", "k1:9092");
    }

    @Test
    void shouldRejectUnknownSettingsNamingTheKnownOnes() {
        assertThatThrownBy(() -> NewswireConfig.load(Optional.empty(), Map.of(), Map.of("topic.partitons", "3")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown setting 'topic.partitons'")
                .hasMessageContaining("topic.partitions");
    }

    @Test
    void shouldRejectInvalidValuesWithTheFix() {
        assertThatThrownBy(() -> NewswireConfig.load(Optional.empty(), Map.of(), Map.of("topic.partitions", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("must be at least 1");
        assertThatThrownBy(() -> NewswireConfig.load(Optional.empty(), Map.of("NEWSWIRE_PROCESSING_GUARANTEE", "exactly_once"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("exactly_once_v2, at_least_once");
    }

    @Test
    void shouldExplainMissingBootstrapServers() {
        assertThatThrownBy(() -> NewswireConfig.defaults().clientProperties())
                .isInstanceOf(ConfigException.class).hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void shouldFailClearlyOnAMissingConfigFile(@TempDir Path dir) {
        assertThatThrownBy(() -> NewswireConfig.load(Optional.of(dir.resolve("nope.properties")), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cannot read config file");
    }

    @Test
    void shouldConfigureSinksFromTheEnvironmentAndNeverPrintTheirSecrets() {
        NewswireConfig c = NewswireConfig.load(Optional.empty(), Map.of(
                "NEWSWIRE_SINKS", "file, postgres,webhook",
                "NEWSWIRE_SINK_JDBC_URL", "jdbc:postgresql://db/newswire",
                "NEWSWIRE_SINK_JDBC_PASSWORD", "s3cret-pw",
                "NEWSWIRE_SINK_WEBHOOK_URL", "https://cms/ingest",
                "NEWSWIRE_SINK_WEBHOOK_AUTH", "Bearer s3cret-token"), Map.of("sink.file.format", "ninjs"));
        assertThat(c.sinks().sinks()).containsExactly(SinkSettings.Kind.FILE, SinkSettings.Kind.POSTGRES,
                SinkSettings.Kind.WEBHOOK);
        assertThat(c.sinks().fileFormats()).containsExactly(SinkSettings.FileFormat.NINJS);
        assertThat(c.sinks().jdbcPassword()).isEqualTo("s3cret-pw");
        assertThat(c.sinks().toString()).doesNotContain("s3cret");
        NewswireConfig withToken = NewswireConfig.load(Optional.empty(), Map.of("NEWSWIRE_HTTP_TOKEN", "s3cret-http"),
                Map.of("kafka.sasl.jaas.config", "s3cret-jaas"));
        assertThat(withToken.toString()).doesNotContain("s3cret").contains("sasl.jaas.config");
    }

    @Test
    void shouldRefuseASinkWithoutItsAddressOrAnUnknownSink() {
        assertThatThrownBy(() -> NewswireConfig.load(Optional.empty(), Map.of(), Map.of("sinks", "postgres")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sink.jdbc.url");
        assertThatThrownBy(() -> NewswireConfig.load(Optional.empty(), Map.of(), Map.of("sinks", "file,kafka")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown sink 'kafka'");
        assertThatThrownBy(() -> NewswireConfig.load(Optional.empty(), Map.of(), Map.of("dashboard.port", "70000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("dashboard.port");
    }
}
