package io.newswire.processors.match.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import io.newswire.common.NewswireConfig;
import io.newswire.processors.TopologySettings;
import org.junit.jupiter.api.Test;

class StoryPairModelTest {

    private static StoryVector vector(Map<String, Double> terms, Map<String, Double> entities) {
        return StoryVector.of(terms, entities, List.of(), StoryVector.UNDATED);
    }

    @Test
    void shouldPutTheWordWeightAtTheThresholdUnitAndCountNegativeWeightsAsZero() {
        StoryPairModel model = new StoryPairModel(new double[] {12, 3, 6, -1, 4, 0}, -3);
        assertThat(model.scaled()).containsExactly(new double[] {0.6, 0.15, 0.3, 0, 0.2, 0}, within(1e-9));
        assertThat(model.evenOdds()).isCloseTo(0.15, within(1e-9));
    }

    @Test
    void shouldReadBackWhatItWrites() {
        StoryPairModel model = new StoryPairModel(new double[] {14.1, 2.2, 9.9, 1.1, 5.7, 1.9}, -4.0);
        StoryPairModel back = StoryPairModel.parse(model.toProperties("train"));
        assertThat(back.weights()).containsExactly(model.weights(), within(1e-6));
        assertThat(back.intercept()).isCloseTo(-4.0, within(1e-6));
        assertThatThrownBy(() -> StoryPairModel.parse("word=1\n")).hasMessageContaining("no number");
        assertThatThrownBy(() -> StoryPairModel.parse(model.toProperties("train").replace("word=14.1", "word=-1")))
                .hasMessageContaining("word weight must be positive");
    }

    @Test
    void shouldShipAModelWhoseEvenOddsPointIsTheDefaultStoryThreshold() {
        StoryPairModel shipped = StoryPairModel.shipped();
        double threshold = TopologySettings.from(NewswireConfig.defaults()).storyThreshold();
        assertThat(shipped.evenOdds()).as("retrained? set story.threshold to the new even-odds point")
                .isCloseTo(threshold, within(0.01));
    }

    @Test
    void shouldSplitCosinesByClassAndWeighEachClassByTheModel() {
        StoryVector a = vector(Map.of("quake", 0.6, "2024", 0.8),
                Map.of("e:person:rouhani", 0.6, "e:organization:red_crescent", 0.8));
        StoryVector b = vector(Map.of("quake", 0.6, "2024", 0.8),
                Map.of("e:person:rouhani", 0.6, "e:organization:red_crescent", 0.8));
        double[] dots = a.classDots(b);
        assertThat(dots[StoryVector.WORD]).isCloseTo(0.36, within(1e-6));
        assertThat(dots[StoryVector.NUMBER]).isCloseTo(0.64, within(1e-6));
        assertThat(dots[StoryVector.PERSON]).isCloseTo(0.36, within(1e-6));
        assertThat(dots[StoryVector.ORGANIZATION]).isCloseTo(0.64, within(1e-6));
        assertThat(dots[StoryVector.LOCATION] + dots[StoryVector.MISC]).isZero();

        StoryPairModel personsCount = new StoryPairModel(new double[] {1, 1, 1, 0, 0, 0}, -1);
        StoryScorer scorer = new StoryScorer(0.17, Duration.ofDays(7), personsCount);
        StoryVector samePerson = vector(Map.of("quake", 1.0), Map.of("e:person:rouhani", 1.0));
        StoryVector sameOrganization = vector(Map.of("quake", 1.0), Map.of("e:organization:red_crescent", 1.0));
        StoryVector otherPerson = vector(Map.of("quake", 1.0), Map.of("e:person:khamenei", 1.0));
        StoryVector otherOrganization = vector(Map.of("quake", 1.0), Map.of("e:organization:unicef", 1.0));
        assertThat(scorer.score(samePerson, samePerson)).isCloseTo(1.2, within(1e-6));
        assertThat(scorer.score(samePerson, otherPerson)).isCloseTo(0.6, within(1e-6));
        assertThat(scorer.score(sameOrganization, otherOrganization)).isCloseTo(
                scorer.score(sameOrganization, sameOrganization), within(1e-6));
    }
}
