package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.NewswireConfig;
import io.newswire.processors.nlp.Enrichment;
import io.newswire.sinks.SinkSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs built to take the pipeline down or reach where they should not, mixed with good copy, in one run:
 * an article that triples in size as JSON, XML and HTML nested thousands deep, 30,000 nested blockquotes in
 * a ninjs body, ids and links that are javascript: URIs. Each hostile input ends as a dead letter with its
 * reason (or, for the URIs, as an article under a generated id), every good article is enriched, and the
 * run completes.
 */
class AttackIT {

    static final int GOOD = 20;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
    void shouldDeadLetterEveryAttackAndKeepGoodCopyFlowing() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in/wire"));
        for (int i = 0; i < GOOD; i++) {
            Files.writeString(in.resolve(String.format("good-%02d.txt", i)), "Good headline " + i
                    + "\n\nOfficials met in Cairo on Monday for round " + i + " of the talks on the ceasefire.");
        }
        // 400 KB of control characters after a normal opening: 2.4 MB once escaped as JSON.
        Files.writeString(in.resolve("escape-bomb.txt"), "Escapes\n\n" + "Officials met in Cairo. ".repeat(400)
                + "\u0001".repeat(400_000));
        Files.writeString(in.resolve("deep.xml"), "<nitf><body><body.content>" + "<p>".repeat(5_000) + "x"
                + "</p>".repeat(5_000) + "</body.content></body></nitf>");
        Files.writeString(in.resolve("deep.html"), "<!DOCTYPE html><html><body>" + "<div>".repeat(70_000) + "text"
                + "</div>".repeat(70_000) + "</body></html>");
        Files.writeString(in.resolve("blockquotes.json"), "{\"uri\": \"urn:attack:quotes\", \"headline\": \"Quotes\", "
                + "\"body_html\": \"" + "<blockquote>".repeat(30_000) + "deep" + "</blockquote>".repeat(30_000) + "\"}");
        Files.writeString(in.resolve("javascript.json"), "{\"uri\": \"javascript:alert(document.cookie)\", "
                + "\"headline\": \"Script id\", \"body_text\": \"An id that is a script.\"}");
        int attacks = 5;

        NewswireConfig config = NewswireConfig.defaults().with(SinkSettings.OUT_DIR, dir.resolve("out").toString());
        RunCommand.Summary summary = RunCommand.run(config, List.of(dir.resolve("in")), RunIT.TIMEOUT, Enrichment.none());
        RunIT.assertContracts(dir.resolve("out"));

        List<JsonNode> letters = RunIT.lines(dir.resolve("out/news.dlq"));
        List<JsonNode> articles = RunIT.latest(dir.resolve("out/news.enriched"), "id");
        System.out.printf("attacks: %d inputs tried (%d hostile), %d dead letters, %d articles enriched%n",
                GOOD + attacks, attacks, letters.size(), articles.size());
        letters.forEach(l -> System.out.printf("  dead letter: %s%n", l.path("reason").asText()));
        assertThat(summary.read()).isEqualTo(GOOD + attacks);
        assertThat(letters).extracting(l -> l.path("reason").asText())
                .anySatisfy(r -> assertThat(r).contains("as JSON exceeds the limit"))
                .anySatisfy(r -> assertThat(r).containsIgnoringCase("depth"))
                .anySatisfy(r -> assertThat(r).contains("nested deeper than 256"))
                .hasSize(4);
        assertThat(articles).extracting(a -> a.path("headline").asText())
                .as("every good article, and the script id under an id of its own")
                .containsAll(java.util.stream.IntStream.range(0, GOOD).mapToObj(i -> "Good headline " + i).toList())
                .contains("Script id");
        assertThat(articles).extracting(a -> a.path("id").asText()).noneMatch(id -> id.startsWith("javascript"));
    }
}
