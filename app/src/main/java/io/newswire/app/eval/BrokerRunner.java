package io.newswire.app.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import io.newswire.common.Article;
import io.newswire.common.Decision;
import io.newswire.common.NewswireConfig;
import io.newswire.ingest.ArticlePublisher;
import io.newswire.processors.Enrichment;
import io.newswire.processors.ProcessorsApp;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The processors as deployed, on a broker with the configured partition count: each call publishes the
 * articles to fresh topics (their own prefix and application id), runs the processors until every article
 * has its decision (read_committed) and returns the decisions in the order they were committed. Keys,
 * dedup probes and corrections spread over the partitions as in production, and the partitions' tasks
 * interleave, so the order articles are decided in is the broker's, not the list's.
 */
public final class BrokerRunner implements DecisionRunner {

    private static final Duration DEADLINE = Duration.ofMinutes(10);

    private final NewswireConfig config;
    private final Enrichment enrichment;
    private int runs;

    /** @param config pointing at a running broker */
    public BrokerRunner(NewswireConfig config, Enrichment enrichment) {
        this.config = config;
        this.enrichment = enrichment;
    }

    @Override
    public List<Decision> decide(List<Article> articles) throws Exception {
        Path state = Files.createTempDirectory("newswire-eval-state-");
        NewswireConfig run = config.isolated("eval" + (++runs) + "-" + System.currentTimeMillis()).withStateDir(state);
        try {
            io.newswire.app.TopicAdmin.ensureTopics(run);
            try (ArticlePublisher publisher = new ArticlePublisher(run.clientProperties(), run.topics())) {
                List<CompletableFuture<?>> sends = new ArrayList<>();
                for (Article a : articles) {
                    sends.add(publisher.publish(a));
                }
                for (CompletableFuture<?> s : sends) {
                    s.get();
                }
            }
            return decisions(run, articles.size());
        } finally {
            io.newswire.app.Folders.deleteRecursively(state);
        }
    }

    private List<Decision> decisions(NewswireConfig run, int count) throws Exception {
        Properties props = run.clientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, run.applicationId() + "-reader");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // By id, in first-decided order: a redelivered article's second decision repeats its first.
        Map<String, Decision> decided = new LinkedHashMap<>();
        try (ProcessorsApp processors = new ProcessorsApp(run, enrichment);
             KafkaConsumer<String, Decision> reader = new KafkaConsumer<>(props, new StringDeserializer(),
                     run.topics().decisions().valueSerde().deserializer())) {
            reader.subscribe(List.of(run.topics().decisions().name()));
            processors.start();
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (decided.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, Decision> r : reader.poll(Duration.ofMillis(200))) {
                    decided.putIfAbsent(r.value().articleId(), r.value());
                }
            }
        }
        if (decided.size() < count) {
            throw new IllegalStateException("the processors decided " + decided.size() + " of " + count
                    + " articles within " + DEADLINE.toMinutes() + " minutes");
        }
        return new ArrayList<>(decided.values());
    }
}
