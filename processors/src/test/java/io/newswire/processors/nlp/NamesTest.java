package io.newswire.processors.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NamesTest {

    /** Letters that fold to each other, accents, and the white space names are split on or not. */
    private static final String ALPHABET = "aAbBeEnNtTéÉñ";
    private static final String SPACES = " \t\u00a0\u2003";

    private static String randomName(Random random, String alphabet) {
        StringBuilder name = new StringBuilder();
        for (int i = random.nextInt(13); i > 0; i--) {
            name.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return name.toString();
    }

    /** One or two edits of a name, so that near pairs are common. */
    private static String edited(Random random, String name) {
        StringBuilder edited = new StringBuilder(name);
        for (int edits = 1 + random.nextInt(2); edits > 0 && !edited.isEmpty(); edits--) {
            int at = random.nextInt(edited.length());
            switch (random.nextInt(4)) {
                case 0 -> edited.deleteCharAt(at);
                case 1 -> edited.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 2 -> edited.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                default -> {
                    if (at + 1 < edited.length()) {
                        char c = edited.charAt(at);
                        edited.setCharAt(at, edited.charAt(at + 1));
                        edited.setCharAt(at + 1, c);
                    }
                }
            }
        }
        return edited.toString();
    }

    @Test
    void shouldAgreeWithTheWholeDistanceTableOnRandomNames() {
        Random random = new Random(5);
        int similarPairs = 0;
        for (int n = 0; n < 20_000; n++) {
            String a = randomName(random, ALPHABET);
            String b = random.nextBoolean() ? edited(random, a) : randomName(random, ALPHABET);
            String x = Names.fold(a);
            String y = Names.fold(b);
            int shorter = Math.min(x.length(), y.length());
            int allowed = shorter >= 8 ? 2 : 1;
            boolean expected = x.equals(y) || shorter >= 5 && x.charAt(0) == y.charAt(0)
                    && Math.abs(x.length() - y.length()) <= allowed && Names.distance(x, y) <= allowed;
            assertThat(Names.similar(a, b)).as("%s ~ %s", a, b).isEqualTo(expected);
            similarPairs += expected ? 1 : 0;
            for (int limit = 0; limit <= 3; limit++) {
                assertThat(Names.withinDistance(x, y, limit, false)).as("%s, %s within %d", x, y, limit)
                        .isEqualTo(Names.distance(x, y) <= limit);
            }
        }
        assertThat(similarPairs).as("the pairs reach both answers").isBetween(1_000, 19_000);
    }

    @Test
    void shouldFindTheWordsTheSplitFinds() {
        Random random = new Random(6);
        for (int n = 0; n < 5_000; n++) {
            String name = randomName(random, "ab" + SPACES);
            String[] words = Names.words(name);
            assertThat(Names.firstWord(name)).as("[%s]", name).isEqualTo(words[0]);
            assertThat(Names.lastWord(name)).as("[%s]", name).isEqualTo(words[words.length - 1]);
            assertThat(Names.severalWords(name)).as("[%s]", name).isEqualTo(words.length > 1);
        }
    }

    @Test
    void shouldTreatOneTypoInALongNameAsTheSameName() {
        assertThat(Names.similar("Natanyahu", "Netanyahu")).isTrue();
        assertThat(Names.similar("Anthony", "Antony")).isTrue();
        assertThat(Names.similar("Blinken", "Blinkin")).isTrue();
    }

    @Test
    void shouldKeepShortAndDifferentNamesApart() {
        assertThat(Names.similar("Iran", "Iraq")).isFalse();
        assertThat(Names.similar("Joe", "Jon")).isFalse();
        assertThat(Names.similar("Austria", "Australia")).isFalse();
        assertThat(Names.similar("Bassem", "Hassem")).as("different first letter").isFalse();
    }

    @Test
    void shouldKnowNicknamesAndInitials() {
        assertThat(Names.isNicknameOf("Bibi", "Benjamin")).isTrue();
        assertThat(Names.isNicknameOf("J.", "Joe")).isTrue();
        assertThat(Names.compatibleGivenNames("Joe", "Hunter")).isFalse();
    }

    @Test
    void shouldSlugAndFoldAccents() {
        assertThat(Names.slug("José Ramos-Horta")).isEqualTo("jose-ramos-horta");
        assertThat(Names.distance("abcd", "abdc")).isEqualTo(1);
    }

    @Test
    void shouldLinkCountriesToIsoCodes() {
        assertThat(Countries.lookup("US")).contains(new Countries.Country("US", "United States"));
        assertThat(Countries.lookup("U.S.")).map(Countries.Country::code).contains("US");
        assertThat(Countries.lookup("the United States")).map(Countries.Country::code).contains("US");
        assertThat(Countries.lookup("Britain")).map(Countries.Country::code).contains("GB");
        assertThat(Countries.lookup("Qatar")).map(Countries.Country::code).contains("QA");
        assertThat(Countries.lookup("Gaza")).isEmpty();
    }
}
