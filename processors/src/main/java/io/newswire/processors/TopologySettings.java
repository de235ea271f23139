package io.newswire.processors;

import java.time.Duration;
import io.newswire.common.NewswireConfig;

/**
 * The tunables of the topology.
 *
 * @param retention     how long dedup remembers an article (buckets, signatures, decisions by id)
 * @param nearThreshold estimated Jaccard (3-word shingles) at or above which an earlier article is a near
 *                      duplicate. 0.35: unrelated articles sit at or below 0.03 (NOTES-nlp.md), edited copies
 *                      with up to 10% of words changed mostly above 0.5; on ECB+ dev variants 0.45 found
 *                      95.1%, 0.35 98.2% and 0.30 99.2%, all with no cross-story link, but lower thresholds
 *                      start calling distinct reports of one event near duplicates (that is story
 *                      clustering's job), so 0.35.
 */
public record TopologySettings(int maxArticleBytes, Duration retention, double nearThreshold) {

    public static final double DEFAULT_NEAR_THRESHOLD = 0.35;

    public static TopologySettings defaults() {
        return new TopologySettings(900_000, Duration.ofDays(7), DEFAULT_NEAR_THRESHOLD);
    }

    public static TopologySettings from(NewswireConfig config) {
        return new TopologySettings(config.maxArticleBytes(), Duration.ofDays(config.dedupRetentionDays()),
                config.dedupNearThreshold());
    }
}
