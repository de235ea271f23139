package io.newswire.app.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.newswire.common.Article;
import io.newswire.common.Json;
import io.newswire.common.NewswireConfig;
import io.newswire.ingest.ArticlePublisher;
import io.newswire.ingest.sources.BatchIngest;
import io.newswire.ingest.sources.FileSource;
import io.newswire.ingest.sources.Progress;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * Batch ingest (read files, detect, parse, clean, serialize, publish, wait for every acknowledgement)
 * next to Kafka's own {@code ProducerPerformance} on the same broker, with records of the same size and
 * the same text (the serialized articles are its payload), acks=all, idempotence, lz4 and the same
 * batching. Rounds alternate; the best of each is reported.
 */
public final class IngestBenchmark {

    private static final Pattern RATE = Pattern.compile("([0-9.]+) records/sec");
    private static final int ROUNDS = 2;

    private final NewswireConfig config;
    private final PrintStream out;

    public IngestBenchmark(NewswireConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    public void run(List<Article> base, int count) throws Exception {
        Path dir = io.newswire.app.Folders.temporary("bench-ingest");
        Path files = Files.createDirectories(dir.resolve("articles"));
        StringBuilder payload = new StringBuilder();
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            Article a = base.get(i % base.size());
            Files.writeString(files.resolve(String.format(Locale.ROOT, "%06d.txt", i)),
                    a.headline() + " (" + i + ")\n\n" + a.bodyText());
            String json = Json.MAPPER.writeValueAsString(a);
            payload.append(json.replace('\n', ' ')).append('\n');
            bytes += json.length();
        }
        Path payloadFile = dir.resolve("payload.txt");
        Files.writeString(payloadFile, payload, StandardCharsets.UTF_8);
        int recordSize = (int) (bytes / count);
        String perfTopic = config.topicPrefix() + "bench.producer-performance";
        try (Admin admin = Admin.create(config.clientProperties())) {
            admin.createTopics(List.of(new NewTopic(perfTopic, config.partitions(), config.replicationFactor()))).all().get();
        }
        out.printf(Locale.ROOT, "corpus: %d articles from %d real texts, %d bytes per serialized article; %d partitions%n",
                count, base.size(), recordSize, config.partitions());
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Article a = base.get(i % base.size());
            articles.add(Article.ingested("bench-" + i, 1, a.source(), a.format(), null, a.headline() + " (" + i + ")",
                    a.body(), null, null, a.published(), a.received()));
        }
        double perfBest = 0;
        double publishBest = 0;
        double oursBest = 0;
        for (int round = 0; round < ROUNDS; round++) {
            perfBest = Math.max(perfBest, producerPerformance(perfTopic, payloadFile, count));
            publishBest = Math.max(publishBest, publishOnly(articles));
            oursBest = Math.max(oursBest, ours(files));
        }
        out.printf(Locale.ROOT, "%-48s %8.0f records/s%n", "Kafka ProducerPerformance (same payload)", perfBest);
        out.printf(Locale.ROOT, "%-48s %8.0f articles/s%n", "newswire publisher (serialize, send, acks)", publishBest);
        out.printf(Locale.ROOT, "%-48s %8.0f articles/s%n", "newswire batch ingest (files: read, parse, publish)",
                oursBest);
        out.printf(Locale.ROOT, "ratio publisher / ProducerPerformance: %.3f%n", publishBest / perfBest);
        out.printf(Locale.ROOT, "ratio batch ingest / ProducerPerformance: %.3f%n", oursBest / perfBest);
        io.newswire.app.Folders.remove(dir);
    }

    private double publishOnly(List<Article> articles) throws Exception {
        try (ArticlePublisher publisher = new ArticlePublisher(config.clientProperties(), config.topics())) {
            long started = System.nanoTime();
            List<java.util.concurrent.CompletableFuture<?>> sends = new ArrayList<>(articles.size());
            for (Article a : articles) {
                sends.add(publisher.publish(a));
            }
            for (java.util.concurrent.CompletableFuture<?> s : sends) {
                s.get();
            }
            return articles.size() / ((System.nanoTime() - started) / 1e9);
        }
    }

    private double ours(Path files) throws Exception {
        try (ArticlePublisher publisher = new ArticlePublisher(config.clientProperties(), config.topics())) {
            BatchIngest ingest = new BatchIngest(FileSource.detecting(config.maxArticleBytes(), Clock.systemUTC()),
                    publisher, Progress.silent());
            long started = System.nanoTime();
            BatchIngest.Report report = ingest.run(List.of(files));
            return report.published() / ((System.nanoTime() - started) / 1e9);
        }
    }

    /** Runs the tool in this JVM with the producer settings ingest uses, and reads its summary line. */
    private double producerPerformance(String topic, Path payload, int count) throws Exception {
        List<String> args = new ArrayList<>(List.of("--topic", topic, "--num-records", Integer.toString(count),
                "--throughput", "-1", "--payload-file", payload.toString(), "--command-property"));
        ArticlePublisher.producerProperties(config.clientProperties()).forEach((k, v) -> args.add(k + "=" + v));
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ProducerPerformance.main(args.toArray(String[]::new));
        } finally {
            System.setOut(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        String last = text.strip().lines().reduce((a, b) -> b).orElse("");
        Matcher m = RATE.matcher(last);
        if (!m.find()) {
            throw new IllegalStateException("no rate in ProducerPerformance's output: " + last);
        }
        return Double.parseDouble(m.group(1));
    }
}
