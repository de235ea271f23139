package io.newswire.processors.match.vectors;

import java.time.Duration;

/**
 * How close two articles are as reports of one event: {@value #TERM_WEIGHT} × cosine of their word TF-IDF
 * vectors + (1 − {@value #TERM_WEIGHT}) × cosine of their entity vectors, times a time factor that is 1
 * within a day of each other and falls linearly to 0 at the retention horizon (an old story does not absorb
 * next week's similar event). When neither article has entities (not analysed, or none found) the words
 * alone decide. An article its source did not date has no time factor with any other: an unknown date is
 * unknown, not the moment it arrived. The weights were chosen on ECB+ dev (same-kind events in pairs): entities lifted B³ F1 by
 * about 0.02 over words alone; see README "Story clustering". Pure and thread-safe.
 */
public final class StoryScorer {

    public static final double TERM_WEIGHT = 0.6;
    private static final long FULL_WEIGHT_MILLIS = Duration.ofDays(1).toMillis();

    private final double threshold;
    private final long horizonMillis;

    public StoryScorer(double threshold, Duration horizon) {
        this.threshold = threshold;
        this.horizonMillis = Math.max(horizon.toMillis(), FULL_WEIGHT_MILLIS + 1);
    }

    public double threshold() {
        return threshold;
    }

    public double score(StoryVector a, StoryVector b) {
        double words = a.termCosine(b);
        double content = !a.hasEntities() && !b.hasEntities() ? words
                : TERM_WEIGHT * words + (1 - TERM_WEIGHT) * a.entityCosine(b);
        return !a.dated() || !b.dated() ? content : content * timeFactor(Math.abs(a.timeMillis() - b.timeMillis()));
    }

    public double timeFactor(long apartMillis) {
        if (apartMillis <= FULL_WEIGHT_MILLIS) {
            return 1.0;
        }
        return Math.max(0, 1.0 - (double) (apartMillis - FULL_WEIGHT_MILLIS) / (horizonMillis - FULL_WEIGHT_MILLIS));
    }
}
