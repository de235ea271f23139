package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.newswire.app.bench.IndexBenchmark;
import io.newswire.processors.TopologySettings;
import org.junit.jupiter.api.Test;

class IndexBenchmarkTest {

    @Test
    void shouldPrintEachStepsCostAndEndWithTheRatioOfTheLastWindow() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new IndexBenchmark(TopologySettings.defaults().inProcess(), "lz4", new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .run(BenchCommand.corpus(List.of(Path.of("../seeds")), 0), 400, Duration.ofMillis(600));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

        Matcher window = Pattern.compile("signature +(\\d+) µs, index +(\\d+) µs: index/signature ([\\d.]+)")
                .matcher(lines.stream().filter(l -> l.contains("index/signature ")).findFirst().orElseThrow());
        assertThat(window.find()).isTrue();
        double ratio = Double.parseDouble(window.group(3));
        assertThat(ratio).isCloseTo(Double.parseDouble(window.group(2)) / Double.parseDouble(window.group(1)),
                org.assertj.core.data.Offset.offset(0.1 * ratio + 0.1));
        String steps = lines.stream().filter(l -> l.contains("index by step")).findFirst().orElseThrow();
        Matcher parts = Pattern.compile("story vector +(\\d+) µs, probes +(\\d+) µs, decision +(\\d+) µs").matcher(steps);
        assertThat(parts.find()).isTrue();
        long named = Long.parseLong(parts.group(1)) + Long.parseLong(parts.group(2)) + Long.parseLong(parts.group(3));
        assertThat(named).isPositive().isLessThanOrEqualTo(Long.parseLong(window.group(2)) + 3);
        assertThat(lines.get(lines.size() - 1)).matches("index/signature ratio \\d+\\.\\d\\d");
        assertThat(lines).anyMatch(l -> l.startsWith("decisions: ") && l.contains("SAME_STORY"));
        assertThat(lines.get(0)).as("the topology's store settings").contains("lz4 compression");
    }
}
