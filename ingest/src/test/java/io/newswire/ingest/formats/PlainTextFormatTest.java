package io.newswire.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PlainTextFormatTest {

    private final PlainTextFormat format = new PlainTextFormat(new WebChromeCleaner());

    @Test
    void shouldTakeTheFirstNonEmptyLineAsHeadline() {
        ParsedText parsed = format.parse("\n\n  Talks resume in Cairo  \n\nFirst paragraph.\n\nSecond.\n");
        assertThat(parsed.headline()).isEqualTo("Talks resume in Cairo");
        assertThat(parsed.body()).containsExactly("First paragraph.", "Second.");
    }

    @Test
    void shouldJoinHardWrappedLinesWithinBlankLineParagraphs() {
        assertThat(PlainTextFormat.paragraphs("Headline\n\nA line\nwrapped here.\n\nNext."))
                .containsExactly("Headline", "A line wrapped here.", "Next.");
    }

    @Test
    void shouldTreatEveryLineAsAParagraphWhenThereAreNoBlankLines() {
        assertThat(PlainTextFormat.paragraphs("Headline\r\nOne.\r\nTwo."))
                .containsExactly("Headline", "One.", "Two.");
    }

    @Test
    void shouldTakeAFirstLineThatIsAWebAddressAsTheUrlAlsoWhenATokenizerSpreadIt() {
        ParsedText written = format.parse("https://example.com/news/quake\nQuake hits island\nRescuers dig.\n");
        assertThat(written.url()).contains("https://example.com/news/quake");
        assertThat(written.headline()).isEqualTo("Quake hits island");

        ParsedText spread = format.parse("http : / / www . example . org / world / 2026 / storm - hits - coast _ town"
                + " . html\nStorm hits coast town\nWaves flooded the harbour.\n");
        assertThat(spread.url()).contains("http://www.example.org/world/2026/storm-hits-coast_town.html");
        assertThat(spread.headline()).isEqualTo("Storm hits coast town");
        assertThat(spread.body()).containsExactly("Waves flooded the harbour.");
    }

    @Test
    void shouldKeepAFirstLineThatGoesOnInWordsAfterAnAddressAsTheHeadline() {
        ParsedText parsed = format.parse("http : / / example . com is down for hours\nThe site went dark.\n");
        assertThat(parsed.url()).isEmpty();
        assertThat(parsed.headline()).isEqualTo("http : / / example . com is down for hours");
        assertThat(PlainTextFormat.url("https://example.com is down")).isEmpty();
    }

    @Test
    void shouldRejectTextWithoutBody() {
        assertThatThrownBy(() -> format.parse("Only a headline\n"))
                .isInstanceOf(RejectedInputException.class).hasMessageContaining("no body");
        assertThatThrownBy(() -> format.parse("  \n \n"))
                .isInstanceOf(RejectedInputException.class).hasMessageContaining("no text");
    }

    /** The project's sample input: every seed parses and no web chrome survives. */
    @Test
    void shouldParseEverySeedWithoutWebChrome() throws Exception {
        List<Path> seeds;
        try (Stream<Path> files = Files.list(Path.of("..", "seeds"))) {
            seeds = files.sorted().toList();
        }
        assertThat(seeds).hasSize(5);
        for (Path seed : seeds) {
            ParsedText parsed = format.parse(Files.readString(seed));
            String all = parsed.headline() + "\n" + String.join("\n", parsed.body());
            assertThat(all).as(seed.toString())
                    .doesNotContain("Leave a Reply", "Check Also", "Home »", "Required fields", "Zaraki Kenpachi",
                            "Published Date", "- Diplomacy");
            assertThat(parsed.headline()).as(seed.toString()).isNotBlank().doesNotStartWith("Home");
            assertThat(parsed.body()).as(seed.toString()).hasSizeGreaterThan(3)
                    .doesNotContain(parsed.headline());
        }
    }
}
