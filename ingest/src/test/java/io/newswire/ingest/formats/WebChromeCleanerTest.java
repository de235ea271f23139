package io.newswire.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WebChromeCleanerTest {

    private final WebChromeCleaner cleaner = new WebChromeCleaner();

    private List<String> clean(String... paragraphs) {
        return cleaner.clean(List.of(paragraphs)).paragraphs();
    }

    @Nested
    class TrailingBlocks {
        @Test
        void shouldCutFromCheckAlsoToTheEnd() {
            assertThat(clean("Headline", "Body one.", "Body two.", "Check Also", "Other story", "Teaser …"))
                    .containsExactly("Headline", "Body one.", "Body two.");
        }

        @Test
        void shouldCutTheCommentForm() {
            assertThat(clean("Headline", "Body.", "Leave a Reply",
                    "Your email address will not be published. Required fields are marked *"))
                    .containsExactly("Headline", "Body.");
        }

        @Test
        void shouldCutAFormThatStartsWithoutItsTitle() {
            assertThat(clean("Headline", "Body.", "Required fields are marked *"))
                    .containsExactly("Headline", "Body.");
        }

        @Test
        void shouldKeepProseThatMerelyMentionsTheMarkerWords() {
            assertThat(clean("Headline", "Check also the minister's statement, he said.", "Body."))
                    .hasSize(3);
        }
    }

    @Test
    void shouldDropBreadcrumbs() {
        assertThat(clean("Home » Politics » Talks resume", "Talks resume", "Body."))
                .containsExactly("Talks resume", "Body.");
    }

    @Nested
    class Metadata {
        @Test
        void shouldDropShortBulletLinesAndReadThePublishedDate() {
            WebChromeCleaner.Cleaned cleaned = cleaner.clean(List.of("Headline", "Lead.", "- Diplomacy",
                    "- Anadolu Agency", "- Published Date: 07:13 | 20 August 2024",
                    "- Modified Date: 09:00 | 21 August 2024", "Body."));
            assertThat(cleaned.paragraphs()).containsExactly("Headline", "Lead.", "Body.");
            assertThat(cleaned.published()).contains(Instant.parse("2024-08-20T07:13:00Z"));
        }

        @Test
        void shouldKeepBulletsThatAreSentences() {
            assertThat(clean("Headline", "- The ministers agreed on a ceasefire framework for the region.", "Body."))
                    .hasSize(3);
        }

        @Test
        void shouldTakeADateLineAtTheTopAsThePublicationDateAndDropIt() {
            WebChromeCleaner.Cleaned cleaned = cleaner.clean(List.of("Last Updated: Monday, 28 November 2005, 02:24 GMT",
                    "Ten dead in southern Iran quake", "A powerful earthquake has hit southern Iran."));
            assertThat(cleaned.paragraphs()).containsExactly("Ten dead in southern Iran quake",
                    "A powerful earthquake has hit southern Iran.");
            assertThat(cleaned.published()).contains(Instant.parse("2005-11-28T00:00:00Z"));
        }

        @Test
        void shouldPreferTheLabelledPublicationDateToADatelineAndADatelineToTheLastUpdate() {
            assertThat(cleaner.clean(List.of("H", "Updated: July 7, 2012", "LONDON, July 5, 2012 - Lead.",
                    "Published: 2012-07-04T10:00:00")).published()).contains(Instant.parse("2012-07-04T10:00:00Z"));
            assertThat(cleaner.clean(List.of("H", "Updated: July 7, 2012", "LONDON, July 5, 2012 - Lead."))
                    .published()).contains(Instant.parse("2012-07-05T00:00:00Z"));
            assertThat(cleaner.clean(List.of("H", "Updated: July 7, 2012", "Lead."))
                    .published()).contains(Instant.parse("2012-07-07T00:00:00Z"));
        }

        @Test
        void shouldNotTakeADateFromFurtherDownTheBody() {
            assertThat(cleaner.clean(List.of("H", "One.", "Two.", "Three.", "May 3, 2013")).published()).isEmpty();
        }

        @Test
        void shouldLeaveAnUnreadableDateEmpty() {
            assertThat(cleaner.clean(List.of("H", "Published: sometime last week", "B.")).published()).isEmpty();
        }
    }

    @Nested
    class Signature {
        @Test
        void shouldDropAStrayTrailingName() {
            assertThat(clean("Headline", "One.", "Two.", "Three.", "Zaraki Kenpachi"))
                    .containsExactly("Headline", "One.", "Two.", "Three.");
        }

        @Test
        void shouldKeepAShortLastSentence() {
            assertThat(clean("Headline", "One.", "Two.", "Three.", "More to follow.")).hasSize(5);
        }

        @Test
        void shouldKeepTheLastParagraphOfAShortText() {
            assertThat(clean("Headline", "Body.", "Zaraki Kenpachi")).hasSize(3);
        }
    }

    @Test
    void shouldDropParagraphsRepeatingTheHeadlineOrAnEarlierParagraph() {
        assertThat(WebChromeCleaner.withoutRepeats("Talks resume", List.of("Talks resume.", "Lead.", "Body.", "Lead")))
                .containsExactly("Lead.", "Body.");
    }
}
