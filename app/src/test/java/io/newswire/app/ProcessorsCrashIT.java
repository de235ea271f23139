package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import io.newswire.common.Article;
import io.newswire.common.NewswireConfig;
import io.newswire.ingest.ArticlePublisher;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once under crashes: the processors run in a child JVM that is killed with SIGKILL five times
 * mid-stream and restarted on the same state folder; afterwards every input article is on news.enriched
 * exactly once (read_committed), and so is its decision.
 */
class ProcessorsCrashIT {

    static final int ARTICLES = 1_500;
    static final int KILLS = 5;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a hang fails the build instead of stalling it
    void shouldWriteEveryArticleExactlyOnceThroughFiveKills() throws Exception {
        try (EmbeddedKafka broker = EmbeddedKafka.start(Optional.of(dir.resolve("kafka")))) {
            NewswireConfig config = NewswireConfig.defaults().withBootstrapServers(broker.bootstrapServers());
            TopicAdmin.ensureTopics(config);
            List<String> ids = publish(config);
            Path state = Files.createDirectories(dir.resolve("state"));
            try (CommittedCounter enriched = new CommittedCounter(config, config.topics().enriched().name());
                 CommittedCounter decisions = new CommittedCounter(config, config.topics().decisions().name())) {
                for (int kill = 1; kill <= KILLS; kill++) {
                    Process child = startChild(config, state);
                    long target = (long) ARTICLES * kill / (KILLS + 2);
                    boolean progressed = enriched.awaitAtLeast(target, Duration.ofSeconds(90));
                    child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close, transactions left open
                    child.waitFor();
                    assertThat(progressed).as("progress before kill %d (%d of %d)", kill, enriched.count(), target)
                            .isTrue();
                    assertThat(enriched.count()).as("not finished before kill %d", kill).isLessThan(ARTICLES);
                }
                Process last = startChild(config, state);
                try {
                    enriched.awaitAtLeast(ARTICLES, Duration.ofSeconds(120));
                    decisions.awaitAtLeast(ARTICLES, Duration.ofSeconds(30));
                    Thread.sleep(3_000); // a duplicate would arrive after the last original
                    enriched.poll();
                    decisions.poll();
                } finally {
                    last.destroy();
                    last.waitFor();
                }
                assertThat(enriched.perKey().keySet()).containsExactlyInAnyOrderElementsOf(ids);
                assertThat(enriched.perKey().values()).as("each article once").containsOnly(1);
                assertThat(decisions.perKey().values()).as("each decision once").containsOnly(1);
                assertThat(enriched.perRevision().values()).as("each revision once").allMatch(n -> n == 1);
                assertThat(enriched.count()).isEqualTo(ARTICLES);
            }
        }
    }

    private Process startChild(NewswireConfig config, Path state) throws Exception {
        Path log = dir.resolve("child.log");
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), ProcessorsChild.class.getName(),
                config.bootstrapServers().orElseThrow(), state.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Distinct articles of real-looking text (seeded), published once through the idempotent producer. */
    private static List<String> publish(NewswireConfig config) throws Exception {
        List<String> words = List.of(Files.readString(RunIT.SEEDS.resolve("002_74145aa1be8ea05e.txt"))
                .split("\\s+"));
        Random random = new Random(11);
        List<String> ids = new ArrayList<>();
        List<CompletableFuture<?>> acks = new ArrayList<>();
        try (ArticlePublisher publisher = new ArticlePublisher(config.clientProperties(), config.topics())) {
            for (int i = 0; i < ARTICLES; i++) {
                StringBuilder body = new StringBuilder("Report " + i + ".");
                for (int w = 0; w < 150; w++) {
                    body.append(' ').append(words.get(random.nextInt(words.size())));
                }
                String id = "crash-" + i;
                ids.add(id);
                acks.add(publisher.publish(Article.ingested(id, 1, "wire", "text", null, "Headline " + i,
                        List.of(body.toString()), null, "en", null, Instant.now())));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get();
        }
        return ids;
    }

    /**
     * Reads a topic read_committed from the beginning, counting first records (revision 0, or none) per key;
     * revisions (a story merge or split publishing an article again) are counted per key and revision apart.
     */
    static final class CommittedCounter implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final Map<String, Integer> perKey = new HashMap<>();
        private final Map<String, Integer> perRevision = new HashMap<>();
        private long count;

        CommittedCounter(NewswireConfig config, String topic) {
            Properties props = config.clientProperties();
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        void poll() {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                int revision = revisionOf(r.value());
                if (revision > 0) {
                    perRevision.merge(r.key() + "@r" + revision, 1, Integer::sum);
                    continue;
                }
                perKey.merge(r.key(), 1, Integer::sum);
                count++;
            }
        }

        boolean awaitAtLeast(long target, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (count < target && System.nanoTime() < deadline) {
                poll();
            }
            return count >= target;
        }

        long count() {
            return count;
        }

        Map<String, Integer> perKey() {
            return perKey;
        }

        /** Each revision of a key, by key and revision number: each should come once. */
        Map<String, Integer> perRevision() {
            return perRevision;
        }

        private static int revisionOf(byte[] value) {
            if (value == null) {
                return 0;
            }
            try {
                return io.newswire.common.Json.MAPPER.readTree(value).path("revision").asInt(0);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
