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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import io.newswire.app.bench.BenchCorpus;
import io.newswire.common.Article;
import io.newswire.common.Decision;
import io.newswire.common.NewswireConfig;
import io.newswire.ingest.ArticlePublisher;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processors instances of one application on one host, in JVMs of their own with the default state
 * directory and an enrich worker each, share 6 partitions; one is killed with SIGKILL mid-stream and started
 * again. Every article and every decision is on its topic exactly once (read_committed), every story id names
 * an article of that story, and the killed instance's state folder is removed by the next start.
 */
class MultiInstanceIT {

    static final int ARTICLES = 900;
    static final String PARTITIONS = "6";
    /** Articles at an enrich worker when the kill comes must be enriched again by the task's next owner. */
    static final String ENRICH_WORKERS = "1";
    /** Decisions have settled when none has come for this long. */
    static final Duration SETTLE = Duration.ofSeconds(8);

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void shouldShareSixPartitionsBetweenTwoInstancesThroughAKill() throws Exception {
        try (EmbeddedKafka broker = EmbeddedKafka.start(Optional.of(dir.resolve("kafka")))) {
            NewswireConfig config = NewswireConfig.defaults().withBootstrapServers(broker.bootstrapServers())
                    .with(NewswireConfig.PARTITIONS, PARTITIONS);
            TopicAdmin.ensureTopics(config);
            List<String> ids = publish(config);
            Process a = start(config, "a");
            Process b = start(config, "b");
            Process again = null;
            try (ProcessorsCrashIT.CommittedCounter enriched = new ProcessorsCrashIT.CommittedCounter(config,
                    config.topics().enriched().name())) {
                assertThat(enriched.awaitAtLeast(ARTICLES / 3, Duration.ofSeconds(120)))
                        .as("both instances made progress (%d)", enriched.count()).isTrue();
                long killed = a.pid();
                a.destroyForcibly();
                a.waitFor();
                assertThat(enriched.count()).as("killed mid-stream").isLessThan(ARTICLES);
                again = start(config, "a-again");
                assertThat(enriched.awaitAtLeast(ARTICLES, Duration.ofSeconds(180)))
                        .as("every article (%d of %d)", enriched.count(), ARTICLES).isTrue();
                Thread.sleep(3_000); // a duplicate would arrive after the last original
                enriched.poll();
                assertThat(enriched.perKey().keySet()).containsExactlyInAnyOrderElementsOf(ids);
                assertThat(enriched.perKey().values()).as("each article once").containsOnly(1);
                assertThat(enriched.perRevision().values()).as("each revision once").allMatch(n -> n == 1);

                Map<String, Decision> decisions = readDecisions(config);
                assertThat(decisions).hasSize(ARTICLES);
                assertThat(decisions.values()).allSatisfy(d -> assertThat(decisions.get(d.storyId()).storyId())
                        .as("story of %s's founder %s", d.articleId(), d.storyId()).isEqualTo(d.storyId()));

                Folders.sweepLeftovers();
                try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                    assertThat(tmp.map(p -> p.getFileName().toString()))
                            .as("the killed instance's state folder").noneMatch(n -> n.startsWith("newswire-streams-" + killed + "-"));
                }
            } finally {
                for (Process p : new Process[] {a, b, again}) {
                    if (p != null) {
                        p.destroy();
                        p.waitFor(30, TimeUnit.SECONDS);
                    }
                }
            }
        }
    }

    private Process start(NewswireConfig config, String name) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), ProcessorsChild.class.getName(),
                config.bootstrapServers().orElseThrow(), "", PARTITIONS, ENRICH_WORKERS)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("child-" + name + ".log").toFile())).start();
    }

    /** The dedup corpus: real paragraphs, 1 in 10 an exact copy of a recent article, 1 in 10 an edited one. */
    private static List<String> publish(NewswireConfig config) throws Exception {
        BenchCorpus corpus = new BenchCorpus(BenchCommand.corpus(List.of(RunIT.SEEDS), 0), Instant.now(),
                Duration.ofMillis(1));
        List<String> ids = new ArrayList<>();
        List<CompletableFuture<?>> acks = new ArrayList<>();
        try (ArticlePublisher publisher = new ArticlePublisher(config.clientProperties(), config.topics())) {
            for (int i = 0; i < ARTICLES; i++) {
                Article article = corpus.next();
                ids.add(article.id());
                acks.add(publisher.publish(article));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get();
        }
        return ids;
    }

    private static Map<String, Decision> readDecisions(NewswireConfig config) {
        Properties props = config.clientProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // The latest decision of each article (its highest revision), each revision read once.
        Map<String, Decision> out = new HashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        String topic = config.topics().decisions().name();
        try (KafkaConsumer<String, Decision> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                config.topics().decisions().valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            // Revisions (merges, renames) follow the first decisions through the story step's own topic: the
            // final state is there once none has come for a while, as eval's BrokerRunner waits for it.
            long quietSince = System.nanoTime();
            while ((out.size() < ARTICLES || partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    || System.nanoTime() - quietSince < SETTLE.toNanos()) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, Decision> r : consumer.poll(Duration.ofMillis(200))) {
                    quietSince = System.nanoTime();
                    assertThat(seen.add(r.key() + "@r" + r.value().revision())).as("decision of %s once", r.key())
                            .isTrue();
                    out.merge(r.key(), r.value(), (a, b) -> b.revision() >= a.revision() ? b : a);
                }
            }
        }
        return out;
    }
}
