package io.newswire.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFileSinkTest {

    @TempDir
    Path dir;

    static SinkRecord record(String id, int version, String headline) throws Exception {
        JsonNode json = Json.MAPPER.readTree("{\"id\":\"" + id + "\",\"version\":" + version
                + ",\"headline\":\"" + headline + "\"}");
        return new SinkRecord("news.enriched", SinkRecord.identityOf(json), json);
    }

    @Test
    void shouldWriteOneLinePerRecordIdentity() throws Exception {
        Path file = dir.resolve("out/news.enriched.jsonl");
        try (JsonLinesFileSink sink = new JsonLinesFileSink(file)) {
            assertThat(sink.write(record("a", 1, "first"))).isTrue();
            assertThat(sink.write(record("a", 1, "redelivered"))).isFalse();
            assertThat(sink.write(record("a", 2, "new version"))).isTrue();
        }
        assertThat(Files.readAllLines(file)).containsExactly(
                "{\"id\":\"a\",\"version\":1,\"headline\":\"first\"}",
                "{\"id\":\"a\",\"version\":2,\"headline\":\"new version\"}");
    }

    @Test
    void shouldStayIdempotentAcrossRestarts() throws Exception {
        Path file = dir.resolve("news.enriched.jsonl");
        try (JsonLinesFileSink sink = new JsonLinesFileSink(file)) {
            sink.write(record("a", 1, "x"));
        }
        try (JsonLinesFileSink sink = new JsonLinesFileSink(file)) {
            assertThat(sink.write(record("a", 1, "x"))).isFalse();
            assertThat(sink.write(record("b", 1, "y"))).isTrue();
        }
        assertThat(Files.readAllLines(file)).hasSize(2);
    }

    @Test
    void shouldDropATornLastLineAndWriteThatRecordAgain() throws Exception {
        Path file = dir.resolve("news.enriched.jsonl");
        Files.writeString(file, "{\"id\":\"a\",\"version\":1}\n{\"id\":\"b\",\"vers", StandardCharsets.UTF_8);
        try (JsonLinesFileSink sink = new JsonLinesFileSink(file)) {
            assertThat(sink.write(record("a", 1, "x"))).isFalse();
            assertThat(sink.write(record("b", 1, "y"))).isTrue();
        }
        assertThat(Files.readAllLines(file)).containsExactly("{\"id\":\"a\",\"version\":1}",
                "{\"id\":\"b\",\"version\":1,\"headline\":\"y\"}");
    }

    @Test
    void shouldKeyDeadLettersByTheirIdAlone() throws Exception {
        JsonNode letter = Json.MAPPER.readTree("{\"id\":\"d1\",\"stage\":\"validate\"}");
        assertThat(SinkRecord.identityOf(letter)).isEqualTo("d1");
    }
}
