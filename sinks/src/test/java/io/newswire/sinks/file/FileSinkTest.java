package io.newswire.sinks.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.Json;
import io.newswire.sinks.SinkSettings.FileFormat;
import io.newswire.common.Topics;
import io.newswire.sinks.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {

    static final Clock CLOCK = Clock.fixed(RollingJsonLinesTest.DAY_ONE, ZoneOffset.UTC);

    @TempDir
    Path dir;

    static JsonNode article(String id) throws Exception {
        return Json.MAPPER.readTree("""
                {"id":"%s","version":1,"source":"wire","headline":"Talks resume","body":["Officials met."],
                 "received":"2026-11-22T09:00:00Z","published":"2026-11-22T08:00:00Z","entities":[],
                 "story_id":"%s"}""".formatted(id, id));
    }

    @Test
    void shouldWriteEachKindToItsOwnFolderAndArticlesInBothFormats() throws Exception {
        try (FileSink sink = new FileSink(dir, Topics.withPrefix(""), Set.of(FileFormat.INTERNAL, FileFormat.NINJS),
                Long.MAX_VALUE, CLOCK)) {
            assertThat(sink.write(SinkRecord.of(SinkRecord.Kind.ARTICLE, "a1", article("a1")))).isTrue();
            assertThat(sink.write(SinkRecord.of(SinkRecord.Kind.ARTICLE, "a1", article("a1")))).isFalse();
            assertThat(sink.write(SinkRecord.of(SinkRecord.Kind.ARTICLE, "a0", null))).as("a kill").isFalse();
            sink.write(SinkRecord.of(SinkRecord.Kind.DEAD_LETTER, "k", Json.MAPPER.readTree(
                    "{\"id\":\"d1\",\"stage\":\"validate\",\"reason\":\"no headline\"}")));
            sink.write(SinkRecord.of(SinkRecord.Kind.DECISION, "a1", Json.MAPPER.readTree(
                    "{\"article_id\":\"a1\",\"version\":1,\"decision\":\"NEW\"}")));
            sink.flush();
        }
        assertThat(Files.readAllLines(dir.resolve("news.enriched/2026-11-22-000.jsonl"))).hasSize(1);
        List<String> ninjs = Files.readAllLines(dir.resolve("news.enriched.ninjs/2026-11-22-000.jsonl"));
        assertThat(ninjs).hasSize(1);
        assertThat(Json.MAPPER.readTree(ninjs.get(0)).path("uri").asText()).isEqualTo("urn:newswire:article:a1");
        assertThat(Files.readAllLines(dir.resolve("news.dlq/2026-11-22-000.jsonl"))).singleElement()
                .asString().contains("no headline");
        assertThat(Files.readAllLines(dir.resolve("news.decisions/2026-11-22-000.jsonl"))).hasSize(1);
    }

    @Test
    void shouldAppendARevisionOnceSoThatTheLastLineOfAnIdIsItsLatestStory() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode revised = (com.fasterxml.jackson.databind.node.ObjectNode)
                article("a1");
        revised.put("story_id", "s0").put("revision", 1);
        try (FileSink sink = new FileSink(dir, Topics.withPrefix(""), Set.of(FileFormat.INTERNAL, FileFormat.NINJS),
                Long.MAX_VALUE, CLOCK)) {
            assertThat(sink.write(SinkRecord.of(SinkRecord.Kind.ARTICLE, "a1", article("a1")))).isTrue();
            assertThat(sink.write(SinkRecord.of(SinkRecord.Kind.ARTICLE, "a1", revised))).as("merged into s0").isTrue();
            assertThat(sink.write(SinkRecord.of(SinkRecord.Kind.ARTICLE, "a1", revised))).as("redelivered").isFalse();
            sink.flush();
        }
        List<String> lines = Files.readAllLines(dir.resolve("news.enriched/2026-11-22-000.jsonl"));
        assertThat(lines).hasSize(2);
        assertThat(Json.MAPPER.readTree(lines.get(1)).path("story_id").asText()).isEqualTo("s0");
        List<String> ninjs = Files.readAllLines(dir.resolve("news.enriched.ninjs/2026-11-22-000.jsonl"));
        assertThat(ninjs).hasSize(2);
        assertThat(ninjs.get(1)).contains("urn:newswire:story:s0");
    }

    @Test
    void shouldWriteOnlyNinjsWhenAskedTo() throws Exception {
        try (FileSink sink = new FileSink(dir, Topics.withPrefix(""), Set.of(FileFormat.NINJS), Long.MAX_VALUE,
                CLOCK)) {
            sink.write(SinkRecord.of(SinkRecord.Kind.ARTICLE, "a1", article("a1")));
        }
        assertThat(dir.resolve("news.enriched")).doesNotExist();
        assertThat(Files.readAllLines(dir.resolve("news.enriched.ninjs/2026-11-22-000.jsonl"))).hasSize(1);
    }

    @Test
    void shouldKeyDeadLettersByTheirIdAndDecisionsByArticleAndVersion() throws Exception {
        assertThat(SinkRecord.identityOf(Json.MAPPER.readTree("{\"id\":\"d1\",\"stage\":\"validate\"}")))
                .isEqualTo("d1");
        assertThat(SinkRecord.identityOf(Json.MAPPER.readTree("{\"article_id\":\"a\",\"version\":2}")))
                .isEqualTo("a@2");
        assertThat(SinkRecord.identityOf(Json.MAPPER.readTree(
                "{\"article_id\":\"a\",\"version\":2,\"decision\":\"KILL\"}")))
                .as("a kill of a version already decided is a decision of its own").isEqualTo("a@2/kill");
        assertThat(SinkRecord.identityOf(Json.MAPPER.readTree(
                "{\"article_id\":\"a\",\"version\":2,\"decision\":\"SAME_STORY\"}")))
                .as("a second run's other first decision is the same outcome").isEqualTo("a@2");
        assertThat(SinkRecord.identityOf(Json.MAPPER.readTree(
                "{\"article_id\":\"a\",\"version\":2,\"decision\":\"SAME_STORY\",\"revision\":1}")))
                .as("a revision is a decision of its own").isEqualTo("a@2r1");
    }
}
