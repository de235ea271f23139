package io.newswire.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewswireConfigTest {

    private static final Setting<String> MODE = new Setting<>("mode", "slow", Setting.oneOf("slow", "careful"),
            "a module's own setting");
    private static final Setting<String> TOKEN = Setting.secret("token", s -> s, "a secret");

    @Test
    void shouldUseSafeDefaults() {
        NewswireConfig c = NewswireConfig.defaults();
        assertThat(c.bootstrapServers()).isEmpty();
        assertThat(c.partitions()).isEqualTo(3);
        assertThat(c.replicationFactor()).isEqualTo((short) 1);
        assertThat(c.maxArticleBytes()).isEqualTo(900_000);
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
        assertThatThrownBy(() -> NewswireConfig.load(Optional.empty(), Map.of("NEWSWIRE_MODE", "fast"), Map.of(),
                List.of(MODE), List.of(MODE)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("expected one of slow, careful");
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
    void shouldNeverPrintSecretsNorKafkaOverrideValues() {
        NewswireConfig c = NewswireConfig.load(Optional.empty(), Map.of("NEWSWIRE_TOKEN", "s3cret-http"),
                Map.of("kafka.sasl.jaas.config", "s3cret-jaas", "mode", "careful"), List.of(TOKEN, MODE),
                List.of(TOKEN, MODE));
        assertThat(c.get(TOKEN)).isEqualTo("s3cret-http");
        assertThat(c.toString()).doesNotContain("s3cret").contains("sasl.jaas.config", "mode=careful");
    }

    @Test
    void shouldReadOnlyTheRoleSettingsButAcceptAConfigFileSharedWithOtherRoles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("shared.properties");
        Files.writeString(file, "mode=careful\ntopic.partitions=6\n");
        NewswireConfig c = NewswireConfig.load(Optional.of(file), Map.of("NEWSWIRE_MODE", "slow"), Map.of(),
                NewswireConfig.SETTINGS, List.of(MODE));
        assertThat(c.partitions()).isEqualTo(6);
        assertThat(c.values()).doesNotContainKey("mode");
        assertThatThrownBy(() -> NewswireConfig.load(Optional.empty(), Map.of(), Map.of("mode", "slow"),
                NewswireConfig.SETTINGS, List.of(MODE)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown setting 'mode'");
    }

    @Test
    void shouldTakeEachDefaultFromItsSetting() {
        assertThat(NewswireConfig.defaults().get(MODE)).isEqualTo("slow");
        assertThat(NewswireConfig.defaults().with(MODE, "careful").get(MODE)).isEqualTo("careful");
    }
}
