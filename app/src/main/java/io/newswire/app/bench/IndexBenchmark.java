package io.newswire.app.bench;

import io.newswire.processors.match.vectors.StoryIndex;
import io.newswire.processors.match.lsh.LshIndex;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import io.newswire.common.Article;
import io.newswire.common.ArticleIds;
import io.newswire.common.Decision;
import io.newswire.common.JsonSerde;
import io.newswire.processors.resolve.Deduplicated;
import io.newswire.processors.TopologySettings;
import io.newswire.processors.state.BinarySerde;
import io.newswire.processors.match.CandidatesProcessor;
import io.newswire.processors.resolve.DedupDecider;
import io.newswire.processors.resolve.DedupGatherProcessor;
import io.newswire.processors.match.lsh.LshRecords.Bucket;
import io.newswire.processors.match.MatchRecords.GatherInput;
import io.newswire.processors.resolve.GatherRecords.Pending;
import io.newswire.processors.match.MatchRecords.Probe;
import io.newswire.processors.resolve.GatherRecords.Seen;
import io.newswire.processors.match.MatchRecords.Signed;
import io.newswire.processors.match.lsh.LshRecords.StoredSignature;
import io.newswire.processors.match.lsh.MinHash;
import io.newswire.processors.match.vectors.StoredVectorSerde;
import io.newswire.processors.match.vectors.StoryCorrectionProcessor;
import io.newswire.processors.match.vectors.StoryRecords.StoryBucket;
import io.newswire.processors.match.vectors.StoryRecords.StoryCorrection;
import io.newswire.processors.match.vectors.StoryScorer;
import io.newswire.processors.match.StoryVectorProcessor;
import io.newswire.processors.state.RocksDbOptions;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The per-article cost of the dedup and story index as it grows, without a broker: the processors'
 * own steps (story vector and document frequencies, LSH and story probe, gather and decision, story
 * corrections) called in turn on one partition's RocksDB stores, for up to a million articles, and their
 * wall-clock punctuations (the sweeps, the document frequencies' writes), each at its own interval, as the
 * topology runs them. Kafka's share of an article's cost (records, hops, commits) does not depend on the
 * index size, so this is the part that could grow. Prints the rate per window (10k, 20k, 50k, ... articles)
 * against the first, the MinHash signature's cost per article in the same window (the work the index exists
 * to store and probe) and the index's cost (everything else) over it, then each step's share, the decisions
 * made (the copies in the corpus should keep being found) and the state per article; the last line is the
 * last window's {@code index/signature ratio}.
 */
public final class IndexBenchmark {

    private static final int[] CHECKPOINTS = {10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000,
            2_000_000};

    /** The parts of an article's cost, timed apart. */
    private enum Step { CORPUS, SIGNATURE, VECTOR, PROBE, DECIDE, CORRECT, PUNCTUATE }

    private final TopologySettings settings;
    private final String compression;
    private final PrintStream out;

    /** @param compression the stores' RocksDB compression, as {@code state.compression} sets it for the topology */
    public IndexBenchmark(TopologySettings settings, String compression, PrintStream out) {
        this.settings = settings;
        this.compression = compression;
        this.out = out;
    }

    /** {@code spacing} apart in time: a million articles a week apart at 600 ms, about the retention window. */
    public void run(List<Article> base, int count, Duration spacing) throws IOException {
        Path dir = io.newswire.app.Folders.temporary("bench-index");
        try {
            measure(base, count, spacing, dir);
        } finally {
            io.newswire.app.Folders.remove(dir);
        }
    }

    private void measure(List<Article> base, int count, Duration spacing, Path dir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-index");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        // The topology's RocksDB settings. Its record cache (on the document frequencies only) is not here:
        // the mock context cannot host one, so those writes are charged in full.
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, RocksDbOptions.class);
        props.put(RocksDbOptions.COMPRESSION_CONFIG, compression);
        MockProcessorContext<String, Signed> vectorContext = context(props, dir);
        MockProcessorContext<String, GatherInput> candidatesContext = context(props, dir);
        MockProcessorContext<String, Deduplicated> gatherContext = context(props, dir);
        MockProcessorContext<Void, Void> correctionContext = context(props, dir);
        store(vectorContext, StoryVectorProcessor.FREQUENCIES, Serdes.Long());
        store(candidatesContext, LshIndex.BUCKETS, new BinarySerde<>(Bucket.CODEC));
        store(candidatesContext, LshIndex.SIGNATURES, new BinarySerde<>(StoredSignature.CODEC));
        correctionContext.addStateStore(store(candidatesContext, StoryIndex.BUCKETS,
                new BinarySerde<>(StoryBucket.CODEC)));
        correctionContext.addStateStore(store(candidatesContext, StoryIndex.VECTORS,
                new StoredVectorSerde()));
        store(gatherContext, DedupGatherProcessor.PENDING, new JsonSerde<>(Pending.class));
        store(gatherContext, DedupGatherProcessor.ARTICLES, new JsonSerde<>(GatherInput.class));
        store(gatherContext, DedupGatherProcessor.SEEN, new JsonSerde<>(Seen.class));

        StoryVectorProcessor vectorStep = init(new StoryVectorProcessor(), vectorContext);
        StoryScorer scorer = settings.storyScorer();
        CandidatesProcessor candidates = init(new CandidatesProcessor(scorer, settings.retention(), settings.vectorCacheBytesPerTask()), candidatesContext);
        DedupGatherProcessor gather = init(new DedupGatherProcessor(
                new DedupDecider(settings.nearThreshold(), settings.storyThreshold()), 1, settings.retention()),
                gatherContext);
        StoryCorrectionProcessor corrections = init(new StoryCorrectionProcessor(scorer, settings.retention()),
                correctionContext);

        out.printf(Locale.ROOT, "index alone (no broker): %d articles from %d real texts, %d ms apart, retention %s, "
                + "one partition's RocksDB stores (no changelogs, %s compression)%n", count, base.size(),
                spacing.toMillis(), settings.retention(), compression);
        BenchCorpus corpus = new BenchCorpus(base, Instant.parse("2026-01-05T00:00:00Z"), spacing);
        Map<Decision.Kind, Integer> decisions = new EnumMap<>(Decision.Kind.class);
        int checkpoint = 0;
        int windowFrom = 0;
        long windowStart = System.nanoTime();
        long[] stepNanos = new long[Step.values().length];
        long start = System.nanoTime();
        Map<MockProcessorContext.CapturedPunctuator, Long> lastRun = new IdentityHashMap<>();
        double firstRate = 0;
        double ratio = Double.NaN;
        for (int i = 0; i < count; i++) {
            // The normalize stage's content hash, which exact duplicates are found by (the corpus text is clean).
            long t0 = System.nanoTime();
            Article drawn = corpus.next();
            Article a = drawn.withContentHash(ArticleIds.contentHash(drawn.headline(), drawn.body()));
            long time = a.received().toEpochMilli();
            vectorContext.setRecordMetadata("news.raw", 0, i);
            long t1 = System.nanoTime();
            // The baseline: the MinHash signature the index stores and probes, timed in the same run.
            int[] signature = MinHash.signature(a.headline(), a.body());
            long t2 = System.nanoTime();
            vectorStep.process(new Record<>(a.id(), new Signed(a, signature, null, null), time));
            Signed signed = vectorContext.forwarded().get(0).record().value();
            vectorContext.resetForwards();
            String request = signed.requestId();
            long t3 = System.nanoTime();
            candidates.process(new Record<>(request, new Probe(a.id(), request, a.contentHash(), time,
                    signed.signature(), signed.vector(), 1), time));
            GatherInput answer = candidatesContext.forwarded().get(0).record().value();
            candidatesContext.resetForwards();
            long t4 = System.nanoTime();
            gatherContext.setCurrentSystemTimeMs(time);
            gather.process(new Record<>(request, GatherInput.of(a, 1, null), time));
            gather.process(new Record<>(request, answer, time));
            Deduplicated decided = gatherContext.forwarded().get(0).record().value();
            gatherContext.resetForwards();
            decisions.merge(decided.decision().decision(), 1, Integer::sum);
            long t5 = System.nanoTime();
            for (StoryCorrection c : decided.corrections()) {
                corrections.process(new Record<>(c.articleId(), c, time));
            }
            long t6 = System.nanoTime();
            // The steps' wall-clock punctuations (the index sweeps, the document frequencies' writes), each as
            // often as the topology runs it.
            for (MockProcessorContext<?, ?> c : List.of(vectorContext, candidatesContext, gatherContext,
                    correctionContext)) {
                for (MockProcessorContext.CapturedPunctuator p : c.scheduledPunctuators()) {
                    if (p.getType() == PunctuationType.WALL_CLOCK_TIME
                            && t6 - lastRun.getOrDefault(p, start) >= p.getInterval().toNanos()) {
                        p.getPunctuator().punctuate(time);
                        lastRun.put(p, System.nanoTime());
                    }
                }
            }
            stepNanos[Step.PUNCTUATE.ordinal()] += System.nanoTime() - t6;
            stepNanos[Step.CORPUS.ordinal()] += t1 - t0;
            stepNanos[Step.SIGNATURE.ordinal()] += t2 - t1;
            stepNanos[Step.VECTOR.ordinal()] += t3 - t2;
            stepNanos[Step.PROBE.ordinal()] += t4 - t3;
            stepNanos[Step.DECIDE.ordinal()] += t5 - t4;
            stepNanos[Step.CORRECT.ordinal()] += t6 - t5;
            int done = i + 1;
            if ((checkpoint < CHECKPOINTS.length && done == CHECKPOINTS[checkpoint]) || done == count) {
                long now = System.nanoTime();
                int n = done - windowFrom;
                // The corpus's own work (drawing and recombining texts, the normalize stage's content hash) is
                // the benchmark's, not the index's: it is timed apart and left out of the rate and the ratio.
                double seconds = (now - windowStart - stepNanos[Step.CORPUS.ordinal()]) / 1e9;
                double rate = n / seconds;
                firstRate = firstRate == 0 ? rate : firstRate;
                double[] micros = new double[stepNanos.length];
                for (Step step : Step.values()) {
                    micros[step.ordinal()] = stepNanos[step.ordinal()] / 1e3 / n;
                }
                double signatureMicros = micros[Step.SIGNATURE.ordinal()];
                double indexMicros = 1e6 / rate - signatureMicros;
                ratio = indexMicros / signatureMicros;
                out.printf(Locale.ROOT, "  articles %7d-%-7d %8.0f articles/s (%5.0f µs each), %.2f x the first window;"
                                + " signature %4.0f µs, index %5.0f µs: index/signature %.1f%n",
                        windowFrom, done, rate, 1e6 / rate, rate / firstRate, signatureMicros, indexMicros, ratio);
                out.printf(Locale.ROOT, "      index by step: story vector %4.0f µs, probes %4.0f µs, decision %4.0f µs,"
                                + " corrections %3.0f µs, punctuations %3.0f µs"
                                + " (the corpus's drawing, not counted: %3.0f µs)%n",
                        micros[Step.VECTOR.ordinal()], micros[Step.PROBE.ordinal()], micros[Step.DECIDE.ordinal()],
                        micros[Step.CORRECT.ordinal()], micros[Step.PUNCTUATE.ordinal()],
                        micros[Step.CORPUS.ordinal()]);
                windowFrom = done;
                windowStart = now;
                Arrays.fill(stepNanos, 0);
                if (checkpoint < CHECKPOINTS.length && done == CHECKPOINTS[checkpoint]) {
                    checkpoint++;
                }
            }
        }
        out.printf(Locale.ROOT, "decisions: %s%n", decisions);
        out.printf(Locale.ROOT, "state after the run: %.1f KB per article (RocksDB files, all stores)%n",
                io.newswire.app.Folders.size(dir) / 1024.0 / count);
        // Last: the ratio of the last window, which the speed target is checked on.
        out.printf(Locale.ROOT, "index/signature ratio %.2f%n", ratio);
    }

    private static <K, V> MockProcessorContext<K, V> context(Properties props, Path dir) {
        return new MockProcessorContext<>(props, new TaskId(0, 0), dir.toFile());
    }

    private static <V> KeyValueStore<String, V> store(MockProcessorContext<?, ?> context, String name, Serde<V> serde) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name),
                Serdes.String(), serde).withLoggingDisabled().withCachingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }

    private static <P extends Processor<KIn, VIn, KOut, VOut>, KIn, VIn, KOut, VOut> P init(P processor,
            MockProcessorContext<KOut, VOut> context) {
        processor.init(context);
        return processor;
    }
}
