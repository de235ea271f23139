package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswire.common.Article;
import io.newswire.common.DeadLetter;
import io.newswire.common.NewswireConfig;
import io.newswire.sinks.PermanentWriteException;
import io.newswire.sinks.RecordSink;
import io.newswire.sinks.SinkMetrics;
import io.newswire.sinks.SinkRecord;
import io.newswire.sinks.SinkRunner;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sink runner's delivery contract on the embedded broker: a transient failure is retried until the
 * sink takes the whole batch, a record one sink refuses for good is dead-lettered with the reason (and
 * still reaches the other sinks), and a restarted runner resumes after the committed offsets.
 */
class SinkRunnerIT {

    static EmbeddedKafka broker;
    static NewswireConfig config;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafka.start(Optional.empty());
        config = NewswireConfig.defaults().withBootstrapServers(broker.bootstrapServers());
        TopicAdmin.ensureTopics(config);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    /** Fails the first {@code failures} flushes as a database outage would, then keeps what it was given. */
    static final class FlakySink implements RecordSink {
        final Set<String> kept = ConcurrentHashMap.newKeySet();
        final List<String> pending = new ArrayList<>();
        final AtomicInteger failuresLeft;

        FlakySink(int failures) {
            failuresLeft = new AtomicInteger(failures);
        }

        @Override
        public String name() {
            return "flaky";
        }

        @Override
        public boolean write(SinkRecord record) {
            return record.kind() == SinkRecord.Kind.ARTICLE && pending.add(record.key());
        }

        @Override
        public void flush() throws IOException {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IOException("connection reset");
            }
            kept.addAll(pending);
            pending.clear();
        }

        @Override
        public void discard() {
            pending.clear();
        }

        @Override
        public void close() {
        }
    }

    /** Refuses one article id for good, as a receiver answering 422 would. */
    static final class RefusingSink implements RecordSink {
        final Set<String> kept = ConcurrentHashMap.newKeySet();

        @Override
        public String name() {
            return "refusing";
        }

        @Override
        public boolean write(SinkRecord record) throws PermanentWriteException {
            if (record.kind() != SinkRecord.Kind.ARTICLE) {
                return false;
            }
            if (record.key().equals("bad")) {
                throw new PermanentWriteException("receiver answered 422: headline too long");
            }
            return kept.add(record.key());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    static Article article(String id) {
        return Article.ingested(id, 1, "wire", "text", null, "Headline " + id, List.of("Body of " + id), null,
                "en", null, java.time.Instant.parse("2026-11-22T09:00:00Z"));
    }

    @Test
    void shouldRetryTransientFailuresAndDeadLetterWhatASinkRefuses() throws Exception {
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(config.clientProperties(),
                config.topics().enriched().keySerde().serializer(), config.topics().enriched().valueSerde().serializer())) {
            for (String id : List.of("a1", "a2", "bad", "a3")) {
                producer.send(new ProducerRecord<>(config.topics().enriched().name(), id, article(id))).get();
            }
        }
        FlakySink flaky = new FlakySink(2);
        RefusingSink refusing = new RefusingSink();
        SinkMetrics metrics = new SinkMetrics(new SimpleMeterRegistry());
        SinkRunner runner = new SinkRunner(config, List.of(flaky, refusing), metrics, Clock.systemUTC());
        Thread thread = new Thread(runner, "sink-under-test");
        thread.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (flaky.kept.size() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(flaky.kept).containsExactlyInAnyOrder("a1", "a2", "bad", "a3");
            assertThat(refusing.kept).containsExactlyInAnyOrder("a1", "a2", "a3");
            assertThat(metrics.registry().get("newswire.sink.retries").tag("sink", "flaky").counter().count())
                    .isGreaterThanOrEqualTo(2);
        } finally {
            runner.stop();
            thread.join(30_000);
        }
        List<DeadLetter> letters = deadLetters();
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.stage()).isEqualTo("sink:refusing");
            assertThat(letter.reason()).contains("422");
            assertThat(letter.key()).isEqualTo("bad");
            assertThat(letter.payload()).contains("Headline bad");
        });

        // Restarted, the runner finds the batch committed: nothing is handed to the sinks again.
        FlakySink again = new FlakySink(0);
        SinkRunner restarted = new SinkRunner(config, List.of(again), new SinkMetrics(new SimpleMeterRegistry()),
                Clock.systemUTC());
        Thread second = new Thread(restarted, "sink-restarted");
        second.start();
        Thread.sleep(3_000);
        restarted.stop();
        second.join(30_000);
        assertThat(again.kept).isEmpty();
    }

    private static List<DeadLetter> deadLetters() {
        Properties props = config.clientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-check");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(props,
                config.topics().dlq().keySerde().deserializer(), config.topics().dlq().valueSerde().deserializer())) {
            consumer.subscribe(List.of(config.topics().dlq().name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (letters.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, DeadLetter> r : consumer.poll(Duration.ofMillis(500))) {
                    letters.add(r.value());
                }
            }
            for (ConsumerRecord<String, DeadLetter> r : consumer.poll(Duration.ofSeconds(1))) {
                letters.add(r.value());
            }
        }
        return letters;
    }
}
