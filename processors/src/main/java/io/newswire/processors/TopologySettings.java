package io.newswire.processors;

import io.newswire.processors.match.vectors.StoryPairModel;
import io.newswire.processors.match.vectors.StoryScorer;
import io.newswire.processors.stories.RevisionRules;
import java.time.Duration;
import java.util.List;
import io.newswire.common.ConfigException;
import io.newswire.common.NewswireConfig;
import io.newswire.common.Setting;

/**
 * The tunables of the topology.
 *
 * @param retention     how long dedup remembers an article (buckets, signatures, decisions by id)
 * @param nearThreshold estimated Jaccard (3-word shingles) at or above which an earlier article is a near
 *                      duplicate; see docs/dedup-and-stories.md for how 0.25 was chosen
 * @param storyThreshold story score ({@code StoryScorer}) at or above which an article joins the story of
 *                      the closest article already indexed; see docs/dedup-and-stories.md for 0.17
 * @param partitions    partitions of the dedup repartition topics; band ownership is computed for this
 *                      count, so it must not change while state exists (topic.partitions)
 * @param revisions     when a story may still change ({@link RevisionRules})
 * @param pairModel     the learned weights of the story pair score ({@link StoryPairModel})
 * @param enrichWorkers threads that enrich articles while the stream threads run the later steps (0: the
 *                      stream threads enrich); see {@code EnrichProcessor}
 * @param vectorCacheMb memory of an instance for decoded story vectors, shared by the partitions' tasks
 */
public record TopologySettings(int maxArticleBytes, Duration retention, double nearThreshold, double storyThreshold,
                               int partitions, RevisionRules revisions, StoryPairModel pairModel, int enrichWorkers,
                               int vectorCacheMb) {

    public TopologySettings(int maxArticleBytes, Duration retention, double nearThreshold, double storyThreshold,
                            int partitions, RevisionRules revisions, StoryPairModel pairModel) {
        this(maxArticleBytes, retention, nearThreshold, storyThreshold, partitions, revisions, pairModel, 0,
                VECTOR_CACHE_MB.parse(VECTOR_CACHE_MB.defaultValue()));
    }

    public TopologySettings(int maxArticleBytes, Duration retention, double nearThreshold, double storyThreshold,
                            int partitions) {
        this(maxArticleBytes, retention, nearThreshold, storyThreshold, partitions,
                new RevisionRules(Duration.ofHours(48), 3, 0.24, 0.10));
    }

    public TopologySettings(int maxArticleBytes, Duration retention, double nearThreshold, double storyThreshold,
                            int partitions, RevisionRules revisions) {
        this(maxArticleBytes, retention, nearThreshold, storyThreshold, partitions, revisions,
                StoryPairModel.shipped());
    }

    /** The story pair score at these settings: the threshold, the retention horizon and the pair model. */
    public StoryScorer storyScorer() {
        return new StoryScorer(storyThreshold, retention, pairModel);
    }

    public static final Setting<Integer> RETENTION_DAYS = new Setting<>("dedup.retention.days", "7",
            Setting::positiveInt, "how long deduplication and story clustering remember an article");
    public static final Setting<Double> NEAR_THRESHOLD = new Setting<>("dedup.near.threshold", "0.25",
            Setting::fraction, "estimated Jaccard similarity at which an earlier article is a near duplicate");
    public static final Setting<Double> STORY_THRESHOLD = new Setting<>("story.threshold", "0.17",
            Setting::fraction, "story score (learned pair model over TF-IDF and entity cosines, times time) at which an article joins a story");

    public static final Setting<StoryPairModel> PAIR_MODEL = new Setting<>("story.pair.model", "",
            StoryPairModel::fromSetting, "a story pair model file written by `train story-pairs` (empty: the shipped one)");

    public static final Setting<Integer> REVISION_WINDOW_HOURS = new Setting<>("story.revision.window.hours", "48",
            Setting::positiveInt, "how long after its arrival an article may still move to another story");
    public static final Setting<Integer> MAX_REVISIONS = new Setting<>("story.revision.max", "3",
            Setting::positiveInt, "how many times at most an article may move to another story");
    public static final Setting<Double> MERGE_THRESHOLD = new Setting<>("story.merge.threshold", "0.24",
            Setting::fraction, "average link (mean pair score) at which two stories merge");
    public static final Setting<Double> SPLIT_THRESHOLD = new Setting<>("story.split.threshold", "0.10",
            Setting::fraction, "average link below which a story's members split into stories of their own");

    public static final Setting<Double> SPLIT_RATIO = new Setting<>("story.split.ratio", "0.5",
            Setting::fraction, "a story splits in two when its parts' average link is below this fraction of their cohesion");
    public static final Setting<Double> MERGE_RATIO = new Setting<>("story.merge.ratio", "0.7",
            Setting::fraction, "two stories merge only when their average link is at least this fraction of their cohesion");

    /** {@code auto}: one worker per stream thread, so raising the stream threads raises NER's threads too. */
    static final int AUTO = -1;

    public static final Setting<Integer> ENRICH_WORKERS = new Setting<>("enrich.workers", "auto",
            raw -> raw.equals("auto") ? AUTO : Setting.nonNegativeInt(raw),
            "threads that enrich articles (language, entities) beside the stream threads, which then run the later steps meanwhile (auto: as many as kafka.num.stream.threads; 0: the stream threads enrich)");

    public static final Setting<Integer> VECTOR_CACHE_MB = new Setting<>("story.vector.cache.mb", "256",
            Setting::nonNegativeInt, "heap for decoded story vectors the story index scores, per instance (each partition's task gets its share of the topic's partitions)");

    public static final List<Setting<?>> SETTINGS = List.of(RETENTION_DAYS, NEAR_THRESHOLD, STORY_THRESHOLD, PAIR_MODEL,
            REVISION_WINDOW_HOURS, MAX_REVISIONS, MERGE_THRESHOLD, SPLIT_THRESHOLD, SPLIT_RATIO, MERGE_RATIO,
            ENRICH_WORKERS, VECTOR_CACHE_MB);

    /**
     * One partition task's share of the vector cache: the instance's budget over the topic's partitions, so the
     * instance stays within it even when it runs every partition.
     */
    public long vectorCacheBytesPerTask() {
        return ((long) vectorCacheMb << 20) / partitions;
    }

    /** The defaults for an in-process run (TopologyTestDriver), where every topic has one partition. */
    public static TopologySettings defaults() {
        return from(NewswireConfig.defaults()).inProcess();
    }

    /**
     * The same settings for a run where every topic has one partition (TopologyTestDriver). The stream thread
     * enriches: the driver runs the workers' drain only when a caller advances its wall clock, so articles at
     * a worker would never leave.
     */
    public TopologySettings inProcess() {
        return new TopologySettings(maxArticleBytes, retention, nearThreshold, storyThreshold, 1, revisions, pairModel,
                0, vectorCacheMb);
    }

    public static TopologySettings from(NewswireConfig config) {
        return new TopologySettings(config.maxArticleBytes(), Duration.ofDays(config.get(RETENTION_DAYS)),
                config.get(NEAR_THRESHOLD), config.get(STORY_THRESHOLD), config.partitions(),
                new RevisionRules(Duration.ofHours(config.get(REVISION_WINDOW_HOURS)), config.get(MAX_REVISIONS),
                        config.get(MERGE_THRESHOLD), config.get(SPLIT_THRESHOLD), config.get(SPLIT_RATIO),
                        config.get(MERGE_RATIO)), config.get(PAIR_MODEL), enrichWorkers(config),
                config.get(VECTOR_CACHE_MB));
    }

    private static int enrichWorkers(NewswireConfig config) {
        int workers = config.get(ENRICH_WORKERS);
        if (workers != AUTO) {
            return workers;
        }
        String threads = config.kafkaOverrides().getOrDefault("num.stream.threads", "1");
        try {
            return Setting.positiveInt(threads);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("kafka.num.stream.threads=" + threads + " is not valid: "
                    + e.getMessage());
        }
    }

    /** The same settings with other revision rules (evaluation and tests). */
    public TopologySettings withRevisions(RevisionRules other) {
        return new TopologySettings(maxArticleBytes, retention, nearThreshold, storyThreshold, partitions, other,
                pairModel, enrichWorkers, vectorCacheMb);
    }

    /** The same settings with another number of enrich workers. */
    public TopologySettings withEnrichWorkers(int workers) {
        return new TopologySettings(maxArticleBytes, retention, nearThreshold, storyThreshold, partitions, revisions,
                pairModel, workers, vectorCacheMb);
    }
}
