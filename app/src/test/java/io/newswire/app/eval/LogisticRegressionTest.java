package io.newswire.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

    @Test
    void shouldRecoverTheCoefficientsThatGeneratedTheLabels() {
        double[] truth = {3.0, -1.5, 0.0};
        double intercept = -0.5;
        Random random = new Random(7);
        List<double[]> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        for (int n = 0; n < 40_000; n++) {
            double[] row = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            double z = intercept + truth[0] * row[0] + truth[1] * row[1] + truth[2] * row[2];
            x.add(row);
            y.add(random.nextDouble() < LogisticRegression.sigmoid(z));
        }
        LogisticRegression.Fit fit = new LogisticRegression(1e-6).fit(x, y);
        assertThat(fit.weights()).containsExactly(truth, within(0.1));
        assertThat(fit.intercept()).isCloseTo(intercept, within(0.1));
        assertThat(fit.iterations()).isLessThan(50);
    }

    @Test
    void shouldRefuseRowsWithoutLabels() {
        assertThatThrownBy(() -> new LogisticRegression(1e-4).fit(List.of(new double[] {1}), List.of()))
                .hasMessageContaining("as many labels as rows");
    }

    @Test
    void shouldRankByTheWeightedFeaturesWhenScoringAuc() {
        List<StoryPairTraining.Example> examples = List.of(
                new StoryPairTraining.Example("a", "b", true, true, new double[] {0.9, 0}),
                new StoryPairTraining.Example("a", "c", true, true, new double[] {0.1, 0.9}),
                new StoryPairTraining.Example("b", "c", true, false, new double[] {0.5, 0}),
                new StoryPairTraining.Example("c", "d", true, false, new double[] {0.2, 0}));
        assertThat(StoryPairTraining.auc(examples, new double[] {1, 0})).isCloseTo(0.5, within(1e-9));
        assertThat(StoryPairTraining.auc(examples, new double[] {1, 1})).isCloseTo(1.0, within(1e-9));
    }
}
