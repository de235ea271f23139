package io.newswire.processors.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenNlpLanguageDetectorTest {

    private static final LanguageDetector DETECTOR = new OpenNlpLanguageDetector();

    @Test
    void shouldNameLanguagesByTheirTwoLetterCodes() {
        assertThat(DETECTOR.detect("Officials will gather in the Egyptian capital Cairo for negotiations to reach "
                + "a Gaza cease-fire deal this week, the White House said on Monday.").code()).isEqualTo("en");
        assertThat(DETECTOR.detect("Die Außenminister treffen sich am Montag in Kairo, um über eine Waffenruhe "
                + "im Gazastreifen zu verhandeln, teilte das Weiße Haus mit.").code()).isEqualTo("de");
        assertThat(DETECTOR.detect("Les ministres se réuniront lundi au Caire pour négocier un cessez-le-feu à "
                + "Gaza, a annoncé la Maison Blanche dans un communiqué.").code()).isEqualTo("fr");
    }

    @Test
    void shouldGiveAConfidence() {
        LanguageDetector.Detected d = DETECTOR.detect("The talks resumed in Cairo on Monday after a week of delays.");
        assertThat(d.confidence()).isBetween(0.0, 1.0);
    }
}
