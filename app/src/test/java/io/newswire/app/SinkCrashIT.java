package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import io.newswire.common.Article;
import io.newswire.common.NewswireConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sinks (files + PostgreSQL) in a child JVM killed with SIGKILL three times mid-stream: afterwards the
 * database holds every article once and the files hold one line per article (a torn last line is cut and
 * rewritten). Needs the PostgreSQL server {@code .ci/run} starts ({@link PostgresSchema}); skipped without one.
 */
class SinkCrashIT {

    static final int ARTICLES = 4_000;
    static final int KILLS = 3;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a hang fails the build instead of stalling it
    void shouldLoseNothingAndDuplicateNothingThroughThreeKills() throws Exception {
        PostgresSchema db = PostgresSchema.fresh("crash_");
        try (EmbeddedKafka broker = EmbeddedKafka.start(Optional.empty())) {
            NewswireConfig config = NewswireConfig.defaults().withBootstrapServers(broker.bootstrapServers());
            TopicAdmin.ensureTopics(config);
            publishEnriched(config);
            Path out = dir.resolve("out");
            for (int kill = 1; kill <= KILLS; kill++) {
                Process child = startChild(config, out, db);
                long target = (long) ARTICLES * kill / (KILLS + 2);
                boolean progressed = awaitRows(db, target, Duration.ofSeconds(60));
                child.destroyForcibly();
                child.waitFor();
                long rows = db.count("SELECT count(*) FROM articles");
                assertThat(progressed).as("progress before kill %d", kill).isTrue();
                assertThat(rows).as("not finished before kill %d", kill).isLessThan(ARTICLES);
            }
            Process last = startChild(config, out, db);
            try {
                assertThat(awaitRows(db, ARTICLES, Duration.ofSeconds(90))).isTrue();
                Thread.sleep(2_000);
            } finally {
                last.destroy();
                last.waitFor();
            }
            assertThat(db.count("SELECT count(*) FROM articles")).isEqualTo(ARTICLES);
            List<JsonNode> lines = RunIT.lines(out.resolve(config.topics().enriched().name()));
            Set<String> identities = new HashSet<>();
            lines.forEach(l -> identities.add(l.path("id").asText() + "@" + l.path("version").asInt()));
            assertThat(identities).hasSize(ARTICLES);
            assertThat(lines).as("one line per article in the files").hasSize(ARTICLES);
        }
    }

    private Process startChild(NewswireConfig config, Path out, PostgresSchema db) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), SinkChild.class.getName(),
                config.bootstrapServers().orElseThrow(), out.toString(), db.url());
        builder.environment().put("NEWSWIRE_SINK_JDBC_USER", db.user());
        builder.environment().put("NEWSWIRE_SINK_JDBC_PASSWORD", db.password());
        return builder.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("sink-child.log").toFile())).start();
    }

    private static void publishEnriched(NewswireConfig config) throws Exception {
        List<CompletableFuture<?>> acks = new ArrayList<>();
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(config.clientProperties(),
                config.topics().enriched().keySerde().serializer(), config.topics().enriched().valueSerde().serializer())) {
            for (int i = 0; i < ARTICLES; i++) {
                String id = "sink-crash-" + i;
                Article a = Article.ingested(id, 1, "wire", "text", null, "Headline " + i,
                        List.of("Officials met in Cairo on day " + i + ".", "Talks go on."), null, "en", null,
                        Instant.parse("2026-11-22T09:00:00Z")).withLinks(null, id);
                CompletableFuture<Void> ack = new CompletableFuture<>();
                producer.send(new ProducerRecord<>(config.topics().enriched().name(), id, a), (m, e) -> {
                    if (e == null) {
                        ack.complete(null);
                    } else {
                        ack.completeExceptionally(e);
                    }
                });
                acks.add(ack);
            }
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get();
    }

    private static boolean awaitRows(PostgresSchema db, long target, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (db.count("SELECT count(*) FROM articles") >= target) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
