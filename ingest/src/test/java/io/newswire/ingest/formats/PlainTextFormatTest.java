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
