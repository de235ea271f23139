package io.newswire.processors.match.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VectorCacheTest {

    private static StoryVector vector(String word) {
        return StoryVector.of(Map.of(word, 0.8, word + "s", 0.6), Map.of("e:person:" + word, 1.0),
                List.of("k:" + word, "k:" + word + "2"), 1_000L);
    }

    @Test
    void shouldKeepWhatScoringReadsAndNotTheRoutingKeys() {
        VectorCache cache = new VectorCache(1 << 20);
        StoryVector full = vector("quake");
        cache.put("a", full);

        StoryVector cached = cache.get("a");
        assertThat(cached.keys()).isEmpty();
        assertThat(cached.termIds()).isEqualTo(full.termIds());
        assertThat(cached.entityWeights()).isEqualTo(full.entityWeights());
        assertThat(cached.timeMillis()).isEqualTo(full.timeMillis());
        assertThat(new StoryScorer(0.17, java.time.Duration.ofDays(7)).score(full, cached))
                .isEqualTo(new StoryScorer(0.17, java.time.Duration.ofDays(7)).score(full, full));
    }

    @Test
    void shouldDropTheLeastRecentlyUsedBeyondItsBudget() {
        long each = VectorCache.sizeOf(vector("a"));
        VectorCache cache = new VectorCache(3 * each);
        cache.put("a", vector("a"));
        cache.put("b", vector("b"));
        cache.put("c", vector("c"));
        cache.get("a");
        cache.put("d", vector("d"));

        assertThat(cache.get("b")).as("least recently used").isNull();
        assertThat(cache.get("a")).isNotNull();
        assertThat(cache.get("d")).isNotNull();
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.bytes()).isEqualTo(3 * each);
    }

    @Test
    void shouldCountAReplacedOrRemovedVectorOnce() {
        VectorCache cache = new VectorCache(1 << 20);
        cache.put("a", vector("a"));
        cache.put("a", vector("a"));
        assertThat(cache.bytes()).isEqualTo(VectorCache.sizeOf(vector("a")));

        cache.remove("a");
        cache.remove("a");
        assertThat(cache.bytes()).isZero();
        assertThat(cache.get("a")).isNull();
    }

    @Test
    void shouldHoldNothingWithANoughtBudget() {
        VectorCache cache = new VectorCache(0);
        cache.put("a", vector("a"));

        assertThat(cache.size()).isZero();
        assertThat(cache.bytes()).isZero();
    }
}
