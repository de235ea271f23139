package io.newswire.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import io.newswire.common.ItemMeta;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReadableItemsTest {

    private static final Formats FORMATS = new Formats(new WebChromeCleaner());

    private static List<ParsedItem> items(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return FORMATS.detect(b).items(b);
    }

    @Nested
    class ApMedia {

        @Test
        void shouldReadAFeedReportingPicturesAndTextWithoutItsRendition() {
            List<ParsedItem> items = items("""
                    {"api_version": "1.1", "data": {"items": [
                      {"item": {"uri": "https://api/x?qt=1", "altids": {"itemid": "p1"}, "version": 0,
                                "type": "picture", "headline": "A photo"}},
                      {"item": {"uri": "https://api/y?qt=1", "altids": {"itemid": "t1"}, "version": 2,
                                "type": "text", "headline": "BC-Talks", "renditions": {"nitf": {"href": "https://api/n"}}}}
                    ]}}""");
            assertThat(FORMATS.detect("{\"api_version\": \"1\", \"data\": {}}".getBytes(StandardCharsets.UTF_8)).name())
                    .isEqualTo("ap-media");
            assertThat(items).extracting(ParsedItem::guid).containsExactly("p1", "t1");
            assertThat(items).extracting(ParsedItem::kind)
                    .containsExactly(ParsedItem.Kind.PICTURE, ParsedItem.Kind.NO_CONTENT);
            assertThat(items.get(1).version()).as("AP counts versions from 0").isEqualTo(3);
        }

        @Test
        void shouldReadAnItemWithItsNitfInline() {
            List<ParsedItem> items = items("""
                    {"api_version": "1.1", "data": {"item": {"altids": {"itemid": "t2"}, "version": 1, "type": "text",
                      "headline": "Talks resume in Cairo", "provider": "AP", "versioncreated": "2019-07-03T04:05:12Z",
                      "pubstatus": "usable", "bylines": [{"by": "By Jane Doe"}]}},
                     "nitf": {"body_html": "<block id=\\"Main\\"><p>Officials met on Monday.</p><p>More follow.</p></block>"}}""");
            ParsedItem item = items.get(0);
            assertThat(item.kind()).isEqualTo(ParsedItem.Kind.TEXT);
            assertThat(item.body()).containsExactly("Officials met on Monday.", "More follow.");
            assertThat(item.byline()).isEqualTo("Jane Doe");
            assertThat(item.meta().provider()).isEqualTo("AP");
            assertThat(item.published()).isEqualTo(Instant.parse("2019-07-03T04:05:12Z"));
        }
    }

    @Nested
    class Ritzau {

        private static final String NEWS = """
                <RBNews xmlns="" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
                  <NewsID>rb-1</NewsID><PublishDate>2018-01-30T17:32:18.397</PublishDate>
                  <strapline>NU/FLASH-U</strapline><headline i:nil="true"/><subtitle i:nil="true"/>
                  <section>Udland</section><version>2</version><format>Flash</format>
                  <content>&lt;p&gt;Forskere har testet udstødningsgas. Det siger de selv.&lt;/p&gt;&lt;p&gt;Mere følger.&lt;/p&gt;</content>
                  <Priority>3</Priority><Annuleret>%s</Annuleret><byLine>Peder Poulsen</byLine>
                </RBNews>""";

        @Test
        void shouldReadAnItemDerivingTheMissingHeadline() {
            ParsedItem item = items(NEWS.formatted("false")).get(0);
            assertThat(item.guid()).isEqualTo("rb-1");
            assertThat(item.version()).isEqualTo(2);
            assertThat(item.headline()).isEqualTo("Forskere har testet udstødningsgas.");
            assertThat(item.meta().notes()).containsExactly("headline derived from the first sentence");
            assertThat(item.body()).containsExactly("Forskere har testet udstødningsgas. Det siger de selv.",
                    "Mere følger.");
            assertThat(item.published()).as("Copenhagen winter time").isEqualTo(Instant.parse("2018-01-30T16:32:18.397Z"));
            assertThat(item.meta().pubstatus()).isEqualTo(ItemMeta.USABLE);
            assertThat(item.byline()).isEqualTo("Peder Poulsen");
        }

        @Test
        void shouldReadACancelledItemAsAKill() {
            assertThat(items(NEWS.formatted("true")).get(0).meta().pubstatus()).isEqualTo(ItemMeta.CANCELED);
        }

        @Test
        void shouldReadEveryItemOfAQueueResponseAndRefuseAnError() {
            String item = NEWS.formatted("false").replace("<RBNews xmlns=\"\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">",
                    "<RBNews>");
            List<ParsedItem> items = items("<XMLNewsQueuedResponse xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">"
                    + "<error>0</error><NewsList>" + item + item.replace("rb-1", "rb-2") + "</NewsList></XMLNewsQueuedResponse>");
            assertThat(items).extracting(ParsedItem::guid).containsExactly("rb-1", "rb-2");
            assertThatThrownBy(() -> items("<XMLNewsQueuedResponse><error>3</error><errormsg>bad login</errormsg>"
                    + "</XMLNewsQueuedResponse>")).isInstanceOf(RejectedInputException.class).hasMessageContaining("bad login");
        }
    }

    @Nested
    class Headlines {

        @Test
        void shouldKeepAFlashWithItsHeadlineAsItsText() {
            ParsedItem item = items("""
                    <nitf><head><docdata><doc-id id-string="F1"/></docdata></head><body>
                      <body.head><hedline><hl1>Earthquake hits Wellington</hl1></hedline></body.head></body></nitf>""")
                    .get(0);
            assertThat(item.kind()).isEqualTo(ParsedItem.Kind.TEXT);
            assertThat(item.body()).containsExactly("Earthquake hits Wellington");
            assertThat(item.meta().notes()).containsExactly("flash: the headline is the whole text");
        }

        @Test
        void shouldDeriveAHeadlineFromTheFirstSentenceWithinTheLimit() {
            ParsedItem item = items("""
                    {"uri": "urn:x:1", "body_text": "Officials from Egypt, Qatar and the United States met in Cairo on Monday. They spoke."}""")
                    .get(0);
            assertThat(item.headline()).isEqualTo("Officials from Egypt, Qatar and the United States met in Cairo on Monday.");
            String longSentence = "word ".repeat(60).strip();
            assertThat(io.newswire.ingest.formats.Headlines.firstSentence(List.of(longSentence)))
                    .hasSizeLessThanOrEqualTo(io.newswire.ingest.formats.Headlines.MAX).endsWith("…");
        }

        @Test
        void shouldLeaveRemoteContentWithoutText() {
            ParsedItem item = items("""
                    <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:r:1" version="1">
                      <itemMeta><itemClass qcode="ninat:text"/></itemMeta>
                      <contentMeta><headline>Remote story</headline></contentMeta>
                      <contentSet><remoteContent href="https://wire/story.xml"/></contentSet>
                    </newsItem>""").get(0);
            assertThat(item.kind()).isEqualTo(ParsedItem.Kind.NO_CONTENT);
        }
    }
}
