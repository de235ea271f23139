package io.newswire.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import io.newswire.common.ItemMeta;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FormatsTest {

    static final Formats FORMATS = new Formats(new WebChromeCleaner());

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static List<ParsedItem> parse(String text) {
        byte[] b = bytes(text);
        return FORMATS.detect(b).parse(b);
    }

    @Nested
    class Detection {
        @Test
        void shouldTellFormatsFromTheirFirstBytes() {
            assertThat(FORMATS.detect(bytes("Headline\n\nBody.")).name()).isEqualTo("text");
            assertThat(FORMATS.detect(bytes("  {\"uri\": \"x\"}")).name()).isEqualTo("ninjs");
            assertThat(FORMATS.detect(bytes("<?xml version=\"1.0\"?>\n<!-- c -->\n<nitf>")).name()).isEqualTo("nitf");
            assertThat(FORMATS.detect(bytes("<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\">")).name())
                    .isEqualTo("newsml-g2");
            assertThat(FORMATS.detect(bytes("<g2:newsItem xmlns:g2=\"x\">")).name()).isEqualTo("newsml-g2");
            assertThat(FORMATS.detect(bytes("<NewsML Version=\"1.2\">")).name()).isEqualTo("newsml-1");
            assertThat(FORMATS.detect(bytes("<rss version=\"2.0\">")).name()).isEqualTo("feed");
            assertThat(FORMATS.detect(bytes("<feed xmlns=\"http://www.w3.org/2005/Atom\">")).name()).isEqualTo("feed");
            assertThat(FORMATS.detect(bytes("<!DOCTYPE html><html>")).name()).isEqualTo("html");
            assertThat(FORMATS.detect(bytes("<<< URGENT >>> Quake hits Wellington\n\nA strong quake.")).name())
                    .as("text that merely starts with '<'").isEqualTo("text");
            assertThat(FORMATS.detect(bytes("< 5 dead in floods\n\nRescuers searched.")).name()).isEqualTo("text");
        }

        @Test
        void shouldRefuseDocumentsThatAreNotNewsItems() {
            assertThatThrownBy(() -> FORMATS.detect(bytes("<xs:schema xmlns:xs=\"x\">")))
                    .isInstanceOf(NotANewsItemException.class).hasMessageContaining("XML Schema");
            assertThatThrownBy(() -> FORMATS.detect(bytes("<invoice>")))
                    .isInstanceOf(RejectedInputException.class).hasMessageContaining("<invoice>");
        }

        @Test
        void shouldNameTheFormatsForForcing() {
            assertThat(FORMATS.names()).containsExactly("text", "ninjs", "newsml-g2", "nitf", "newsml-1", "feed", "html",
                    "ap-media", "ritzau");
            assertThatThrownBy(() -> FORMATS.named("docx")).hasMessageContaining("known: text");
        }
    }

    @Test
    void shouldReadNitf() {
        ParsedItem item = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE nitf SYSTEM "nitf-3-6.dtd">
                <nitf xml:lang="en-AU">
                  <head>
                    <docdata management-status="usable">
                      <doc-id id-string="AAP.1" />
                      <urgency ed-urg="3" />
                      <date.issue norm="20131020T192751+1100" />
                      <date.release norm="20131020T230000+1100" />
                      <doc.copyright holder="AAP" />
                    </docdata>
                  </head>
                  <body>
                    <body.head><hedline><hl1>Fires burn in the Blue Mountains</hl1></hedline>
                      <byline>By John Doe</byline></body.head>
                    <body.content>
                      <p>Crews are on high alert.</p>
                      <p>More extreme weather   is forecast.</p>
                    </body.content>
                  </body>
                </nitf>
                """).get(0);
        assertThat(item.guid()).isEqualTo("AAP.1");
        assertThat(item.headline()).isEqualTo("Fires burn in the Blue Mountains");
        assertThat(item.byline()).isEqualTo("John Doe");
        assertThat(item.body()).containsExactly("Crews are on high alert.", "More extreme weather is forecast.");
        assertThat(item.language()).isEqualTo("en-AU");
        assertThat(item.published()).isEqualTo(Instant.parse("2013-10-20T08:27:51Z"));
        assertThat(item.meta().urgency()).isEqualTo(3);
        assertThat(item.meta().pubstatus()).isEqualTo(ItemMeta.USABLE);
        assertThat(item.meta().embargoed()).isEqualTo(Instant.parse("2013-10-20T12:00:00Z"));
        assertThat(item.meta().provider()).isEqualTo("AAP");
    }

    @Test
    void shouldReadEveryItemOfANewsMlG2Message() {
        List<ParsedItem> items = parse("""
                <newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
                  <itemSet>
                    <newsItem guid="urn:newsml:x:1" version="3" xml:lang="en">
                      <itemMeta><itemClass qcode="ninat:text"/><provider literal="Wire"/>
                        <versionCreated>2024-08-20T07:13:00Z</versionCreated><pubStatus qcode="stat:canceled"/>
                        <embargoed>2024-08-21T00:00:00Z</embargoed></itemMeta>
                      <contentMeta><urgency>2</urgency><contentCreated>2024-08-20T06:00:00+01:00</contentCreated>
                        <subject qcode="medtop:11000000"/><language tag="en-GB"/>
                        <headline>Talks resume in Cairo</headline></contentMeta>
                      <contentSet><inlineXML contenttype="application/xhtml+xml">
                        <html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head>
                          <body><h1>Talks resume in Cairo</h1><p>Officials met on Monday.</p><p>More talks follow.</p></body></html>
                      </inlineXML></contentSet>
                    </newsItem>
                    <newsItem guid="urn:newsml:x:2" version="1">
                      <itemMeta><itemClass qcode="ninat:picture"/></itemMeta>
                      <contentMeta><headline>Photo of the talks</headline></contentMeta>
                    </newsItem>
                  </itemSet>
                </newsMessage>
                """);
        assertThat(items).extracting(ParsedItem::kind).containsExactly(ParsedItem.Kind.TEXT, ParsedItem.Kind.PICTURE);
        ParsedItem text = items.get(0);
        assertThat(text.guid()).isEqualTo("urn:newsml:x:1");
        assertThat(text.version()).isEqualTo(3);
        assertThat(text.headline()).isEqualTo("Talks resume in Cairo");
        assertThat(text.body()).containsExactly("Talks resume in Cairo", "Officials met on Monday.", "More talks follow.");
        assertThat(text.language()).isEqualTo("en-GB");
        assertThat(text.published()).isEqualTo(Instant.parse("2024-08-20T05:00:00Z"));
        assertThat(text.meta().pubstatus()).isEqualTo(ItemMeta.CANCELED);
        assertThat(text.meta().urgency()).isEqualTo(2);
        assertThat(text.meta().subjects()).containsExactly("medtop:11000000");
        assertThat(text.meta().embargoed()).isEqualTo(Instant.parse("2024-08-21T00:00:00Z"));
        assertThat(text.meta().provider()).isEqualTo("Wire");
    }

    @Test
    void shouldKeepTheItemsOfANewsMlG2MessageInDocumentOrder() {
        List<ParsedItem> items = parse("""
                <newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
                  <itemSet>
                    <packageItem guid="urn:p:1"><itemMeta><itemClass qcode="ninat:composite"/></itemMeta></packageItem>
                    <newsItem guid="urn:n:1"><itemMeta><itemClass qcode="ninat:picture"/></itemMeta></newsItem>
                    <conceptItem guid="urn:c:1"><itemMeta><itemClass qcode="cinat:concept"/></itemMeta></conceptItem>
                    <newsItem guid="urn:n:2"><itemMeta><itemClass qcode="ninat:picture"/></itemMeta></newsItem>
                  </itemSet>
                </newsMessage>
                """);
        assertThat(items).extracting(ParsedItem::guid).containsExactly("urn:p:1", "urn:n:1", "urn:c:1", "urn:n:2");
    }

    @Test
    void shouldReportATextItemWhoseContentIsAPlaceholder() {
        ParsedItem item = parse("""
                <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g">
                  <itemMeta><itemClass qcode="ninat:text"/></itemMeta>
                  <contentMeta><headline>H</headline></contentMeta>
                  <contentSet><inlineXML contenttype="application/nitf+xml"><!-- story --></inlineXML></contentSet>
                </newsItem>
                """).get(0);
        assertThat(item.kind()).isEqualTo(ParsedItem.Kind.NO_CONTENT);
    }

    @Test
    void shouldReadNewsMl1WithInlineNitf() {
        ParsedItem item = parse("""
                <NewsML Version="1.2"><NewsItem xml:lang="en">
                  <Identification><NewsIdentifier><ProviderId>afp.com</ProviderId>
                    <RevisionId PreviousRevision="0" Update="N">2</RevisionId>
                    <PublicIdentifier>urn:newsml:afp.com:1:2</PublicIdentifier></NewsIdentifier></Identification>
                  <NewsManagement><FirstCreated>20140829T134951+0000</FirstCreated><Status FormalName="Usable"/>
                    <Urgency FormalName="4"/></NewsManagement>
                  <NewsComponent><NewsLines><HeadLine>Court accepts receivership</HeadLine></NewsLines>
                    <DescriptiveMetadata><Language FormalName="en"/><SubjectCode><Subject FormalName="04000000"/></SubjectCode></DescriptiveMetadata>
                    <NewsComponent><ContentItem><MediaType FormalName="Text"/><DataContent>
                      <nitf><body><body.content><p>A court said yes.</p><p>Shares rose.</p></body.content></body></nitf>
                    </DataContent></ContentItem></NewsComponent>
                  </NewsComponent></NewsItem></NewsML>
                """).get(0);
        assertThat(item.guid()).isEqualTo("urn:newsml:afp.com:1:2");
        assertThat(item.version()).isEqualTo(2);
        assertThat(item.headline()).isEqualTo("Court accepts receivership");
        assertThat(item.body()).containsExactly("A court said yes.", "Shares rose.");
        assertThat(item.published()).isEqualTo(Instant.parse("2014-08-29T13:49:51Z"));
        assertThat(item.meta().subjects()).containsExactly("subj:04000000");
        assertThat(item.meta().provider()).isEqualTo("afp.com");
    }

    @Nested
    class Ninjs {
        @Test
        void shouldReadVersionOneNames() {
            ParsedItem item = parse("""
                    {"guid": "urn:x:1", "version": "2", "type": "text", "headline": "H1",
                     "body_html": "<p>One.</p><p>Two.</p>", "versioncreated": "2017-08-24T14:37:19Z",
                     "byline": "By A. Writer", "pubstatus": "usable", "urgency": 3, "language": "en"}
                    """).get(0);
            assertThat(item.guid()).isEqualTo("urn:x:1");
            assertThat(item.version()).isEqualTo(2);
            assertThat(item.body()).containsExactly("One.", "Two.");
            assertThat(item.byline()).isEqualTo("A. Writer");
            assertThat(item.published()).isEqualTo(Instant.parse("2017-08-24T14:37:19Z"));
        }

        @Test
        void shouldReadVersionThreeArrays() {
            ParsedItem item = parse("""
                    {"uri": "urn:x:3", "headlines": [{"role": "sub", "value": "Sub"}, {"role": "main", "value": "Main"}],
                     "bodies": [{"role": "text", "contentType": "text/plain", "value": "Line one.\\nLine two."}],
                     "versionCreated": "2019-05-10T16:02:28+02:00", "pubStatus": "canceled"}
                    """).get(0);
            assertThat(item.headline()).isEqualTo("Main");
            assertThat(item.body()).containsExactly("Line one.", "Line two.");
            assertThat(item.meta().pubstatus()).isEqualTo(ItemMeta.CANCELED);
            assertThat(item.meta().modified()).isEqualTo(Instant.parse("2019-05-10T14:02:28Z"));
        }

        @Test
        void shouldUnwrapAnApiEnvelopeAndKindsWithoutText() {
            List<ParsedItem> items = parse("""
                    {"total": 2, "item": [
                      {"uri": "a", "type": "advisory", "headline": "Note", "body_text": "Coverage plans."},
                      {"uri": "b", "type": "picture", "headline": "Photo"}]}
                    """);
            assertThat(items).extracting(ParsedItem::kind).containsExactly(ParsedItem.Kind.TEXT, ParsedItem.Kind.PICTURE);
        }

        @Test
        void shouldRejectJsonThatIsNotNinjs() {
            assertThatThrownBy(() -> parse("{\"name\": \"x\"}")).hasMessageContaining("no \"uri\"");
            assertThatThrownBy(() -> parse("{\"uri\": ")).hasMessageContaining("invalid JSON");
        }

        @Test
        void shouldRejectDeeplyNestedJson() {
            String deep = "{\"uri\": \"x\", \"a\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
            assertThatThrownBy(() -> parse(deep)).isInstanceOf(RejectedInputException.class)
                    .hasMessageContaining("invalid JSON");
        }
    }

    @Nested
    class Feeds {
        @Test
        void shouldReadRssItems() {
            List<ParsedItem> items = parse("""
                    <rss version="2.0"><channel><title>Wire</title><language>en</language>
                      <item><title>Talks resume</title><link>https://example.org/a</link><guid>https://example.org/a</guid>
                        <description>&lt;p&gt;Officials met.&lt;/p&gt;&lt;p&gt;More follows.&lt;/p&gt;</description>
                        <pubDate>Tue, 20 Aug 2024 07:13:00 GMT</pubDate><category>Diplomacy</category></item>
                    </channel></rss>
                    """);
            ParsedItem item = items.get(0);
            assertThat(item.guid()).isEqualTo("https://example.org/a");
            assertThat(item.body()).containsExactly("Officials met.", "More follows.");
            assertThat(item.published()).isEqualTo(Instant.parse("2024-08-20T07:13:00Z"));
            assertThat(item.meta().subjects()).containsExactly("Diplomacy");
            assertThat(item.language()).isEqualTo("en");
        }

        @Test
        void shouldReportAtomEntriesWithOnlyALink() {
            List<ParsedItem> items = parse("""
                    <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:f</id><updated>2024-01-01T00:00:00Z</updated>
                      <entry><id>urn:e1</id><title>Full</title><updated>2024-01-01T00:00:00Z</updated>
                        <content type="html">&lt;p&gt;Body text.&lt;/p&gt;</content></entry>
                      <entry><id>urn:e2</id><title>Link only</title><updated>2024-01-01T00:00:00Z</updated>
                        <link href="https://example.org/2"/></entry>
                    </feed>
                    """);
            assertThat(items).extracting(ParsedItem::kind).containsExactly(ParsedItem.Kind.TEXT, ParsedItem.Kind.LINK);
            assertThat(items.get(0).body()).containsExactly("Body text.");
        }
    }

    @Test
    void shouldExtractTheArticleFromAWebPage() {
        String filler = "The ministers spoke for hours about the proposal and its consequences for the region. ";
        ParsedItem item = parse("""
                <!DOCTYPE html><html lang="en"><head><title>Site | Talks</title>
                <meta property="og:title" content="Talks resume in Cairo">
                <meta property="article:published_time" content="2024-08-20T07:13:00Z">
                <link rel="canonical" href="https://example.org/talks"></head>
                <body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
                <article><h1>Talks resume in Cairo</h1>
                <p>%s</p><p>%s</p><p>%s</p></article>
                <footer>Copyright Example Media. All rights reserved. Privacy policy.</footer></body></html>
                """.formatted(filler.repeat(3), filler.repeat(2), filler.repeat(2))).get(0);
        assertThat(item.headline()).isEqualTo("Talks resume in Cairo");
        assertThat(item.guid()).isEqualTo("https://example.org/talks");
        assertThat(item.published()).isEqualTo(Instant.parse("2024-08-20T07:13:00Z"));
        assertThat(String.join(" ", item.body())).contains("ministers spoke").doesNotContain("Privacy policy", "Sport");
        assertThat(item.language()).isEqualTo("en");
    }

    @Nested
    class HostileXml {
        @Test
        void shouldRefuseExternalEntities() {
            assertThatThrownBy(() -> parse("""
                    <?xml version="1.0"?>
                    <!DOCTYPE nitf [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
                    <nitf><body><body.head><hedline><hl1>&xxe;</hl1></hedline></body.head></body></nitf>
                    """)).isInstanceOf(RejectedInputException.class).hasMessageContaining("DOCTYPE");
        }

        @Test
        void shouldRefuseEntityExpansion() {
            String laughs = "<?xml version=\"1.0\"?><!DOCTYPE nitf [<!ENTITY lol \"lol\">"
                    + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                    + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                    + "<nitf><body><body.content><p>&lol3;</p></body.content></body></nitf>";
            assertThatThrownBy(() -> parse(laughs)).isInstanceOf(RejectedInputException.class);
        }

        @Test
        void shouldRejectMalformedXmlWithTheParsersReason() {
            assertThatThrownBy(() -> parse("<nitf><body><p>unclosed</body></nitf>"))
                    .isInstanceOf(RejectedInputException.class).hasMessageStartingWith("invalid XML");
            assertThatThrownBy(() -> parse("<nitf><body>")).isInstanceOf(RejectedInputException.class);
        }

        @Test
        void shouldRefuseDoctypesInFeedsToo() {
            assertThatThrownBy(() -> parse("""
                    <?xml version="1.0"?><!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
                    <rss version="2.0"><channel><title>&xxe;</title></channel></rss>
                    """)).isInstanceOf(RejectedInputException.class);
        }
    }

    @Test
    void shouldReadALatin1FeedWithoutAnEncodingDeclaration() throws Exception {
        byte[] latin1 = "<rss version=\"2.0\"><channel><title>Café</title><item><guid>g</guid><title>Zürich talks</title>"
                .concat("<description>Les ministres se réuniront à Genève.</description></item></channel></rss>")
                .getBytes("ISO-8859-1");
        ParsedItem item = FORMATS.detect(latin1).parse(latin1).get(0);
        assertThat(item.headline()).isEqualTo("Zürich talks");
        assertThat(item.body()).containsExactly("Les ministres se réuniront à Genève.");
    }

    @Test
    void shouldHonourADeclaredEncoding() throws Exception {
        byte[] declared = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><nitf><body><body.head><hedline><hl1>Café</hl1></hedline></body.head><body.content><p>Crème brûlée.</p></body.content></body></nitf>"
                .getBytes("ISO-8859-1");
        ParsedItem item = FORMATS.detect(declared).parse(declared).get(0);
        assertThat(item.headline()).isEqualTo("Café");
        assertThat(item.body()).containsExactly("Crème brûlée.");
    }

    @Test
    void shouldParseWireTimeSpellings() {
        assertThat(Times.parse("20140829T134951+0000")).isEqualTo(Instant.parse("2014-08-29T13:49:51Z"));
        assertThat(Times.parse("20140829T135002Z")).isEqualTo(Instant.parse("2014-08-29T13:50:02Z"));
        assertThat(Times.parse("2018-11-21T16:25:32-05:00")).isEqualTo(Instant.parse("2018-11-21T21:25:32Z"));
        assertThat(Times.parse("2018-05-28T16:40:08")).isEqualTo(Instant.parse("2018-05-28T16:40:08Z"));
        assertThat(Times.parse("2024-08-20")).isEqualTo(Instant.parse("2024-08-20T00:00:00Z"));
        assertThat(Times.parse("last Tuesday")).isNull();
    }
}
