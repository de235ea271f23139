package io.newswire.processors.match.lsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BandFilterTest {

    private static String key(int i) {
        return "7:" + Integer.toHexString(i * 7919);
    }

    /** Adds {@code n} keys, checks it holds each, and returns how many of {@code n} absent keys it says "maybe" for. */
    private static long fillAndCountFalseMaybes(BandFilter filter, int n) {
        IntStream.range(0, n).forEach(i -> filter.add(key(i)));
        assertThat(IntStream.range(0, n).allMatch(i -> filter.mightContain(key(i)))).isTrue();
        return IntStream.range(0, n).filter(i -> filter.mightContain("8:" + Integer.toHexString(i))).count();
    }

    @Test
    void shouldNeverSayAbsentForAKeyItWasGivenAndRarelyForOthers() {
        BandFilter filter = new BandFilter(10_000);

        assertThat(fillAndCountFalseMaybes(filter, 10_000)).as("about 1%% at capacity").isLessThan(300);
        assertThat(filter.added()).isBetween(9_800L, 10_000L);
        assertThat(filter.segments()).isEqualTo(1);
    }

    @Test
    void shouldKeepItsFalseMaybesRareWhenGivenTenTimesTheKeysItWasSizedFor() {
        BandFilter filter = new BandFilter(1_000);

        // One segment of 1,000 keys given 10,000 would say "maybe" for ~90% of absent keys.
        assertThat(fillAndCountFalseMaybes(filter, 10_000)).as("about 1%% per segment").isLessThan(500);
        assertThat(filter.segments()).isEqualTo(4);
    }

    @Test
    void shouldCountAKeyGivenTwiceOnce() {
        BandFilter filter = new BandFilter(100);
        filter.add("3:abc");
        filter.add("3:abc");

        assertThat(filter.added()).isEqualTo(1);
    }
}
