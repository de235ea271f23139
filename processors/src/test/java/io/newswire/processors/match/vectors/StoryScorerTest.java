package io.newswire.processors.match.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoryScorerTest {

    private static final long DAY = Duration.ofDays(1).toMillis();
    private final StoryScorer scorer = new StoryScorer(0.24, Duration.ofDays(7), StoryPairModel.FIXED);

    private static StoryVector vector(Map<String, Double> terms, Map<String, Double> entities, long time) {
        return StoryVector.of(terms, entities, List.of(), time);
    }

    @Test
    void shouldScoreIdenticalVectorsOne() {
        StoryVector v = vector(Map.of("quake", 0.8, "qeshm", 0.6), Map.of("e:location:qeshm", 1.0), 0);
        assertThat(scorer.score(v, v)).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void shouldWeighWordsAndEntities() {
        StoryVector a = vector(Map.of("quake", 1.0), Map.of("e:location:qeshm", 1.0), 0);
        StoryVector sameWordsOtherPlace = vector(Map.of("quake", 1.0), Map.of("e:location:bam", 1.0), 0);
        assertThat(scorer.score(a, sameWordsOtherPlace)).isCloseTo(0.6, within(1e-6));
    }

    @Test
    void shouldLetWordsAloneDecideWhenNeitherHasEntities() {
        StoryVector a = vector(Map.of("quake", 0.6, "iran", 0.8), Map.of(), 0);
        StoryVector b = vector(Map.of("quake", 0.6, "iran", 0.8), Map.of(), 0);
        assertThat(scorer.score(a, b)).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void shouldFadeWithTimeApartFromADayToTheFloorAtTheHorizon() {
        assertThat(scorer.timeFactor(0)).isEqualTo(1.0);
        assertThat(scorer.timeFactor(DAY)).isEqualTo(1.0);
        assertThat(scorer.timeFactor(4 * DAY)).isCloseTo(0.85, within(1e-6));
        assertThat(scorer.timeFactor(7 * DAY)).isCloseTo(0.7, within(1e-6));
        assertThat(scorer.timeFactor(30 * DAY)).as("a follow-up weeks later can still join").isCloseTo(0.7, within(1e-6));
        StoryVector now = vector(Map.of("quake", 1.0), Map.of(), 0);
        StoryVector nextWeek = vector(Map.of("quake", 1.0), Map.of(), 8 * DAY);
        assertThat(scorer.score(now, nextWeek)).isCloseTo(0.7, within(1e-6));
    }

    @Test
    void shouldKeepABorderlineMatchAWeekApartOutButAStrongOneIn() {
        StoryVector quake = vector(Map.of("quake", 0.6, "iran", 0.8), Map.of(), 0);
        StoryVector alikeSameDay = vector(Map.of("quake", 0.5, "chile", 0.866), Map.of(), 12 * 3_600_000L);
        StoryVector alikeNextWeek = vector(Map.of("quake", 0.5, "chile", 0.866), Map.of(), 8 * DAY);
        StoryVector followUpNextWeek = vector(Map.of("quake", 0.8, "iran", 0.6), Map.of(), 8 * DAY);
        assertThat(scorer.score(quake, alikeSameDay)).isGreaterThanOrEqualTo(scorer.threshold());
        assertThat(scorer.score(quake, alikeNextWeek)).isLessThan(scorer.threshold());
        assertThat(scorer.score(quake, followUpNextWeek)).isGreaterThanOrEqualTo(scorer.threshold());
    }
}
