package io.newswire.app.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import io.newswire.common.Article;
import io.newswire.common.NewswireConfig;
import io.newswire.ingest.ArticlePublisher;
import io.newswire.processors.nlp.Enrichment;
import io.newswire.processors.NewsTopology;
import io.newswire.processors.ProcessorsApp;
import io.newswire.processors.TopologySettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The processors' topology (validate, normalize, enrich with no models, canonicalize, LSH dedup,
 * stories) next to a pass-through topology, on the same broker, the same pre-filled raw topic and the
 * same processing guarantee, one after the other. Throughput is taken from the first to the last output
 * record, so start-up and rebalancing are not counted. Also reports the state written per article.
 */
public final class DedupBenchmark {

    private static final int[] CHECKPOINTS = {10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000};


    private final NewswireConfig config;
    private final PrintStream out;

    public DedupBenchmark(NewswireConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    public void run(List<Article> base, int count) throws Exception {
        // Generated while sending and not kept: the measured topology gets the heap to itself.
        BenchCorpus corpus = new BenchCorpus(base, Instant.now(), Duration.ofMillis(1));
        long bytes = 0;
        try (ArticlePublisher publisher = new ArticlePublisher(config.clientProperties(), config.topics())) {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Article a = corpus.next();
                bytes += a.bodyText().length() + a.headline().length();
                sends.add(publisher.publish(a));
            }
            for (CompletableFuture<?> s : sends) {
                s.get();
            }
        }
        out.printf(Locale.ROOT, "corpus: %d articles drawn from %d real texts (%.0f chars/article), 1 in %d an exact copy "
                + "and 1 in %d a copy edited at %d%% of words; %d partitions, %s, %s stream threads%n", count, base.size(),
                (double) bytes / count, BenchCorpus.COPY_EVERY, BenchCorpus.COPY_EVERY, BenchCorpus.EDIT_PERCENT, config.partitions(),
                config.get(ProcessorsApp.GUARANTEE), ProcessorsApp.streamsProperties(config).getOrDefault(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1));
        String passthroughTopic = config.topicPrefix() + "bench.passthrough";
        try (Admin admin = Admin.create(config.clientProperties())) {
            admin.createTopics(java.util.stream.IntStream.range(0, 3).mapToObj(i -> new NewTopic(passthroughTopic + "-" + i,
                    config.partitions(), config.replicationFactor())).toList()).all().get();
        }
        Path state = io.newswire.app.Folders.temporary("bench-state");
        // The pass-through drains the topic in about a second, so one run is mostly noise: the median of three.
        double[] runs = new double[3];
        for (int i = 0; i < runs.length; i++) {
            String topic = passthroughTopic + "-" + i;
            runs[i] = measure("pass-through", passthroughTopology(topic), topic, count, state.resolve("passthrough-" + i));
        }
        java.util.Arrays.sort(runs);
        double passthrough = runs[1];
        out.printf(Locale.ROOT, "pass-through median of 3: %.0f articles/s%n", passthrough);
        Topology full = NewsTopology.build(config.topics(), Enrichment.none(), TopologySettings.from(config),
                Clock.systemUTC());
        double dedup = measure("newswire processors (no models)", full, config.topics().enriched().name(), count,
                state.resolve("dedup"));
        out.printf(Locale.ROOT, "ratio processors / pass-through: %.3f%n", dedup / passthrough);
        out.printf(Locale.ROOT, "local state after the run: %.1f KB per article (RocksDB files, all stores)%n",
                io.newswire.app.Folders.size(state.resolve("dedup")) / 1024.0 / count);
        printStoreBytes(state.resolve("dedup"), count);
        StoreCompaction.compactAll(state.resolve("dedup"), io.newswire.processors.state.RocksDbOptions.compressionType(
                config.get(ProcessorsApp.STATE_COMPRESSION)));
        out.printf(Locale.ROOT, "local state compacted: %.1f KB per article (every store compacted in full, as"
                + " Streams writes its files; what is left is what the stores hold)%n",
                io.newswire.app.Folders.size(state.resolve("dedup")) / 1024.0 / count);
        printStoreBytes(state.resolve("dedup"), count);
        printTopicBytes(count);
        io.newswire.app.Folders.remove(state);
    }

    /** Records/s on {@code outputTopic} from the first to the last of {@code count}. */
    private double measure(String name, Topology topology, String outputTopic, int count, Path stateDir)
            throws Exception {
        // The processors' own settings (guarantee, threads, ...) for both topologies, with a fresh id and state.
        Properties props = ProcessorsApp.streamsProperties(config);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-" + name.replaceAll("[^a-z]", "") + "-" + System.nanoTime());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        Properties consumerProps = config.clientProperties();
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-reader-" + System.nanoTime());
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaStreams streams = new KafkaStreams(topology, props);
             KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(consumerProps, new StringDeserializer(),
                     new ByteArrayDeserializer())) {
            reader.subscribe(List.of(outputTopic));
            streams.start();
            int seen = 0;
            long first = 0;
            long last = 0;
            int checkpoint = 0;
            long windowFrom = 1;
            long windowStart = 0;
            double firstWindow = 0;
            // Ten minutes, plus 10 ms an article: a long run is worth waiting for, a stuck one is not.
            long deadline = System.nanoTime() + Duration.ofMinutes(10).plusMillis(10L * count).toNanos();
            while (seen < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(100))) {
                    seen++;
                    last = System.nanoTime();
                    if (first == 0) {
                        first = last;
                        windowStart = last;
                    }
                    if (checkpoint < CHECKPOINTS.length && seen == CHECKPOINTS[checkpoint]) {
                        // Printed as each window closes: a long run's curve can be read before it ends.
                        double rate = (seen - windowFrom) / ((last - windowStart) / 1e9);
                        firstWindow = firstWindow == 0 ? rate : firstWindow;
                        out.printf(Locale.ROOT, "  articles %7d-%-7d %8.0f articles/s, %.2f x the first window%n",
                                windowFrom, seen, rate, rate / firstWindow);
                        windowFrom = seen;
                        windowStart = last;
                        checkpoint++;
                    }
                }
            }
            double seconds = (last - first) / 1e9;
            double rate = (seen - 1) / seconds;
            out.printf(Locale.ROOT, "%-34s %7d records, %6.1f s first to last, %8.0f articles/s%n", name, seen, seconds,
                    rate);
            streams.close(Duration.ofSeconds(30));
            return rate;
        }
    }

    /**
     * The local state by store, summed over tasks: which store's RocksDB files hold the per-article bytes.
     * A file under {@code rocksdb/<store>/} counts for that store, anything else (checkpoints, locks) as other.
     */
    private void printStoreBytes(Path stateDir, int count) throws IOException {
        Map<String, Long> bytes = new TreeMap<>();
        if (Files.exists(stateDir)) {
            try (var walk = Files.walk(stateDir)) {
                walk.filter(Files::isRegularFile).forEach(f -> bytes.merge(storeOf(stateDir.relativize(f)),
                        f.toFile().length(), Long::sum));
            }
        }
        printPerArticle(bytes, count);
    }

    /** One line per entry, largest first: its bytes per article in KB. */
    private void printPerArticle(Map<String, Long> bytes, int count) {
        bytes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(e -> e.getValue() > 0)
                .forEach(e -> out.printf(Locale.ROOT, "  %-48s %8.2f KB/article%n", e.getKey(),
                        e.getValue() / 1024.0 / count));
    }

    private static String storeOf(Path relative) {
        for (int i = 0; i + 1 < relative.getNameCount() - 1; i++) {
            if (relative.getName(i).toString().equals("rocksdb")) {
                return relative.getName(i + 1).toString();
            }
        }
        return "other";
    }

    /**
     * What the processors wrote to Kafka per article, by internal topic (changelogs and repartition topics,
     * named after the application id) and output topic: where the per-article cost goes.
     */
    private void printTopicBytes(int count) throws Exception {
        Map<String, Long> bytes = new TreeMap<>();
        try (Admin admin = Admin.create(config.clientProperties())) {
            List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(n -> n.id()).toList();
            admin.describeLogDirs(brokers).allDescriptions().get().values().forEach(dirs -> dirs.values()
                    .forEach(dir -> dir.replicaInfos().forEach((tp, info) -> {
                        String topic = tp.topic().replaceFirst("^bench-newswireprocessorsnomodels-\\d+-", "");
                        if (!tp.topic().contains("passthrough")) {
                            bytes.merge(topic, info.size(), Long::sum);
                        }
                    })));
        }
        long total = bytes.values().stream().mapToLong(Long::longValue).sum();
        out.printf(Locale.ROOT, "written to Kafka: %.1f KB per article in all, by topic:%n", total / 1024.0 / count);
        printPerArticle(bytes, count);
    }

    private static Topology passthroughTopology(String outputTopic) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("news.raw", Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read"))
                .mapValues(v -> v, Named.as("identity"))
                .to(outputTopic, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("write"));
        return builder.build();
    }
}
