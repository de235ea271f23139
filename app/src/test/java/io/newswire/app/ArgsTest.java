package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ArgsTest {

    @Test
    void shouldMapFlagsToSettingKeys() {
        Args args = Args.parse("run", "--bootstrap-servers", "k:9092", "--out=o", "--topic-partitions", "6",
                "--kafka.security.protocol=SSL", "--timeout", "9");
        assertThat(args.command()).isEqualTo("run");
        assertThat(args.settings()).containsEntry("bootstrap.servers", "k:9092").containsEntry("out.dir", "o")
                .containsEntry("topic.partitions", "6").containsEntry("kafka.security.protocol", "SSL");
        assertThat(args.intOption("timeout", 1)).isEqualTo(9);
    }

    @Test
    void shouldCollectSeveralInputs() {
        Args args = Args.parse("run", "--input", "a", "b", "--out", "o", "c");
        assertThat(args.inputs()).containsExactly(Path.of("a"), Path.of("b"), Path.of("c"));
    }

    @Test
    void shouldReadConfigFileAndHelp() {
        Args args = Args.parse("ingest", "--config", "n.properties", "--help");
        assertThat(args.configFile()).contains(Path.of("n.properties"));
        assertThat(args.help()).isTrue();
    }

    @Test
    void shouldComplainAboutAFlagWithoutValue() {
        assertThatThrownBy(() -> Args.parse("run", "--out")).hasMessageContaining("--out needs a value");
        assertThatThrownBy(() -> Args.parse("run", "--timeout", "x").intOption("timeout", 1))
                .hasMessageContaining("whole number");
    }

    @Test
    void shouldTakeServeAsASwitchWithoutAValue() {
        Args args = Args.parse("run", "--serve", "--dashboard-port", "9000", "--sinks", "file,postgres");
        assertThat(args.options()).containsEntry("serve", "true");
        assertThat(args.settings()).containsEntry("dashboard.port", "9000").containsEntry("sinks", "file,postgres");
    }
}
