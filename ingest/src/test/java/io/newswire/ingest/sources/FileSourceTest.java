package io.newswire.ingest.sources;

import io.newswire.ingest.IngestListener;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import io.newswire.common.Article;
import io.newswire.common.DeadLetter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceTest {

    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path dir;

    private final List<Article> accepted = new ArrayList<>();
    private final List<DeadLetter> rejected = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final IngestListener listener = new IngestListener() {
        @Override
        public void accepted(Article article) {
            accepted.add(article);
        }

        @Override
        public void rejected(DeadLetter deadLetter) {
            rejected.add(deadLetter);
        }

        @Override
        public void skipped(String origin, String reason) {
            skipped.add(reason);
        }
    };

    private FileSource source(long maxBytes) {
        return FileSource.detecting(maxBytes, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void shouldTurnEachGoodFileIntoOneArticleWithAStableId() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("wire"));
        Files.writeString(inbox.resolve("a.txt"), "Talks resume\n\nOfficials met in Cairo.\n");
        int files = source(10_000).read(List.of(inbox), listener);
        source(10_000).read(List.of(inbox), listener);

        assertThat(files).isEqualTo(1);
        assertThat(rejected).isEmpty();
        assertThat(accepted).hasSize(2);
        Article a = accepted.get(0);
        assertThat(a.id()).isEqualTo(accepted.get(1).id());
        assertThat(a.source()).isEqualTo("wire");
        assertThat(a.headline()).isEqualTo("Talks resume");
        assertThat(a.received()).isEqualTo(NOW);
        assertThat(a.published()).isEqualTo(NOW);
        assertThat(a.url()).endsWith("/wire/a.txt");
    }

    @Test
    void shouldDeadLetterBadFilesAndGoOn() throws Exception {
        Files.write(dir.resolve("1-empty.txt"), new byte[0]);
        Files.write(dir.resolve("2-binary.bin"), new byte[] {1, 0, 2, 0});
        Files.writeString(dir.resolve("3-headline-only.txt"), "Just a headline");
        Files.writeString(dir.resolve("4-huge.txt"), "H\n\n" + "x".repeat(2000));
        Files.writeString(dir.resolve("5-good.txt"), "Headline\n\nBody.");

        source(1000).read(List.of(dir), listener);

        assertThat(accepted).extracting(Article::headline).as("a headline alone is a flash")
                .containsExactly("Just a headline", "Headline");
        assertThat(accepted.get(0).body()).containsExactly("Just a headline");
        assertThat(rejected).extracting(DeadLetter::reason).containsExactly(
                "empty file", "binary content (NUL bytes): not a text article",
                "file of 2003 bytes exceeds the limit of 1000");
        assertThat(rejected).allSatisfy(d -> assertThat(d.stage()).isEqualTo("ingest"));
    }

    @Test
    void shouldRejectRandomBytesWithoutANulButKeepTextWithTabsAndFormFeeds() throws Exception {
        byte[] random = new byte[4000];
        new java.util.Random(7).nextBytes(random);
        for (int i = 0; i < random.length; i++) {
            if (random[i] == 0) {
                random[i] = 1; // no NUL: the control-character test alone must catch it
            }
        }
        Files.write(dir.resolve("1-random.dat"), random);
        Files.writeString(dir.resolve("2-text.txt"), "Headline\n\nA body\twith a tab.\f\nNext page.\r\n");

        source(100_000).read(List.of(dir), listener);

        assertThat(rejected).singleElement().satisfies(d -> assertThat(d.reason())
                .startsWith("binary content (").contains("control characters"));
        assertThat(accepted).extracting(Article::headline).containsExactly("Headline");
    }

    @Test
    void shouldReadAFolderMixingFormats() throws Exception {
        Files.writeString(dir.resolve("1.json"), """
                {"uri": "urn:wire:1", "version": 4, "headline": "Talks resume", "body_text": "Officials met.",
                 "copyrightholder": "Wire", "language": "en"}""");
        Files.writeString(dir.resolve("2.xml"), """
                <newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>
                  <newsItem guid="urn:g2:1"><itemMeta><itemClass qcode="ninat:text"/></itemMeta>
                    <contentMeta><headline>Cairo talks</headline></contentMeta>
                    <contentSet><inlineData>Delegations arrived.</inlineData></contentSet></newsItem>
                  <newsItem guid="urn:g2:2"><itemMeta><itemClass qcode="ninat:picture"/></itemMeta></newsItem>
                  <newsItem guid="urn:g2:3"><itemMeta><itemClass qcode="ninat:text"/></itemMeta>
                    <contentMeta><headline>Placeholder</headline></contentMeta>
                    <contentSet><inlineXML contenttype="application/nitf+xml"/></contentSet></newsItem>
                  <newsItem guid="urn:g2:4"><itemMeta><itemClass qcode="ninat:text"/></itemMeta>
                    <contentMeta><headline>Flash: quake hits Wellington</headline></contentMeta></newsItem>
                </itemSet></newsMessage>""");
        Files.writeString(dir.resolve("3.xml"), "<?xml version=\"1.0\"?><!DOCTYPE nitf [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><nitf/>");
        Files.writeString(dir.resolve("4.txt"), "Plain headline\n\nPlain body.");

        source(10_000).read(List.of(dir), listener);

        assertThat(accepted).extracting(Article::id).containsExactly("urn:wire:1", "urn:g2:1", "urn:g2:4",
                accepted.get(3).id());
        assertThat(accepted).extracting(Article::format).containsExactly("ninjs", "newsml-g2", "newsml-g2", "text");
        assertThat(accepted.get(2).body()).as("a flash keeps its headline as its text")
                .containsExactly("Flash: quake hits Wellington");
        Article ninjs = accepted.get(0);
        assertThat(ninjs.version()).isEqualTo(4);
        assertThat(ninjs.source()).isEqualTo("Wire");
        assertThat(ninjs.language()).isEqualTo("en");
        assertThat(skipped).containsExactly("picture item without text");
        assertThat(rejected).extracting(DeadLetter::reason).satisfiesExactly(
                r -> assertThat(r).isEqualTo("text item carries no text in the file"),
                r -> assertThat(r).contains("DOCTYPE"));
        assertThat(rejected.get(0).origin()).endsWith("2.xml#urn:g2:3");
    }

    @Test
    void shouldReadUndeclaredLatin1() throws Exception {
        Files.write(dir.resolve("latin1.txt"), "Café talks\n\nThe minister’s café.".getBytes("windows-1252"));
        source(10_000).read(List.of(dir), listener);
        assertThat(accepted.get(0).headline()).isEqualTo("Café talks");
        assertThat(accepted.get(0).body()).containsExactly("The minister’s café.");
    }

    @Test
    void shouldReadUtf8WithABom() throws Exception {
        byte[] text = "\uFEFFTalks\n\nBody é.".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("bom.txt"), text);
        source(10_000).read(List.of(dir), listener);
        assertThat(accepted.get(0).headline()).isEqualTo("Talks");
    }

    @org.junit.jupiter.api.Nested
    class ReadableText {

        private Article read(byte[] bytes) {
            source(1_000_000).readBytes(bytes, "push", "wire", listener);
            assertThat(rejected).as("nothing dead-lettered").isEmpty();
            return accepted.get(accepted.size() - 1);
        }

        @Test
        void shouldReadUtf16AndUtf32WithAByteOrderMark() {
            String text = "Café talks resume\n\nThe minister’s café reopened.";
            for (String charset : List.of("UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE")) {
                byte[] body = text.getBytes(java.nio.charset.Charset.forName(charset));
                byte[] bom = "\uFEFF".getBytes(java.nio.charset.Charset.forName(charset));
                byte[] all = new byte[bom.length + body.length];
                System.arraycopy(bom, 0, all, 0, bom.length);
                System.arraycopy(body, 0, all, bom.length, body.length);
                assertThat(read(all).headline()).as(charset).isEqualTo("Café talks resume");
            }
            byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-16\"?><nitf><head><docdata><doc-id id-string=\"U16\"/>"
                    + "</docdata></head><body><body.head><hedline><hl1>Café talks</hl1></hedline></body.head>"
                    + "<body.content><p>Ministers met.</p></body.content></body></nitf>")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_16);
            assertThat(read(xml).headline()).isEqualTo("Café talks");
        }

        @Test
        void shouldTrustUtf8BytesOverADeclaredSingleByteCharsetAndSaySo() {
            byte[] xml = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><nitf><head><docdata><doc-id id-string=\"C1\"/>"
                    + "</docdata></head><body><body.head><hedline><hl1>Café talks</hl1></hedline></body.head>"
                    + "<body.content><p>The minister’s café.</p></body.content></body></nitf>")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Article a = read(xml);
            assertThat(a.headline()).isEqualTo("Café talks");
            assertThat(a.meta().notes()).containsExactly("declared charset iso-8859-1, but the bytes are UTF-8: read as UTF-8");
            byte[] latin1 = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><nitf><head><docdata><doc-id id-string=\"C2\"/>"
                    + "</docdata></head><body><body.head><hedline><hl1>Café talks</hl1></hedline></body.head>"
                    + "<body.content><p>Ministers met.</p></body.content></body></nitf>")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            Article declared = read(latin1);
            assertThat(declared.headline()).as("a true declaration is kept").isEqualTo("Café talks");
            assertThat(declared.meta().notes()).isEmpty();
        }

        @Test
        void shouldTakeAUrlOnTheFirstLineAsTheArticleUrl() {
            Article a = read("https://news.example/2024/talks\nTalks resume in Cairo\n\nOfficials met.".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
            assertThat(a.url()).isEqualTo("https://news.example/2024/talks");
            assertThat(a.headline()).isEqualTo("Talks resume in Cairo");
        }

        @Test
        void shouldNeverTakeAJavascriptUriForAnIdOrAUrl() {
            Article a = read("""
                    {"uri": "javascript:alert(document.cookie)", "headline": "Talks resume", "body_text": "Officials met."}"""
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(a.id()).doesNotStartWith("javascript").hasSize(32);
            assertThat(a.meta().notes()).singleElement().asString().contains("generated id");
            Article page = read(("<!DOCTYPE html><html><head><title>Talks</title><meta property=\"og:url\" "
                    + "content=\"javascript:alert(1)\"></head><body><article><p>"
                    + "Officials from Egypt and Qatar met in Cairo on Monday to discuss the talks. ".repeat(8)
                    + "</p></article></body></html>").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(page.url()).doesNotStartWith("javascript");
            assertThat(page.id()).doesNotStartWith("javascript");
            Article tag = read("""
                    {"uri": "tag:reuters.com,2014:newsml_X", "headline": "Talks resume", "body_text": "Officials met."}"""
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(tag.id()).as("tag URIs are ids").isEqualTo("tag:reuters.com,2014:newsml_X");
        }

        @Test
        void shouldReplaceAnImplausibleDateByTheArrivalAndSaySo() {
            Article a = read("""
                    {"uri": "urn:d:1", "headline": "Talks resume", "body_text": "Officials met.",
                     "versioncreated": "9999-12-31T00:00:00Z"}""".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(a.published()).isEqualTo(NOW);
            assertThat(a.meta().notes()).singleElement().asString().contains("implausible");
        }
    }
}
