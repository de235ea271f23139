package io.newswire.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterScoreTest {

    static final List<String> ITEMS = List.of("a", "b", "c", "d");
    static final Map<String, String> GOLD = Map.of("a", "x", "b", "x", "c", "x", "d", "y");

    @Test
    void shouldScoreAPerfectClusteringOne() {
        assertThat(ClusterScore.bcubed(ITEMS, GOLD, GOLD).f1()).isEqualTo(1.0);
        assertThat(ClusterScore.pairwise(ITEMS, GOLD, GOLD).f1()).isEqualTo(1.0);
    }

    @Test
    void shouldScoreSingletonsWithFullPrecisionAndLowRecall() {
        Map<String, String> singletons = Map.of("a", "1", "b", "2", "c", "3", "d", "4");
        ClusterScore.Prf b3 = ClusterScore.bcubed(ITEMS, GOLD, singletons);
        assertThat(b3.precision()).isEqualTo(1.0);
        // recall: a,b,c each 1/3, d 1/1 -> (1/3 * 3 + 1) / 4 = 0.5
        assertThat(b3.recall()).isCloseTo(0.5, within(1e-9));
        assertThat(ClusterScore.pairwise(ITEMS, GOLD, singletons).recall()).isZero();
    }

    @Test
    void shouldPenaliseMergingStories() {
        Map<String, String> one = Map.of("a", "1", "b", "1", "c", "1", "d", "1");
        ClusterScore.Prf b3 = ClusterScore.bcubed(ITEMS, GOLD, one);
        assertThat(b3.recall()).isEqualTo(1.0);
        // precision: a,b,c each 3/4, d 1/4 -> (0.75 * 3 + 0.25) / 4 = 0.625
        assertThat(b3.precision()).isCloseTo(0.625, within(1e-9));
    }
}
