package io.newswire.app.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import io.newswire.common.Article;
import io.newswire.common.NewswireConfig;
import io.newswire.ingest.ArticlePublisher;
import io.newswire.processors.nlp.Enrichment;
import io.newswire.processors.NewsTopology;
import io.newswire.processors.ProcessorsApp;
import io.newswire.processors.TopologySettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * End-to-end latency of the whole processors topology with the real models (language detection, CoreNLP
 * NER, dedup, stories) on one broker. First the maximum sustained throughput: a backlog of articles
 * drained, timed from the start of the (warm) processors to the last output record, start-up rebalance
 * included: with a backlog, the NER stage runs far ahead of the outputs, so first-to-last output would
 * overstate the rate. Then, on the same warm processors, a fixed offered load of half
 * that rate for a set time, each article timed from its publication (broker acknowledgement not awaited)
 * to its arrival on news.enriched for a read_committed consumer: p50, p90, p99 and max.
 */
public final class LatencyBenchmark {

    private final NewswireConfig config;
    private final PrintStream out;

    public LatencyBenchmark(NewswireConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    public void run(List<Article> base, int backlog, Duration loadTime) throws Exception {
        BenchCorpus corpus = new BenchCorpus(base, Instant.now(), Duration.ofMillis(1));
        Path state = io.newswire.app.Folders.temporary("bench-latency");
        Properties props = Backlog.streamsProperties(config, "bench-latency", state);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Enrichment models = Enrichment.withModels();
        Article warmUp = base.get(0);
        models.languages().detect(warmUp.headline());
        models.entities().extract(warmUp); // loads the models before the clock starts
        try (ArticlePublisher publisher = new ArticlePublisher(config.clientProperties(), config.topics());
             KafkaConsumer<String, byte[]> reader = Backlog.enrichedReader(config, "bench-latency");
             KafkaStreams streams = new KafkaStreams(NewsTopology.build(config.topics(), models,
                     TopologySettings.from(config), Clock.systemUTC()), props)) {
            for (int i = 0; i < backlog; i++) {
                publisher.publish(corpus.next());
            }
            publisher.flush();
            long started = System.nanoTime();
            streams.start();
            double maxRate = Backlog.drain(reader, backlog, started);
            out.printf(Locale.ROOT, "max sustained: %d articles (real text, %d partitions, %s, %s stream threads) "
                    + "at %.1f articles/s from start to last output%n", backlog, config.partitions(),
                    config.get(ProcessorsApp.GUARANTEE), props.getOrDefault(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1),
                    maxRate);

            double offered = maxRate / 2;
            long intervalNanos = (long) (1e9 / offered);
            int total = (int) (offered * loadTime.toSeconds());
            List<Long> latencies = new ArrayList<>();
            Thread sender = new Thread(() -> {
                long start = System.nanoTime();
                for (int i = 0; i < total; i++) {
                    long due = start + i * intervalNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    Article a = corpus.next();
                    sentAt.put(a.id(), System.nanoTime());
                    publisher.publish(a);
                }
                publisher.flush();
            }, "bench-latency-sender");
            sender.start();
            long deadline = System.nanoTime() + loadTime.plusSeconds(60).toNanos();
            while (latencies.size() < total && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(20))) {
                    Long sent = sentAt.remove(r.key());
                    if (sent != null) {
                        latencies.add(System.nanoTime() - sent);
                    }
                }
            }
            sender.join();
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            out.printf(Locale.ROOT, "offered load: %.1f articles/s (half the max) for %d s, %d articles, %d measured%n",
                    offered, loadTime.toSeconds(), total, sorted.length);
            out.printf(Locale.ROOT, "latency published -> enriched (read_committed): p50 %.0f ms, p90 %.0f ms, "
                    + "p99 %.0f ms, max %.0f ms%n", ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99),
                    sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
            streams.close(Duration.ofSeconds(30));
        } finally {
            io.newswire.app.Folders.remove(state);
        }
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
