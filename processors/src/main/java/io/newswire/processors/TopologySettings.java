package io.newswire.processors;

import java.time.Duration;
import io.newswire.common.NewswireConfig;

/**
 * The tunables of the topology.
 *
 * @param retention     how long dedup remembers an article (buckets, signatures, decisions by id)
 * @param nearThreshold estimated Jaccard (3-word shingles) at or above which an earlier article is a near
 *                      duplicate. 0.25: unrelated articles sit at or below 0.03 (NOTES-nlp.md); on ECB+ dev
 *                      syndication variants (eval neardup: up to 10% of words edited, last paragraph dropped,
 *                      boilerplate) 0.35 found 96.8%, 0.30 97.7% and 0.25 98.1%, all with no link across
 *                      stories. Short items lose most when a paragraph goes. Lower thresholds call more
 *                      distinct reports of one event near duplicates (34 pairs of originals at 0.25, 26 at
 *                      0.35); those land in the same story either way, only the label differs.
 * @param storyThreshold story score ({@code StoryScorer}) at or above which an article joins the story of
 *                      the closest article already indexed. 0.24: on ECB+ dev B³ F1 was flat (0.87-0.88) from
 *                      0.22 to 0.28 in file and shuffled order; see README "Story clustering"
 * @param partitions    partitions of the dedup repartition topics; band ownership is computed for this
 *                      count, so it must not change while state exists (topic.partitions)
 */
public record TopologySettings(int maxArticleBytes, Duration retention, double nearThreshold, double storyThreshold,
                               int partitions) {

    public static final double DEFAULT_NEAR_THRESHOLD = 0.25;
    public static final double DEFAULT_STORY_THRESHOLD = 0.24;

    /** Defaults for an in-process run (TopologyTestDriver), where every topic has one partition. */
    public static TopologySettings defaults() {
        return new TopologySettings(900_000, Duration.ofDays(7), DEFAULT_NEAR_THRESHOLD, DEFAULT_STORY_THRESHOLD, 1);
    }

    /** The same settings for a run where every topic has one partition (TopologyTestDriver). */
    public TopologySettings inProcess() {
        return new TopologySettings(maxArticleBytes, retention, nearThreshold, storyThreshold, 1);
    }

    public static TopologySettings from(NewswireConfig config) {
        return new TopologySettings(config.maxArticleBytes(), Duration.ofDays(config.dedupRetentionDays()),
                config.dedupNearThreshold(), config.storyThreshold(), config.partitions());
    }
}
