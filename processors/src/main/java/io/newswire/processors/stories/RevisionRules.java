package io.newswire.processors.stories;

import java.time.Duration;

/**
 * When a story may still change (docs/dedup-and-stories.md, "Revisions").
 *
 * @param window         an article may move to another story only this long after its arrival
 * @param maxRevisions   and at most this many times
 * @param mergeThreshold average link at or above which two stories become one
 * @param splitThreshold average link below which a story's members part into stories of their own
 * @param splitRatio     a story's two parts are two events when their average link is below this fraction of
 *                       their own cohesion (the mean pair score within each)
 * @param mergeRatio     two stories merge only when their average link is at least this fraction of their
 *                       cohesion (above {@code splitRatio}, so that a split is not merged back)
 */
public record RevisionRules(Duration window, int maxRevisions, double mergeThreshold, double splitThreshold,
                            double splitRatio, double mergeRatio) {

    public RevisionRules(Duration window, int maxRevisions, double mergeThreshold, double splitThreshold) {
        this(window, maxRevisions, mergeThreshold, splitThreshold, DEFAULT_SPLIT_RATIO, DEFAULT_MERGE_RATIO);
    }

    public static final double DEFAULT_SPLIT_RATIO = 0.5;
    public static final double DEFAULT_MERGE_RATIO = 0.7;
}
