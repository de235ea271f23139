package io.newswire.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import io.newswire.common.ConfigException;
import io.newswire.common.NewswireConfig;
import io.newswire.common.Setting;
import io.newswire.sinks.live.DashboardSettings;
import org.junit.jupiter.api.Test;

class SinkSettingsTest {

    private static final List<Setting<?>> ROLE = Stream.of(NewswireConfig.SETTINGS, SinkSettings.SETTINGS,
            DashboardSettings.SETTINGS).flatMap(List::stream).toList();

    private static NewswireConfig load(Map<String, String> env, Map<String, String> flags) {
        return NewswireConfig.load(Optional.empty(), env, flags, ROLE, ROLE);
    }

    @Test
    void shouldConfigureSinksFromTheEnvironmentAndNeverPrintTheirSecrets() {
        NewswireConfig c = load(Map.of(
                "NEWSWIRE_SINKS", "file, postgres,webhook",
                "NEWSWIRE_SINK_JDBC_URL", "jdbc:postgresql://db/newswire",
                "NEWSWIRE_SINK_JDBC_PASSWORD", "s3cret-pw",
                "NEWSWIRE_SINK_WEBHOOK_URL", "https://cms/ingest",
                "NEWSWIRE_SINK_WEBHOOK_AUTH", "Bearer s3cret-token"), Map.of("sink.file.format", "ninjs"));
        SinkSettings sinks = SinkSettings.from(c);
        assertThat(sinks.sinks()).containsExactly(SinkSettings.Kind.FILE, SinkSettings.Kind.POSTGRES,
                SinkSettings.Kind.WEBHOOK);
        assertThat(sinks.fileFormats()).containsExactly(SinkSettings.FileFormat.NINJS);
        assertThat(sinks.jdbcPassword()).isEqualTo("s3cret-pw");
        assertThat(sinks.outDir()).isEqualTo(Path.of("out"));
        assertThat(sinks.toString()).doesNotContain("s3cret");
        assertThat(c.toString()).doesNotContain("s3cret");
    }

    @Test
    void shouldRefuseASinkWithoutItsAddressOrAnUnknownSink() {
        assertThatThrownBy(() -> SinkSettings.from(load(Map.of(), Map.of("sinks", "postgres"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sink.jdbc.url");
        assertThatThrownBy(() -> load(Map.of(), Map.of("sinks", "file,kafka")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown sink 'kafka'");
        assertThatThrownBy(() -> load(Map.of(), Map.of("dashboard.port", "70000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("dashboard.port");
    }
}
