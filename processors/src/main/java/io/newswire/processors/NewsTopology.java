package io.newswire.processors;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import io.newswire.common.Article;
import io.newswire.common.DeadLetter;
import io.newswire.common.Decision;
import io.newswire.common.ItemMeta;
import io.newswire.common.JsonSerde;
import io.newswire.common.Topics;
import io.newswire.processors.match.ArticlePartitioner;
import io.newswire.processors.match.CandidatesProcessor;
import io.newswire.processors.match.MatchRecords.GatherInput;
import io.newswire.processors.match.MatchRecords.Probe;
import io.newswire.processors.match.MatchRecords.Signed;
import io.newswire.processors.match.ProbePartitioner;
import io.newswire.processors.match.StoryVectorProcessor;
import io.newswire.processors.match.lsh.LshIndex;
import io.newswire.processors.match.lsh.MinHash;
import io.newswire.processors.match.vectors.CorrectionPartitioner;
import io.newswire.processors.match.vectors.StoryCorrectionProcessor;
import io.newswire.processors.match.vectors.StoryIndex;
import io.newswire.processors.match.vectors.StoryRecords.StoryCorrection;
import io.newswire.processors.match.vectors.StoryScorer;
import io.newswire.processors.nlp.CanonicalizeProcessor;
import io.newswire.processors.nlp.Canonicalized;
import io.newswire.processors.nlp.EnrichProcessor;
import io.newswire.processors.nlp.EnrichStage;
import io.newswire.processors.nlp.RegistryMirror;
import io.newswire.processors.nlp.Enrichment;
import io.newswire.processors.nlp.SizeGuard;
import io.newswire.processors.prepare.Checked;
import io.newswire.processors.prepare.NormalizeStage;
import io.newswire.processors.prepare.ValidateStage;
import io.newswire.processors.resolve.DedupDecider;
import io.newswire.processors.resolve.DedupGatherProcessor;
import io.newswire.processors.resolve.Deduplicated;
import io.newswire.processors.resolve.StoryResolveProcessor;
import io.newswire.processors.resolve.StoryResolveProcessor.Resolution;
import io.newswire.processors.stories.StoryAggregator;
import io.newswire.processors.stories.StoryMessage;
import io.newswire.processors.stories.StoryOutput;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The processors' topology, as a pure builder:
 *
 * <pre>
 *   news.raw → validate → normalize → enrich → canonicalize → lsh-signature → story-vector ─┐
 *                 ↘ rejected   ↘ rejected        ↕ registry                                  │
 *                  news.dlq ←────┘        (global store ← news.entities)                     │
 *     ┌──────────────────────────────────────────────────────────────────────────────────────┘
 *     ├→ (by band and story keys) dedup-probes → dedup-candidates ─┐
 *     └→ the article itself ───────────────────────────────────────┴→ (by id) dedup-gather → dedup ─┐
 *        story-correct ← story-corrections (to the partitions that guessed another story) ←─────────┤
 *        story-resolve: the chosen story, through every partition's story links ←───────────────────┘
 *          (global store ← news.story-links) ─┬→ news.story-links, news.enriched, news.decisions
 *                                             └→ stories-by-id (by story id) → stories ─┬→ news.stories
 *                         news.story-moves (merges, splits, renames; read back) ⇄ ───────┤
 *         revisions of moved members → news.enriched, news.decisions; their links, index corrections ←┘
 * </pre>
 *
 * Deduplication and story clustering scale with partitions: an article's LSH band keys and story keys
 * (its heaviest words and entities) are owned by partitions (a hash of the key), and its signature and
 * story vector are multicast, once, to exactly those partitions; each answers with the earlier articles
 * sharing a key and how close they are, and indexes the article under the story its own answer points
 * to; answers and the article meet again by article id for the decision, and partitions that guessed
 * another story than the decided one are corrected. Each decision publishes the story it chose as a
 * story link, and the story an article leaves with is its choice followed through those links (an article
 * can join a story whose founder was meanwhile decided into another). No step needs one global partition. Every
 * processor, store and repartition topic is named. Every raw record ends up exactly once on
 * news.enriched (as an article, or as a tombstone for a kill) or on news.dlq.
 */
public final class NewsTopology {

    public static final String REPARTITION_PROBES = "dedup-probes";
    public static final String REPARTITION_GATHER = "dedup-gather";
    public static final String REPARTITION_CORRECTIONS = "story-corrections";
    public static final String REPARTITION_STORIES = "stories-by-id";

    private NewsTopology() {
    }

    public static Topology build(Topics topics, Enrichment enrichment, TopologySettings settings, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        RegistryMirror registry = new RegistryMirror();
        StateStores.register(builder, topics, registry);
        KStream<String, byte[]> raw = builder.stream(topics.raw().name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-raw"));

        Map<String, KStream<String, Checked<Article>>> validated = prepare(raw, topics, settings, clock);
        Map<String, KStream<String, Checked<Article>>> enriched = enrich(validated.get(ValidateStage.NAME + "-ok"),
                topics, enrichment, settings, clock);
        KStream<String, Article> articles = canonicalize(enriched.get(EnrichStage.NAME + "-ok"), topics, registry);
        KStream<String, Deduplicated> decided = match(articles, settings);
        KStream<String, Deduplicated> resolved = resolve(decided, topics, settings);
        Map<String, KStream<String, StoryOutput>> stories = aggregateStories(builder, resolved, topics, settings,
                registry);
        writeArticlesAndDecisions(resolved.merge(stories.get(StoryAggregator.NAME + "-revised")
                .mapValues(StoryOutput::revised, Named.as("revised")), Named.as("decided-and-revised")), topics);
        correctIndex(decided, stories.get(StoryAggregator.NAME + "-correction"), settings);
        writeDeadLetters(validated.get(ValidateStage.NAME + "-rejected"), enriched.get(EnrichStage.NAME + "-rejected"),
                stories.get(StoryAggregator.NAME + "-dead-letter"), topics);
        return builder.build();
    }

    /** prepare: validate (rejected → dead letters) and normalize. */
    private static Map<String, KStream<String, Checked<Article>>> prepare(KStream<String, byte[]> raw, Topics topics,
                                                                          TopologySettings settings, Clock clock) {
        ValidateStage validate = new ValidateStage(topics.raw(), settings.maxArticleBytes(), clock);
        return raw
                .mapValues(validate::apply, Named.as(ValidateStage.NAME))
                .split(Named.as(ValidateStage.NAME + "-"))
                .branch((id, checked) -> checked.isOk(), Branched.as("ok"))
                .defaultBranch(Branched.as("rejected"));
    }

    /** nlp: language and named entities (a failure, or an article grown past the size limit → dead letters). */
    private static Map<String, KStream<String, Checked<Article>>> enrich(KStream<String, Checked<Article>> valid,
                                                                         Topics topics, Enrichment enrichment,
                                                                         TopologySettings settings, Clock clock) {
        NormalizeStage normalize = new NormalizeStage();
        EnrichStage enrich = new EnrichStage(enrichment.languages(), enrichment.entities(), topics.raw().name(),
                clock);
        SizeGuard guard = new SizeGuard(settings.maxArticleBytes(), topics.raw().name(), clock);
        ExecutorService workers = enrichWorkers(settings.enrichWorkers());
        return valid
                .mapValues(Checked::value, Named.as("valid"))
                .mapValues(normalize::apply, Named.as(NormalizeStage.NAME))
                .process(() -> new EnrichProcessor(enrich, workers, settings.enrichWorkers()), Named.as(EnrichStage.NAME),
                        EnrichProcessor.STORE)
                .mapValues(guard::apply, Named.as(SizeGuard.NAME))
                .split(Named.as(EnrichStage.NAME + "-"))
                .branch((id, checked) -> checked.isOk(), Branched.as("ok"))
                .defaultBranch(Branched.as("rejected"));
    }

    /**
     * One pool for the instance's enrich tasks (null: none). Its threads are daemons that end when idle, so a
     * topology that stops leaves none behind.
     */
    private static ExecutorService enrichWorkers(int count) {
        if (count == 0) {
            return null;
        }
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(count, count, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread t = new Thread(task, "newswire-enrich-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** nlp: canonical entities against the registry, whose new spellings go to news.entities. */
    private static KStream<String, Article> canonicalize(KStream<String, Checked<Article>> enriched, Topics topics,
                                                         RegistryMirror registry) {
        KStream<String, Canonicalized> canonical = enriched
                .mapValues(Checked::value, Named.as("enriched"))
                .process(() -> new CanonicalizeProcessor(registry), Named.as(CanonicalizeProcessor.NAME));
        canonical
                .flatMap((id, c) -> c.learned().stream().map(k -> KeyValue.pair(k.registryKey(), k)).toList(),
                        Named.as("registry-updates"))
                .processValues(OutputHeaders.of("news.entities", false), Named.as("headers-entities"))
                .to(topics.entities().name(), Produced.with(topics.entities().keySerde(),
                        topics.entities().valueSerde()).withName("write-entity-registry"));
        return canonical.mapValues(Canonicalized::article, Named.as("canonical"));
    }

    /**
     * match, then the decision: the signature and story vector are multicast to the partitions owning the
     * article's keys, their answers meet the article again by id, and partitions that guessed another story
     * than the decided one are corrected.
     */
    private static KStream<String, Deduplicated> match(KStream<String, Article> articles, TopologySettings settings) {
        int partitions = settings.partitions();
        StoryScorer scorer = settings.storyScorer();
        KStream<String, Signed> signed = articles
                .mapValues(a -> new Signed(a, isKill(a) ? null : MinHash.signature(a.headline(), a.body()), null, null),
                        Named.as("lsh-signature"))
                .process(StoryVectorProcessor::new, Named.as(StoryVectorProcessor.NAME), StoryVectorProcessor.FREQUENCIES);
        KStream<String, GatherInput> answers = signed
                .filter((id, s) -> s.signature() != null, Named.as("not-killed"))
                .mapValues(s -> new Probe(s.article().id(), s.requestId(), s.article().contentHash(),
                        s.article().received().toEpochMilli(), s.signature(), s.vector(), partitions), Named.as("probe"))
                .repartition(Repartitioned.<String, Probe>as(REPARTITION_PROBES)
                        .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(Probe.class))
                        .withNumberOfPartitions(partitions).withStreamPartitioner(new ProbePartitioner()))
                .process(() -> new CandidatesProcessor(scorer, settings.retention(), settings.vectorCacheBytesPerTask()), Named.as(CandidatesProcessor.NAME),
                        LshIndex.BUCKETS, LshIndex.SIGNATURES, StoryIndex.BUCKETS, StoryIndex.VECTORS);
        // The article goes to the gather step with the number of partition answers to wait for, keyed like
        // the answers by its request id.
        KStream<String, GatherInput> toGather = signed
                .selectKey((id, s) -> s.requestId(), Named.as("key-by-request"))
                .mapValues(s -> GatherInput.of(s.article(), s.signature() == null ? 0
                        : Probe.owners(s.signature(), s.vector(), partitions).size(), s.vector()),
                        Named.as("to-gather"));
        KStream<String, Deduplicated> deduplicated = toGather
                .merge(answers, Named.as("gather-answers"))
                .repartition(Repartitioned.<String, GatherInput>as(REPARTITION_GATHER)
                        .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(GatherInput.class))
                        .withStreamPartitioner(new ArticlePartitioner()))
                .process(() -> new DedupGatherProcessor(
                                new DedupDecider(settings.nearThreshold(), settings.storyThreshold()), partitions,
                                settings.retention(), settings.revisions().mergeThreshold()),
                        Named.as(DedupGatherProcessor.NAME), DedupGatherProcessor.PENDING, DedupGatherProcessor.ARTICLES,
                        DedupGatherProcessor.SEEN);
        return deduplicated;
    }

    /**
     * Corrections go back upstream through a topic of their own (the index is upstream of the decision): from the
     * decision, to the partitions that guessed another story, and from the story step, for members that moved.
     */
    private static void correctIndex(KStream<String, Deduplicated> deduplicated,
                                     KStream<String, StoryOutput> fromStories, TopologySettings settings) {
        StoryScorer scorer = settings.storyScorer();
        deduplicated
                .flatMapValues(Deduplicated::corrections, Named.as("story-correction"))
                .merge(fromStories.mapValues(StoryOutput::correction, Named.as("moved-correction")),
                        Named.as("story-corrections-all"))
                .repartition(Repartitioned.<String, StoryCorrection>as(REPARTITION_CORRECTIONS)
                        .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(StoryCorrection.class))
                        .withNumberOfPartitions(settings.partitions()).withStreamPartitioner(new CorrectionPartitioner()))
                .process(() -> new StoryCorrectionProcessor(scorer, settings.retention()),
                        Named.as(StoryCorrectionProcessor.NAME), StoryIndex.BUCKETS, StoryIndex.VECTORS);
    }

    /**
     * resolve: the story each decision chose is resolved against every partition's story links before
     * anything leaves (an article may have joined a story whose founder was meanwhile decided into another),
     * and each first decision publishes its own link.
     */
    private static KStream<String, Deduplicated> resolve(KStream<String, Deduplicated> deduplicated, Topics topics,
                                                         TopologySettings settings) {
        Map<String, KStream<String, Resolution>> resolutions = deduplicated
                .process(() -> new StoryResolveProcessor(settings.retention(), settings.partitions(),
                                settings.nearThreshold()),
                        Named.as(StoryResolveProcessor.NAME), StoryResolveProcessor.WAITING, DedupGatherProcessor.SEEN)
                .split(Named.as(StoryResolveProcessor.NAME + "-"))
                .branch((id, r) -> r.resolved() == null, Branched.as("link"))
                .defaultBranch(Branched.as("article"));
        resolutions.get(StoryResolveProcessor.NAME + "-link")
                .map((id, r) -> KeyValue.pair(r.linkId(), r.link()), Named.as("link-by-article"))
                .processValues(OutputHeaders.of("news.story-links", true), Named.as("headers-story-links"))
                .to(topics.storyLinks().name(), Produced.with(topics.storyLinks().keySerde(),
                        topics.storyLinks().valueSerde()).withName("write-story-links"));
        return resolutions.get(StoryResolveProcessor.NAME + "-article")
                .mapValues(Resolution::resolved, Named.as("resolved"));
    }

    private static void writeArticlesAndDecisions(KStream<String, Deduplicated> resolved, Topics topics) {
        // A stale version is kept in the decisions and sent nowhere else: the newest stays the latest.
        resolved
                .filter((id, d) -> d.decision().decision() != Decision.Kind.STALE, Named.as("not-stale"))
                .mapValues(Deduplicated::article, Named.as("article"))
                .processValues(OutputHeaders.of("news.enriched", true), Named.as("headers-enriched"))
                .to(topics.enriched().name(), Produced.with(topics.enriched().keySerde(),
                        topics.enriched().valueSerde()).withName("write-enriched"));
        resolved
                .mapValues(Deduplicated::decision, Named.as("decision"))
                .processValues(OutputHeaders.of("news.decisions", true), Named.as("headers-decisions"))
                .to(topics.decisions().name(), Produced.with(topics.decisions().keySerde(),
                        topics.decisions().valueSerde()).withName("write-decisions"));
    }

    /**
     * stories: every member of a story meets the others on the story's partition, where stories merge, split and
     * rename; members that move, and merge offers between story partitions, travel on news.story-moves (a loop:
     * the story step reads what it writes). Returns the step's other outputs by kind: revised articles and
     * index corrections.
     */
    private static Map<String, KStream<String, StoryOutput>> aggregateStories(StreamsBuilder builder,
            KStream<String, Deduplicated> resolved, Topics topics, TopologySettings settings, RegistryMirror registry) {
        JsonSerde<StoryMessage> messages = new JsonSerde<>(StoryMessage.class);
        KStream<String, StoryMessage> joins = resolved
                .filter((id, d) -> d.decision().storyId() != null, Named.as("with-story"))
                .selectKey((id, d) -> d.decision().storyId(), Named.as("key-by-story"))
                .mapValues(d -> StoryMessage.joined(d.withoutCorrections()), Named.as("story-member"))
                .repartition(Repartitioned.<String, StoryMessage>as(REPARTITION_STORIES)
                        .withKeySerde(Serdes.String()).withValueSerde(messages)
                        .withNumberOfPartitions(settings.partitions()));
        KStream<String, StoryMessage> moves = builder.stream(topics.storyMoves().name(),
                Consumed.with(Serdes.String(), messages).withName("read-story-moves"));
        Map<String, KStream<String, StoryOutput>> out = joins
                .merge(moves, Named.as("joins-and-moves"))
                .process(() -> new StoryAggregator(settings.retention(), settings.storyScorer(), settings.partitions(), settings.revisions(),
                        registry),
                        Named.as(StoryAggregator.NAME),
                        StoryAggregator.STORE, StoryAggregator.MEMBERS)
                .split(Named.as(StoryAggregator.NAME + "-"))
                .branch((id, o) -> o.kind() == StoryOutput.Kind.STORY, Branched.as("story"))
                .branch((id, o) -> o.kind() == StoryOutput.Kind.REVISED, Branched.as("revised"))
                .branch((id, o) -> o.kind() == StoryOutput.Kind.LINK, Branched.as("link"))
                .branch((id, o) -> o.kind() == StoryOutput.Kind.CORRECTION, Branched.as("correction"))
                .branch((id, o) -> o.kind() == StoryOutput.Kind.DEAD_LETTER, Branched.as("dead-letter"))
                .defaultBranch(Branched.as("message"));
        out.get(StoryAggregator.NAME + "-story")
                .mapValues(o -> o.tombstone() ? null : o.story(), Named.as("story-state"))
                .processValues(OutputHeaders.of("news.stories", false), Named.as("headers-stories"))
                .to(topics.stories().name(), Produced.with(topics.stories().keySerde(), topics.stories().valueSerde())
                        .withName("write-stories"));
        out.get(StoryAggregator.NAME + "-link")
                .mapValues(StoryOutput::link, Named.as("moved-link"))
                .processValues(OutputHeaders.of("news.story-links", false), Named.as("headers-moved-links"))
                .to(topics.storyLinks().name(), Produced.with(topics.storyLinks().keySerde(),
                        topics.storyLinks().valueSerde()).withName("write-moved-links"));
        out.get(StoryAggregator.NAME + "-message")
                .mapValues(StoryOutput::message, Named.as("story-message"))
                .to(topics.storyMoves().name(), Produced.with(Serdes.String(), messages).withName("write-story-moves"));
        return out;
    }

    private static void writeDeadLetters(KStream<String, Checked<Article>> rejectedAtValidate,
                                         KStream<String, Checked<Article>> rejectedAtEnrich,
                                         KStream<String, StoryOutput> undeliveredStoryMessages, Topics topics) {
        rejectedAtValidate.mapValues(Checked::rejection, Named.as("validate-dead-letter"))
                .merge(rejectedAtEnrich.mapValues(Checked::rejection, Named.as("enrich-dead-letter")),
                        Named.as("dead-letters"))
                .merge(undeliveredStoryMessages.mapValues(StoryOutput::deadLetter, Named.as("story-dead-letter")),
                        Named.as("all-dead-letters"))
                .selectKey((key, letter) -> key != null ? key : letter.id(), Named.as("key-dead-letter"))
                .processValues(OutputHeaders.of("news.dlq", true), Named.as("headers-dlq"))
                .to(topics.dlq().name(), Produced.with(topics.dlq().keySerde(), topics.dlq().valueSerde())
                        .withName("write-dlq"));
    }

    private static boolean isKill(Article article) {
        return article.meta() != null && ItemMeta.CANCELED.equals(article.meta().pubstatus());
    }
}
