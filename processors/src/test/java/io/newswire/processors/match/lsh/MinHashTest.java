package io.newswire.processors.match.lsh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

public class MinHashTest {

    public static final String TEXT = "Officials from Egypt, Qatar and the United States met in Cairo on Monday to discuss a "
            + "ceasefire proposal for Gaza, the White House said, and agreed to meet again on Thursday.";

    @Test
    void shouldGiveEqualTextsEqualSignaturesAndBands() {
        int[] a = MinHash.signature("Talks", List.of(TEXT));
        int[] b = MinHash.signature("TALKS", List.of(TEXT.replace(",", "")));
        assertThat(MinHash.similarity(a, b)).isEqualTo(1.0);
        assertThat(MinHash.bandKey(a, 7)).isEqualTo(MinHash.bandKey(b, 7)).startsWith("7:");
    }

    @Test
    void shouldEstimateSimilarityOfEditedAndUnrelatedTexts() {
        int[] original = MinHash.signature("Talks", List.of(TEXT));
        int[] edited = MinHash.signature("Talks", List.of(TEXT.replace("Monday", "Sunday")));
        int[] unrelated = MinHash.signature("Fires", List.of("Crews fought bush fires near Sydney for a fourth day as "
                + "hot winds pushed the flames towards homes in the lower Blue Mountains on Tuesday."));
        assertThat(MinHash.similarity(original, edited)).isBetween(0.5, 0.95);
        assertThat(MinHash.similarity(original, unrelated)).isLessThan(0.1);
    }

    @Test
    void shouldEstimateFromStoredLowBitsAsFromTheWholeSignatures() {
        java.util.Random random = new java.util.Random(3);
        double sum = 0;
        List<String> words = java.util.stream.IntStream.range(0, 400).mapToObj(i -> "w" + i).toList();
        for (int round = 0; round < 300; round++) {
            java.util.List<String> a = new java.util.ArrayList<>();
            java.util.List<String> b = new java.util.ArrayList<>();
            for (int i = 0; i < 60; i++) {
                a.add(words.get(random.nextInt(words.size())));
                b.add(random.nextDouble() < 0.5 ? a.get(i) : words.get(random.nextInt(words.size())));
            }
            int[] sa = MinHash.signature("", List.of(String.join(" ", a)));
            int[] sb = MinHash.signature("", List.of(String.join(" ", b)));
            // A hash that differs agrees in its low 8 bits once in 256 times, which the estimate takes out on
            // average; among at most 126 such hashes, fewer than half a coincidence is expected and four are rare.
            assertThat(MinHash.similarity(sa, MinHash.lowBits(sb)))
                    .isCloseTo(MinHash.similarity(sa, sb), within(4.0 / MinHash.HASHES));
            sum += MinHash.similarity(sa, MinHash.lowBits(sb)) - MinHash.similarity(sa, sb);
        }
        assertThat(sum / 300).isCloseTo(0, within(0.002));
    }

    @Test
    void shouldEstimateNothingInCommonFromChanceAgreementsOfTheLowBits() {
        int[] a = MinHash.signature("", List.of("one two three four five six seven eight nine ten"));
        int[] b = MinHash.signature("", List.of("alpha beta gamma delta epsilon zeta eta theta iota kappa"));
        assertThat(MinHash.similarity(a, b)).isZero();
        assertThat(MinHash.similarity(a, MinHash.lowBits(b))).isLessThan(0.03);
        assertThat(MinHash.similarity(a, MinHash.lowBits(a))).isEqualTo(1.0);
    }
}
