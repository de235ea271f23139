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
    void shouldListOnlyTheSettingsACommandReads() {
        assertThat(Main.settingsHelp(new RunCommand().settings()))
                .contains("bootstrap.servers", "topic.partitions", "processing.guarantee", "sink.jdbc.url", "data.dir");
        assertThat(Main.settingsHelp(new IngestCommand().settings()))
                .contains("bootstrap.servers", "http.token")
                .doesNotContain("processing.guarantee", "sink.jdbc.url", "dedup.retention.days");
        assertThat(Main.settingsHelp(new SinkCommand().settings()))
                .contains("sink.jdbc.url", "dashboard.port").doesNotContain("story.threshold", "http.token");
    }

    @Test
    void shouldRefuseASettingTheCommandDoesNotRead() {
        assertThat(Main.execute("ingest", "--bootstrap-servers", "localhost:1", "--story-threshold", "0.3", "x"))
                .isEqualTo(2);
    }

    @Test
    void shouldListEveryCommandAndSubcommandInTheTopLevelHelp() {
        assertThat(Main.usage()).contains("eval ner", "eval formats", "eval neardup", "eval clusters",
                "bench enrich", "bench dedup", "bench index", "bench ingest", "bench latency", "broker");
    }
}
