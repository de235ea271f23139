package io.newswire.processors.match.vectors;

import java.time.Duration;

/**
 * How close two articles are as reports of one event: their content score, the learned pair model's
 * ({@link StoryPairModel}) weighted sum of their word, number and per-type entity cosines, times a time
 * factor that is 1 within a day of each other and falls linearly to {@link #TIME_FLOOR} at the retention
 * horizon, staying there beyond it: a borderline match a week apart (next week's similar event) does not
 * join, while a follow-up that says much the same (a trial, a death toll) still does. When neither article
 * has entities (not analysed, or none found) the terms alone decide, in units of the word weight. An article
 * its source did not date has no time factor with any other: an unknown date is unknown, not the moment it
 * arrived. The content score is linear in either vector, so it also weighs vector sums (a story's average
 * link). Pure and thread-safe.
 */
public final class StoryScorer {

    private static final long FULL_WEIGHT_MILLIS = Duration.ofDays(1).toMillis();
    /**
     * The time factor of articles a horizon or more apart. Not 0: reports of one event go on for weeks
     * (follow-ups, trials), and a factor that fell to 0 split them from their story whatever they said.
     */
    static final double TIME_FLOOR = 0.7;

    private final double threshold;
    private final long horizonMillis;
    private final double[] classWeights;
    private final double selfWithEntities;

    public StoryScorer(double threshold, Duration horizon) {
        this(threshold, horizon, StoryPairModel.shipped());
    }

    public StoryScorer(double threshold, Duration horizon, StoryPairModel model) {
        this.threshold = threshold;
        this.horizonMillis = Math.max(horizon.toMillis(), FULL_WEIGHT_MILLIS + 1);
        this.classWeights = model.scaled();
        double entityMean = 0;
        for (int k = StoryVector.PERSON; k < StoryVector.CLASSES; k++) {
            entityMean += classWeights[k] / (StoryVector.CLASSES - StoryVector.PERSON);
        }
        this.selfWithEntities = classWeights[StoryVector.WORD] + entityMean;
    }

    public double threshold() {
        return threshold;
    }

    public double score(StoryVector a, StoryVector b) {
        double content = content(a, b);
        return !a.dated() || !b.dated() ? content : content * timeFactor(Math.abs(a.timeMillis() - b.timeMillis()));
    }

    /**
     * The weighted sum of the class cosines, without time. Linear in either side: of two stories' vector sums
     * it is the sum of their members' pair scores.
     */
    public double content(StoryVector a, StoryVector b) {
        double sum = a.weightedDot(b, classWeights);
        return !a.hasEntities() && !b.hasEntities() ? sum / classWeights[StoryVector.WORD] : sum;
    }

    /**
     * What a member contributes to its story's self-score |sum|² by itself (its content score with itself),
     * as estimated from a sum without the members: the word weight for its terms plus the mean entity weight
     * for its entities (each part of a vector has unit length). Exact for the fixed 0.6/0.4 weights.
     */
    public double selfEstimate(boolean entities) {
        return entities ? selfWithEntities : 1;
    }

    public double timeFactor(long apartMillis) {
        if (apartMillis <= FULL_WEIGHT_MILLIS) {
            return 1.0;
        }
        double fall = (1.0 - TIME_FLOOR) * (apartMillis - FULL_WEIGHT_MILLIS) / (horizonMillis - FULL_WEIGHT_MILLIS);
        return Math.max(TIME_FLOOR, 1.0 - fall);
    }
}
