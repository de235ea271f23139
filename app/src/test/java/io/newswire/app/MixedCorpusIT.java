package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.NewswireConfig;
import io.newswire.processors.nlp.Enrichment;
import io.newswire.sinks.SinkSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run over real wire's awkward cases: two different items under one id and version, versions out of
 * order, a kill and a redelivery after it, a declared charset the bytes contradict, UTF-16 with a byte order
 * mark, an item with no headline, a flash, agency formats, and input that can only be a dead letter. Every
 * input is accounted for, as an article, a kill, a stale version or a dead letter, and the latest record of
 * every id is its newest version.
 */
class MixedCorpusIT {

    @TempDir
    Path dir;

    private static String ninjs(String uri, int version, String headline, String body, String extra) {
        return "{\"uri\": \"" + uri + "\", \"version\": " + version + (headline == null ? "" : ", \"headline\": \""
                + headline + "\"") + ", \"body_text\": \"" + body + "\"" + extra + "}";
    }

    @Test
    void shouldAccountForEveryInputAndKeepTheNewestVersionLatest() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in/wire"));
        Files.writeString(in.resolve("01-collision-a.json"), ninjs("urn:m:c", 1, "Talks resume in Cairo",
                "Officials from Egypt and Qatar met in Cairo on Monday.", ""));
        Files.writeString(in.resolve("02-collision-b.json"), ninjs("urn:m:c", 1, "Fires near Sydney",
                "Crews fought bushfires in the Blue Mountains overnight.", ""));
        Files.writeString(in.resolve("03-v3.json"), ninjs("urn:m:v", 3, "Storm reaches the coast",
                "The storm reached the coast on Tuesday, officials said.", ""));
        Files.writeString(in.resolve("04-v2.json"), ninjs("urn:m:v", 2, "Storm nears the coast",
                "The storm neared the coast on Monday.", ""));
        String kept = ninjs("urn:m:k", 1, "Minister resigns", "The minister resigned on Friday after the vote.", "");
        Files.writeString(in.resolve("05-kill-v1.json"), kept);
        Files.writeString(in.resolve("06-kill.json"), ninjs("urn:m:k", 1, "Minister resigns",
                "Withdrawn.", ", \"pubstatus\": \"canceled\""));
        Files.writeString(in.resolve("07-kill-redelivery.json"), kept);
        Files.write(in.resolve("08-misdeclared.xml"), ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><nitf><head>"
                + "<docdata><doc-id id-string=\"M-ENC\"/></docdata></head><body><body.head><hedline><hl1>Café talks "
                + "resume</hl1></hedline></body.head><body.content><p>The minister’s café reopened on Monday.</p>"
                + "</body.content></body></nitf>").getBytes(StandardCharsets.UTF_8));
        byte[] utf16 = "\uFEFFZürich vote passes\n\nVoters in Zürich approved the plan.".getBytes(StandardCharsets.UTF_16LE);
        Files.write(in.resolve("09-utf16.txt"), utf16);
        Files.writeString(in.resolve("10-no-headline.json"), ninjs("urn:m:h", 1, null,
                "Parliament passed the budget late on Thursday. The vote was close.", ""));
        Files.writeString(in.resolve("11-flash.xml"), "<nitf><head><docdata><doc-id id-string=\"M-FLASH\"/></docdata>"
                + "</head><body><body.head><hedline><hl1>FLASH: Earthquake hits Wellington</hl1></hedline></body.head>"
                + "</body></nitf>");
        Files.writeString(in.resolve("12-ritzau.xml"), "<RBNews><NewsID>m-rb-1</NewsID><PublishDate>2024-01-30T17:32:18"
                + "</PublishDate><headline>Regeringen fremlægger plan</headline><version>1</version><content>"
                + "&lt;p&gt;Regeringen fremlagde tirsdag sin plan.&lt;/p&gt;</content><Annuleret>false</Annuleret></RBNews>");
        Files.writeString(in.resolve("13-ap-remote.json"), "{\"api_version\": \"1.1\", \"data\": {\"item\": "
                + "{\"altids\": {\"itemid\": \"m-ap-1\"}, \"version\": 0, \"type\": \"text\", \"headline\": \"BC-Top Ten\"}}}");
        Files.writeString(in.resolve("14-broken.xml"), "<nitf><body>");
        int inputs = 14;

        NewswireConfig config = NewswireConfig.defaults().with(SinkSettings.OUT_DIR, dir.resolve("out").toString());
        RunCommand.Summary summary = RunCommand.run(config, List.of(dir.resolve("in")), RunIT.TIMEOUT, Enrichment.none());
        RunIT.assertContracts(dir.resolve("out"));

        List<JsonNode> articles = RunIT.lines(dir.resolve("out/news.enriched"));
        List<JsonNode> decisions = RunIT.lines(dir.resolve("out/news.decisions"));
        List<JsonNode> letters = RunIT.lines(dir.resolve("out/news.dlq"));
        // Counted as the sinks read the topics (a file keeps one line per id, version and decision).
        System.out.printf("mixed corpus: %d inputs -> %d articles, %d kills, %d stale, %d dead letters%n", inputs,
                summary.enriched(), summary.kills(), summary.stale(), summary.deadLetters());
        assertThat(summary.read()).isEqualTo(inputs);
        assertThat(summary.enriched() + summary.kills() + summary.stale() + summary.deadLetters())
                .as("every input accounted for").isEqualTo(inputs);
        assertThat(summary.kills()).isEqualTo(1);
        // v2 after v3 and v1 after the kill are stale; the first v1, when the kill overtook it on its way
        // (a kill waits for no index answers), is stale too.
        assertThat(summary.stale()).isBetween(2L, 3L);
        assertThat(summary.deadLetters()).isEqualTo(2);
        assertThat(decisions).extracting(d -> d.path("decision").asText()).contains("KILL", "STALE");
        assertThat(letters).extracting(l -> l.path("reason").asText())
                .anySatisfy(r -> assertThat(r).contains("carries no text"))
                .anySatisfy(r -> assertThat(r).contains("invalid XML"));

        Map<String, JsonNode> latest = new HashMap<>();
        articles.forEach(a -> latest.merge(a.path("id").asText(), a,
                (x, y) -> y.path("version").asInt() >= x.path("version").asInt() ? y : x));
        Map<String, JsonNode> last = new HashMap<>();
        articles.forEach(a -> last.put(a.path("id").asText(), a));
        assertThat(last).as("the last line of every id is its newest version").isEqualTo(latest);
        assertThat(last.get("urn:m:v").path("version").asInt()).isEqualTo(3);
        assertThat(articles.stream().filter(a -> a.path("id").asText().equals("urn:m:k")))
                .as("the redelivery after the kill is not written").hasSizeLessThanOrEqualTo(1);
        assertThat(last.keySet()).filteredOn(id -> id.startsWith("urn:m:c")).hasSize(2);
        assertThat(last.get("M-ENC").path("headline").asText()).isEqualTo("Café talks resume");
        assertThat(last.values()).extracting(a -> a.path("headline").asText())
                .contains("Zürich vote passes", "Parliament passed the budget late on Thursday.",
                        "FLASH: Earthquake hits Wellington", "Regeringen fremlægger plan");
    }
}
