package io.newswire.processors.match.lsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BandFilterTest {

    @Test
    void shouldNeverSayAbsentForAKeyItWasGivenAndRarelyForOthers() {
        BandFilter filter = new BandFilter(10_000);
        IntStream.range(0, 10_000).forEach(i -> filter.add("7:" + Integer.toHexString(i * 7919)));

        assertThat(IntStream.range(0, 10_000).allMatch(i -> filter.mightContain("7:" + Integer.toHexString(i * 7919))))
                .isTrue();
        long falseMaybes = IntStream.range(0, 10_000).filter(i -> filter.mightContain("8:" + Integer.toHexString(i)))
                .count();
        assertThat(falseMaybes).as("about 1%% at capacity").isLessThan(300);
        assertThat(filter.added()).isBetween(9_800L, 10_000L);
    }

    @Test
    void shouldCountAKeyGivenTwiceOnce() {
        BandFilter filter = new BandFilter(100);
        filter.add("3:abc");
        filter.add("3:abc");

        assertThat(filter.added()).isEqualTo(1);
    }

    @Test
    void shouldKeepItsFalseMaybesRareWhenGivenTenTimesTheKeysItWasSizedFor() {
        BandFilter filter = new BandFilter(1_000);
        IntStream.range(0, 10_000).forEach(i -> filter.add("7:" + Integer.toHexString(i * 7919)));

        assertThat(IntStream.range(0, 10_000).allMatch(i -> filter.mightContain("7:" + Integer.toHexString(i * 7919))))
                .isTrue();
        long falseMaybes = IntStream.range(0, 10_000).filter(i -> filter.mightContain("8:" + Integer.toHexString(i)))
                .count();
        // One segment of 1,000 keys given 10,000 would say "maybe" for ~90% of absent keys.
        assertThat(falseMaybes).as("about 1%% per segment").isLessThan(500);
        assertThat(filter.segments()).isEqualTo(4);
    }
}
