package io.newswire.sinks.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.Json;
import io.newswire.sinks.SinkRecord;
import io.newswire.sinks.TestClock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollingJsonLinesTest {

    static final Instant DAY_ONE = Instant.parse("2026-11-22T10:00:00Z");
    static final long NO_ROLL = Long.MAX_VALUE;

    @TempDir
    Path dir;

    static JsonNode doc(String id, int version, String headline) throws Exception {
        return Json.MAPPER.readTree("{\"id\":\"" + id + "\",\"version\":" + version
                + ",\"headline\":\"" + headline + "\"}");
    }

    RollingJsonLines open(Clock clock, long rollBytes) throws Exception {
        return new RollingJsonLines(dir.resolve("news.enriched"), rollBytes, clock, SinkRecord::identityOf);
    }

    List<String> files() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("news.enriched"))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Nested
    class Idempotence {

        @Test
        void shouldWriteOneLinePerIdentity() throws Exception {
            try (RollingJsonLines out = open(Clock.fixed(DAY_ONE, ZoneOffset.UTC), NO_ROLL)) {
                assertThat(out.write(doc("a", 1, "first"))).isTrue();
                assertThat(out.write(doc("a", 1, "redelivered"))).isFalse();
                assertThat(out.write(doc("a", 2, "new version"))).isTrue();
            }
            assertThat(Files.readAllLines(dir.resolve("news.enriched/2026-11-22-000.jsonl"))).containsExactly(
                    "{\"id\":\"a\",\"version\":1,\"headline\":\"first\"}",
                    "{\"id\":\"a\",\"version\":2,\"headline\":\"new version\"}");
        }

        @Test
        void shouldStayIdempotentAcrossRestarts() throws Exception {
            Clock clock = Clock.fixed(DAY_ONE, ZoneOffset.UTC);
            try (RollingJsonLines out = open(clock, NO_ROLL)) {
                out.write(doc("a", 1, "x"));
            }
            try (RollingJsonLines out = open(clock, NO_ROLL)) {
                assertThat(out.write(doc("a", 1, "x"))).isFalse();
                assertThat(out.write(doc("b", 1, "y"))).isTrue();
            }
            assertThat(Files.readAllLines(dir.resolve("news.enriched/2026-11-22-000.jsonl"))).hasSize(2);
        }

        @Test
        void shouldDropATornLastLineAndWriteThatRecordAgain() throws Exception {
            Path file = Files.createDirectories(dir.resolve("news.enriched")).resolve("2026-11-22-000.jsonl");
            Files.writeString(file, "{\"id\":\"a\",\"version\":1}\n{\"id\":\"b\",\"vers", StandardCharsets.UTF_8);
            try (RollingJsonLines out = open(Clock.fixed(DAY_ONE, ZoneOffset.UTC), NO_ROLL)) {
                assertThat(out.write(doc("a", 1, "x"))).isFalse();
                assertThat(out.write(doc("b", 1, "y"))).isTrue();
            }
            assertThat(Files.readAllLines(file)).containsExactly("{\"id\":\"a\",\"version\":1}",
                    "{\"id\":\"b\",\"version\":1,\"headline\":\"y\"}");
        }
    }

    @Nested
    class Rolling {

        @Test
        void shouldContinueInANewFileOnceTheRollSizeIsReached() throws Exception {
            try (RollingJsonLines out = open(Clock.fixed(DAY_ONE, ZoneOffset.UTC), 60)) {
                for (int i = 0; i < 5; i++) {
                    out.write(doc("id-" + i, 1, "a headline long enough"));
                }
            }
            assertThat(files()).containsExactly("2026-11-22-000.jsonl", "2026-11-22-001.jsonl", "2026-11-22-002.jsonl",
                    "2026-11-22-003.jsonl", "2026-11-22-004.jsonl");
            // after a restart the last file of the day is full too: a new one is started, nothing repeated
            try (RollingJsonLines out = open(Clock.fixed(DAY_ONE, ZoneOffset.UTC), 60)) {
                assertThat(out.write(doc("id-4", 1, "a headline long enough"))).isFalse();
                assertThat(out.write(doc("id-5", 1, "a headline long enough"))).isTrue();
            }
            assertThat(files()).contains("2026-11-22-005.jsonl");
        }

        @Test
        void shouldStartANewFileEachDayAndRememberYesterday() throws Exception {
            TestClock clock = new TestClock(DAY_ONE);
            try (RollingJsonLines out = open(clock, NO_ROLL)) {
                out.write(doc("a", 1, "monday"));
                clock.now = DAY_ONE.plus(1, ChronoUnit.DAYS);
                assertThat(out.write(doc("a", 1, "monday, redelivered on tuesday"))).isFalse();
                assertThat(out.write(doc("b", 1, "tuesday"))).isTrue();
            }
            assertThat(files()).containsExactly("2026-11-22-000.jsonl", "2026-11-23-000.jsonl");
            assertThat(Files.readAllLines(dir.resolve("news.enriched/2026-11-23-000.jsonl"))).hasSize(1);
        }
    }
}
