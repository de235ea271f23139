package io.newswire.processors.match.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

class StoryTextTest {

    private static List<String> scanned(String text) {
        List<String> words = new ArrayList<>();
        StoryText.words(text, words::add);
        return words;
    }

    private static List<String> matched(String text) {
        List<String> words = new ArrayList<>();
        for (Matcher m = StoryText.WORD.matcher(text); m.find(); ) {
            words.add(m.group());
        }
        return words;
    }

    @Test
    void shouldFindTheWordsThePatternMatches() {
        // Letters of several scripts, combining marks, a supplementary-plane letter and digit, number forms.
        String alphabet = "aZé\u0301ß Ж中\uD835\uDC00'’-.,09٣Ⅻ½\uD835\uDFCE!\t\n";
        Random random = new Random(7);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(30);
            for (int i = 0; i < length; i++) {
                int at = random.nextInt(alphabet.length());
                if (Character.isHighSurrogate(alphabet.charAt(at))) {
                    text.append(alphabet, at, at + 2);
                } else if (!Character.isLowSurrogate(alphabet.charAt(at))) {
                    text.append(alphabet.charAt(at));
                }
            }
            assertThat(scanned(text.toString())).as(text.toString()).isEqualTo(matched(text.toString()));
        }
    }

    @Test
    void shouldCountHeadlineWordsTwiceWithoutFunctionWordsOrSingleLetters() {
        Map<String, Integer> counts = StoryText.counts("Quake hits Chile", List.of("The quake's toll: 3,500 in a day.",
                "Rescue teams x-ray rubble."));
        assertThat(counts).containsEntry("quake", 2).containsEntry("quake's", 1).containsEntry("3,500", 1)
                .containsEntry("x-ray", 1).containsEntry("chile", 2).doesNotContainKeys("the", "in", "a", "x");
    }
}
