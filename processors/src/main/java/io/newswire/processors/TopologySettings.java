package io.newswire.processors;

import java.time.Duration;
import io.newswire.common.NewswireConfig;

/**
 * The tunables of the topology.
 *
 * @param retention     how long dedup remembers an article (buckets, signatures, decisions by id)
 * @param nearThreshold estimated Jaccard at or above which an earlier article is a near duplicate;
 *                      0.45 kept 248/250 edited copies of the seeds and flagged no unrelated pair
 *                      (NOTES-nlp.md)
 */
public record TopologySettings(int maxArticleBytes, Duration retention, double nearThreshold) {

    public static final double DEFAULT_NEAR_THRESHOLD = 0.45;

    public static TopologySettings defaults() {
        return new TopologySettings(900_000, Duration.ofDays(7), DEFAULT_NEAR_THRESHOLD);
    }

    public static TopologySettings from(NewswireConfig config) {
        return new TopologySettings(config.maxArticleBytes(), Duration.ofDays(config.dedupRetentionDays()),
                config.dedupNearThreshold());
    }
}
