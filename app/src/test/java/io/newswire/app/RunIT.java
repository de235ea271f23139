package io.newswire.app;

import io.newswire.sinks.SinkSettings;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.Json;
import io.newswire.common.NewswireConfig;
import io.newswire.processors.nlp.Enrichment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newswire run} end to end on the embedded KRaft broker. */
class RunIT {

    static final Path SEEDS = Path.of(System.getProperty("newswire.seeds", "../seeds"));
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    /** Asserts that every record a run wrote to its files keeps its topic's contract (schemas/). */
    static void assertContracts(Path out) throws Exception {
        int checked = 0;
        for (String topic : List.of("news.enriched", "news.decisions", "news.stories", "news.dlq")) {
            for (JsonNode record : lines(out.resolve(topic))) {
                io.newswire.common.TopicContracts.assertValid(topic, record);
                checked++;
            }
        }
        org.assertj.core.api.Assertions.assertThat(checked).as("records checked against their contracts").isPositive();
    }

    /** Every document in a sink folder's JSON Lines files (a file a day, rolled by size), in file order. */
    /**
     * The current record of each id in a folder of articles: its last line (a revision of an article, when its
     * story merged, split or was renamed, is appended after it). Checks that the lines of an id come in
     * revision order within a version where they carry one (ninjs does not).
     */
    static List<JsonNode> latest(Path folder, String idField) throws Exception {
        java.util.Map<String, JsonNode> byId = new java.util.LinkedHashMap<>();
        for (JsonNode line : lines(folder)) {
            String id = line.path(idField).asText();
            JsonNode before = byId.get(id);
            if (before != null && line.has("revision")
                    && line.path("version").asInt() == before.path("version").asInt()) {
                assertThat(line.path("revision").asInt(0)).as("revisions of %s in order", id)
                        .isGreaterThan(before.path("revision").asInt(0));
            }
            byId.put(id, line);
        }
        return List.copyOf(byId.values());
    }

    static List<JsonNode> lines(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<JsonNode> all = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                Files.readAllLines(file).stream().map(RunITSupport::parse).forEach(all::add);
            }
        }
        return all;
    }

    @Test
    void shouldRunTheSeedsThroughThePipelineIntoOut() throws Exception {
        NewswireConfig config = NewswireConfig.defaults().with(SinkSettings.OUT_DIR, dir.resolve("out").toString());

        RunCommand.Summary summary = RunCommand.run(config, List.of(SEEDS), TIMEOUT, Enrichment.withModels());
        assertContracts(dir.resolve("out"));

        assertThat(summary.read()).isEqualTo(5);
        assertThat(summary.published()).isEqualTo(5);
        assertThat(summary.enriched()).isEqualTo(5);
        assertThat(summary.deadLetters()).isZero();
        Path enriched = dir.resolve("out/news.enriched");
        String text = lines(enriched).toString();
        assertThat(text).doesNotContain("Leave a Reply", "Check Also", "Home »", "Required fields");
        List<JsonNode> articles = latest(enriched, "id");
        assertThat(articles).hasSize(5);
        List<JsonNode> stories = latest(dir.resolve("out/news.stories"), "id").stream()
                .filter(st -> st.path("merged_into").isNull() || st.path("merged_into").isMissingNode()).toList();
        assertThat(articles).allSatisfy(a -> assertThat(stories).as("the story of %s", a.path("id").asText())
                .anySatisfy(st -> assertThat(st.path("id").asText()).isEqualTo(a.path("story_id").asText())));
        assertThat(articles).extracting(a -> a.path("id").asText()).doesNotHaveDuplicates();
        assertThat(articles).allSatisfy(a -> {
            assertThat(a.path("headline").asText()).isNotBlank();
            assertThat(a.path("content_hash").asText()).hasSize(64);
            assertThat(a.path("language").asText()).isEqualTo("en");
            assertThat(a.path("entity_status").asText()).isEqualTo("analysed");
        });
        // Within-article resolution does not depend on the order partitions are processed in (which spelling
        // the registry knows first does: see README, Named entities).
        JsonNode seed004 = articles.stream().filter(a -> a.path("url").asText().endsWith("004_7e7348cd9e7e3188.txt"))
                .findFirst().orElseThrow();
        assertThat(seed004.path("entities").findValuesAsText("name")).contains("Joe Biden")
                .doesNotContain("Bibi Netanyahu", "Biden");
        List<JsonNode> netanyahu = new java.util.ArrayList<>();
        seed004.path("entities").forEach(e -> {
            if (e.path("name").asText().endsWith("yahu")) {
                netanyahu.add(e);
            }
        });
        assertThat(netanyahu).as("one Netanyahu entity in the article").hasSize(1);
        assertThat(netanyahu.get(0).path("surface_forms").toString()).contains("Bibi Netanyahu", "Benjamin Netanyahu");
        assertThat(seed004.path("entities").findValuesAsText("key")).contains("location:iso:US");
        assertThat(lines(dir.resolve("out/news.dlq"))).isEmpty();
        List<JsonNode> ninjs = latest(dir.resolve("out/news.enriched.ninjs"), "uri");
        assertThat(ninjs).hasSize(5);
        assertThat(ninjs).allSatisfy(n -> {
            assertThat(n.path("uri").asText()).startsWith("urn:newswire:article:");
            assertThat(n.path("associations").findValuesAsText("name")).contains("story");
        });
        assertThat(ninjs).anySatisfy(n -> assertThat(n.path("people").findValuesAsText("name")).contains("Joe Biden"));

        // A second run (a fresh embedded broker) replaces the output: still one current line per article.
        RunCommand.run(config, List.of(SEEDS), TIMEOUT, Enrichment.none());
        List<JsonNode> again = latest(enriched, "id");
        assertThat(again).hasSize(5);
    }

    @Test
    void shouldDeadLetterBadFilesAndFlagCopies() throws Exception {
        Path input = Files.createDirectories(dir.resolve("in"));
        Files.copy(SEEDS.resolve("002_74145aa1be8ea05e.txt"), input.resolve("a.txt"));
        Path mirror = Files.createDirectories(dir.resolve("in/mirror"));
        Files.copy(SEEDS.resolve("002_74145aa1be8ea05e.txt"), mirror.resolve("copy.txt"));
        Files.write(input.resolve("empty.txt"), new byte[0]);
        Files.writeString(input.resolve("wire.json"), """
                {"uri": "urn:wire:talks:1", "headline": "Talks resume in Cairo",
                 "body_html": "<p>Officials from Egypt and Qatar met in Cairo on Monday.</p>"}""");
        Files.writeString(input.resolve("wire.nitf.xml"), """
                <nitf><head><docdata><doc-id id-string="NITF.1"/></docdata></head><body>
                  <body.head><hedline><hl1>Fires in the Blue Mountains</hl1></hedline></body.head>
                  <body.content><p>Crews fought fires near Sydney.</p></body.content></body></nitf>""");
        Files.writeString(input.resolve("kill.json"), """
                {"uri": "urn:wire:flood:7", "version": 2, "pubstatus": "canceled", "headline": "Flood warning",
                 "body_text": "This story has been withdrawn."}""");
        Files.writeString(input.resolve("hostile.xml"),
                "<!DOCTYPE nitf [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><nitf>&x;</nitf>");
        NewswireConfig config = NewswireConfig.defaults().with(SinkSettings.OUT_DIR, dir.resolve("out").toString());

        RunCommand.Summary summary = RunCommand.run(config, List.of(input), TIMEOUT, Enrichment.none());
        assertContracts(dir.resolve("out"));

        assertThat(summary.read()).isEqualTo(7);
        assertThat(summary.published()).isEqualTo(5);
        assertThat(summary.enriched()).isEqualTo(4);
        assertThat(summary.kills()).as("a kill ends as a tombstone, and the run still completes").isEqualTo(1);
        // The copy and its original sit on different partitions; when the copy happens to be processed first
        // it stays new (see README, Deduplication): at most one is flagged, and only ever towards its twin.
        assertThat(summary.duplicates()).isBetween(0L, 1L);
        assertThat(summary.deadLetters()).isEqualTo(2);
        List<JsonNode> letters = lines(dir.resolve("out/news.dlq"));
        assertThat(letters).extracting(d -> d.path("reason").asText())
                .anySatisfy(r -> assertThat(r).isEqualTo("empty file"))
                .anySatisfy(r -> assertThat(r).contains("DOCTYPE"));
        List<JsonNode> articles = latest(dir.resolve("out/news.enriched"), "id");
        assertThat(articles).extracting(a -> a.path("format").asText()).contains("ninjs", "nitf", "text");
        assertThat(articles).extracting(a -> a.path("id").asText()).contains("urn:wire:talks:1", "NITF.1");
        List<JsonNode> twins = articles.stream().filter(a -> a.path("url").asText().endsWith("a.txt")
                || a.path("url").asText().endsWith("copy.txt")).toList();
        assertThat(twins).hasSize(2);
        for (JsonNode twin : twins) {
            if (!twin.path("duplicate_of").isNull()) {
                JsonNode other = twins.get(twins.get(0) == twin ? 1 : 0);
                assertThat(twin.path("duplicate_of").asText()).isEqualTo(other.path("id").asText());
                assertThat(other.path("duplicate_of").isNull()).as("never both at each other").isTrue();
            }
        }
    }

    /** Parsing helper kept apart so lambdas stay readable. */
    static final class RunITSupport {
        static JsonNode parse(String line) {
            try {
                return Json.MAPPER.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }
    }
}
