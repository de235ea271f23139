package io.newswire.app.eval;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import io.newswire.common.Article;
import io.newswire.common.Decision;
import io.newswire.common.NewswireConfig;
import io.newswire.ingest.ArticlePublisher;
import io.newswire.processors.nlp.Enrichment;
import io.newswire.processors.ProcessorsApp;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The processors as deployed, on a broker with the configured partition count: each call publishes the
 * articles to fresh topics (their own prefix and application id), runs the processors until every article
 * has its decision and its enriched record (read_committed) and no revision has come for a few seconds, and
 * returns the decisions: first decisions in the order they were committed, then the revisions. Keys,
 * dedup probes and corrections spread over the partitions as in production, and the partitions' tasks
 * interleave, so the order articles are decided in is the broker's, not the list's.
 */
public final class BrokerRunner implements DecisionRunner {

    private static final Duration DEADLINE = Duration.ofMinutes(10);
    /** Revisions have settled when none came for this long after every article was decided. */
    private static final Duration SETTLE = Duration.ofSeconds(8);

    private final NewswireConfig config;
    private final Enrichment enrichment;
    private final Duration pace;
    private int runs;

    /** @param config pointing at a running broker */
    public BrokerRunner(NewswireConfig config, Enrichment enrichment) {
        this(config, enrichment, Duration.ZERO);
    }

    /**
     * @param pace zero: every article is on the topic before the processors start (one burst, the hardest
     *             case for first decisions); else the processors run first and articles arrive this far apart
     */
    public BrokerRunner(NewswireConfig config, Enrichment enrichment, Duration pace) {
        this.config = config;
        this.enrichment = enrichment;
        this.pace = pace;
    }

    /**
     * Each article's first decision, in first-decided order, then every revision in the order it came; and the
     * latest enriched record by id (null for a kill).
     */
    public record Outcome(List<Decision> decisions, Map<String, Article> enriched) {
    }

    @Override
    public List<Decision> decide(List<Article> articles) throws Exception {
        return run(articles).decisions();
    }

    public Outcome run(List<Article> articles) throws Exception {
        Path state = io.newswire.app.Folders.temporary("eval-state");
        NewswireConfig run = isolated(config, "eval" + (++runs) + "-" + System.currentTimeMillis())
                .with(ProcessorsApp.STATE_DIR, state.toString());
        try {
            io.newswire.app.TopicAdmin.ensureTopics(run);
            if (pace.isZero()) {
                publish(run, articles);
                return outcome(run, articles.size(), List.of());
            }
            return outcome(run, articles.size(), articles);
        } finally {
            io.newswire.app.Folders.remove(state);
        }
    }

    /** Publishes the articles, {@link #pace} apart, and waits for every acknowledgement. */
    private void publish(NewswireConfig run, List<Article> articles) throws Exception {
        try (ArticlePublisher publisher = new ArticlePublisher(run.clientProperties(), run.topics())) {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            for (Article a : articles) {
                sends.add(publisher.publish(a));
                if (!pace.isZero()) {
                    Thread.sleep(pace.toMillis());
                }
            }
            for (CompletableFuture<?> s : sends) {
                s.get();
            }
        }
    }

    /**
     * Runs the processors until the articles are decided and revisions settle; {@code toPublish}, when not empty,
     * is published from another thread once the processors have started.
     */
    private Outcome outcome(NewswireConfig run, int count, List<Article> toPublish) throws Exception {
        CompletableFuture<Void> published = new CompletableFuture<>();
        Properties props = run.clientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, run.get(ProcessorsApp.APPLICATION_ID) + "-reader");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        String decisionsTopic = run.topics().decisions().name();
        String enrichedTopic = run.topics().enriched().name();
        Deserializer<Decision> decisionReader = run.topics().decisions().valueSerde().deserializer();
        Deserializer<Article> articleReader = run.topics().enriched().valueSerde().deserializer();
        // By id, in first-decided order: a redelivered article's second decision repeats its first.
        Map<String, Decision> decided = new LinkedHashMap<>();
        List<Decision> revisions = new ArrayList<>();
        Map<String, Article> enriched = new HashMap<>();
        try (ProcessorsApp processors = new ProcessorsApp(run, enrichment);
             KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(props, new StringDeserializer(),
                     new ByteArrayDeserializer())) {
            reader.subscribe(List.of(decisionsTopic, enrichedTopic));
            processors.start();
            if (!toPublish.isEmpty()) {
                Thread publisher = new Thread(() -> {
                    try {
                        publish(run, toPublish);
                        published.complete(null);
                    } catch (Exception | Error e) {
                        published.completeExceptionally(e);
                    }
                }, "eval-publisher");
                publisher.setDaemon(true);
                publisher.start();
            }
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            long quietSince = System.nanoTime();
            // Every article decided, then revisions until none has come for SETTLE: the final state.
            while (System.nanoTime() < deadline && (decided.size() < count || enriched.size() < count
                    || System.nanoTime() - quietSince < SETTLE.toNanos())) {
                if (published.isCompletedExceptionally()) {
                    published.get(); // throws the publisher's failure: the run cannot be scored
                }
                for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(200))) {
                    quietSince = System.nanoTime();
                    if (r.topic().equals(decisionsTopic)) {
                        Decision d = decisionReader.deserialize(r.topic(), r.value());
                        if (d.revision() > 0) {
                            revisions.add(d);
                        } else {
                            decided.putIfAbsent(d.articleId(), d);
                        }
                    } else {
                        enriched.put(r.key(), r.value() == null ? null : articleReader.deserialize(r.topic(), r.value()));
                    }
                }
            }
        }
        if (decided.size() < count || enriched.size() < count) {
            throw new IllegalStateException("the processors decided " + decided.size() + " and enriched "
                    + enriched.size() + " of " + count + " articles within " + DEADLINE.toMinutes() + " minutes");
        }
        List<Decision> all = new ArrayList<>(decided.values());
        all.addAll(revisions);
        return new Outcome(all, enriched);
    }

    /**
     * The configuration for a separate run on the same cluster: its own topics (prefix + name + ".") and its
     * own application id, so it neither reads nor disturbs another run's records and state.
     */
    static NewswireConfig isolated(NewswireConfig config, String name) {
        return config.with(NewswireConfig.TOPIC_PREFIX, config.topicPrefix() + name + ".")
                .with(ProcessorsApp.APPLICATION_ID, config.get(ProcessorsApp.APPLICATION_ID) + "-" + name);
    }
}
