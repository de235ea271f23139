package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void shouldGiveHelpForEveryCommand() {
        for (String command : new String[] {"run", "ingest", "process", "sink", "eval", "bench", "broker"}) {
            assertThat(Main.execute(command, "--help")).as(command).isZero();
        }
        assertThat(Main.execute("--help")).isZero();
    }

    @Test
    void shouldFailWithUsageOnBadInput() {
        assertThat(Main.execute()).isEqualTo(2);
        assertThat(Main.execute("explode")).isEqualTo(2);
        assertThat(Main.execute("run", "--no-such-setting", "1")).isEqualTo(2);
        assertThat(Main.execute("process")).as("no bootstrap servers").isEqualTo(2);
        assertThat(Main.execute("ingest", "--bootstrap-servers", "localhost:1")).as("no inputs").isEqualTo(2);
        assertThat(Main.execute("eval", "ner")).as("no --conll").isEqualTo(2);
        assertThat(Main.execute("eval", "nonsense")).isEqualTo(2);
    }

    @Test
    void shouldListSettingsInHelp() {
        assertThat(new RunCommand().help()).contains("bootstrap.servers", "topic.partitions", "processing.guarantee");
    }
}
