package io.newswire.processors;

import java.time.Duration;
import java.util.List;
import io.newswire.common.NewswireConfig;
import io.newswire.common.Setting;

/**
 * The tunables of the topology.
 *
 * @param retention     how long dedup remembers an article (buckets, signatures, decisions by id)
 * @param nearThreshold estimated Jaccard (3-word shingles) at or above which an earlier article is a near
 *                      duplicate; see docs/dedup-and-stories.md for how 0.25 was chosen
 * @param storyThreshold story score ({@code StoryScorer}) at or above which an article joins the story of
 *                      the closest article already indexed; see docs/dedup-and-stories.md for 0.24
 * @param partitions    partitions of the dedup repartition topics; band ownership is computed for this
 *                      count, so it must not change while state exists (topic.partitions)
 */
public record TopologySettings(int maxArticleBytes, Duration retention, double nearThreshold, double storyThreshold,
                               int partitions) {

    public static final Setting<Integer> RETENTION_DAYS = new Setting<>("dedup.retention.days", "7",
            Setting::positiveInt, "how long deduplication and story clustering remember an article");
    public static final Setting<Double> NEAR_THRESHOLD = new Setting<>("dedup.near.threshold", "0.25",
            Setting::fraction, "estimated Jaccard similarity at which an earlier article is a near duplicate");
    public static final Setting<Double> STORY_THRESHOLD = new Setting<>("story.threshold", "0.24",
            Setting::fraction, "story score (TF-IDF + entities + time) at which an article joins a story");

    public static final List<Setting<?>> SETTINGS = List.of(RETENTION_DAYS, NEAR_THRESHOLD, STORY_THRESHOLD);

    /** The defaults for an in-process run (TopologyTestDriver), where every topic has one partition. */
    public static TopologySettings defaults() {
        return from(NewswireConfig.defaults()).inProcess();
    }

    /** The same settings for a run where every topic has one partition (TopologyTestDriver). */
    public TopologySettings inProcess() {
        return new TopologySettings(maxArticleBytes, retention, nearThreshold, storyThreshold, 1);
    }

    public static TopologySettings from(NewswireConfig config) {
        return new TopologySettings(config.maxArticleBytes(), Duration.ofDays(config.get(RETENTION_DAYS)),
                config.get(NEAR_THRESHOLD), config.get(STORY_THRESHOLD), config.partitions());
    }
}
