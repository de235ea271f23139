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
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import io.newswire.common.Article;
import io.newswire.common.NewswireConfig;
import io.newswire.ingest.ArticlePublisher;
import io.newswire.processors.Enrichment;
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

    private static final double EDIT_SHARE = 0.03;
    private static final int COPY_EVERY = 10;
    private static final int RECENT = 1000;

    private final NewswireConfig config;
    private final PrintStream out;

    public DedupBenchmark(NewswireConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    public void run(List<Article> base, int count) throws Exception {
        List<Article> corpus = corpus(base, count);
        long bytes = corpus.stream().mapToLong(a -> a.bodyText().length() + a.headline().length()).sum();
        try (ArticlePublisher publisher = new ArticlePublisher(config.clientProperties(), config.topics())) {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            corpus.forEach(a -> sends.add(publisher.publish(a)));
            for (CompletableFuture<?> s : sends) {
                s.get();
            }
        }
        out.printf(Locale.ROOT, "corpus: %d articles drawn from %d real texts (%.0f chars/article), 1 in %d an exact copy "
                + "and 1 in %d a copy edited at %.0f%% of words; %d partitions, %s, %s stream threads%n", count, base.size(),
                (double) bytes / count, COPY_EVERY, COPY_EVERY, EDIT_SHARE * 100, config.partitions(),
                config.processingGuarantee(), ProcessorsApp.streamsProperties(config).getOrDefault(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1));
        String passthroughTopic = config.topicPrefix() + "bench.passthrough";
        try (Admin admin = Admin.create(config.clientProperties())) {
            admin.createTopics(List.of(new NewTopic(passthroughTopic, config.partitions(), config.replicationFactor())))
                    .all().get();
        }
        Path state = Files.createTempDirectory("newswire-bench-state-");
        double passthrough = measure("pass-through", passthroughTopology(passthroughTopic), passthroughTopic, count,
                state.resolve("passthrough"));
        Topology full = NewsTopology.build(config.topics(), Enrichment.none(), TopologySettings.from(config),
                Clock.systemUTC());
        double dedup = measure("newswire processors (no models)", full, config.topics().enriched().name(), count,
                state.resolve("dedup"));
        out.printf(Locale.ROOT, "ratio processors / pass-through: %.3f%n", dedup / passthrough);
        out.printf(Locale.ROOT, "local state after the run: %.1f KB per article (RocksDB files, all stores)%n",
                size(state.resolve("dedup")) / 1024.0 / count);
        io.newswire.app.Folders.deleteRecursively(state);
    }

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
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (seen < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(100))) {
                    seen++;
                    last = System.nanoTime();
                    if (first == 0) {
                        first = last;
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

    private static Topology passthroughTopology(String outputTopic) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("news.raw", Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read"))
                .mapValues(v -> v, Named.as("identity"))
                .to(outputTopic, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("write"));
        return builder.build();
    }

    /**
     * {@code count} articles at real article sizes: most are new (paragraphs drawn at random from all the
     * real texts, so no two share much); every {@value #COPY_EVERY}th is an exact copy of a recent article
     * and every {@value #COPY_EVERY}th (offset by half) an edited copy, as a syndicated feed would bring.
     * Fixed seed.
     */
    static List<Article> corpus(List<Article> base, int count) {
        Random random = new Random(7);
        List<String> paragraphs = new ArrayList<>();
        base.forEach(b -> paragraphs.addAll(b.body()));
        int perArticle = Math.max(1, paragraphs.size() / base.size());
        List<Article> out = new ArrayList<>(count);
        Instant t0 = Instant.now();
        for (int i = 0; i < count; i++) {
            Article recent = i == 0 ? null : out.get(i - 1 - random.nextInt(Math.min(i, RECENT)));
            String headline;
            List<String> body;
            if (recent != null && i % COPY_EVERY == 0) {
                headline = recent.headline();
                body = recent.body();
            } else if (recent != null && i % COPY_EVERY == COPY_EVERY / 2) {
                headline = recent.headline();
                body = edited(recent.body(), random);
            } else {
                headline = base.get(random.nextInt(base.size())).headline();
                body = new ArrayList<>();
                for (int p = 0; p < perArticle; p++) {
                    body.add(paragraphs.get(random.nextInt(paragraphs.size())));
                }
            }
            out.add(Article.ingested("bench-" + i, 1, "bench-" + (i % 7), "text", null, headline, body, null, null,
                    t0, t0.plusMillis(i)));
        }
        return out;
    }

    private static List<String> edited(List<String> body, Random random) {
        List<String> out = new ArrayList<>();
        for (String p : body) {
            String[] words = p.split(" ");
            for (int w = 0; w < words.length; w++) {
                if (random.nextDouble() < EDIT_SHARE) {
                    words[w] = "edited" + random.nextInt(1000);
                }
            }
            out.add(String.join(" ", words));
        }
        return out;
    }

    private static long size(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
