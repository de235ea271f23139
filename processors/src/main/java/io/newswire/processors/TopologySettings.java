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
 * @param storyThreshold story score ({@code StoryScorer}) at or above which an article joins the story of
 *                      its closest earlier article. 0.24: on ECB+ dev B³ F1 was flat (0.87-0.88) from
 *                      0.22 to 0.28 in file and shuffled order; see README "Story clustering"
 * @param partitions    partitions of the dedup repartition topics; band ownership is computed for this
 *                      count, so it must not change while state exists (topic.partitions)
 */
public record TopologySettings(int maxArticleBytes, Duration retention, double nearThreshold, double storyThreshold,
                               int partitions) {

    public static final double DEFAULT_NEAR_THRESHOLD = 0.35;
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
