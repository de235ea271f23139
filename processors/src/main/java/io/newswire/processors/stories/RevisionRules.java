package io.newswire.processors.stories;

import java.time.Duration;

/**
 * When a story may still change (docs/dedup-and-stories.md, "Revisions").
 *
 * @param window         an article may move to another story only this long after its arrival
 * @param maxRevisions   and at most this many times
 * @param mergeThreshold average link at or above which two stories become one
 * @param splitThreshold average link below which a story's members part into stories of their own
 */
public record RevisionRules(Duration window, int maxRevisions, double mergeThreshold, double splitThreshold) {
}
