package io.newswire.sinks;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.newswire.common.DeadLetter;
import io.newswire.common.NewswireConfig;
import io.newswire.common.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the output topics (enriched articles, stories, decisions, dead letters; read_committed: only
 * what the processors' transactions committed) and hands every batch to each configured sink in turn.
 *
 * <p>Delivery: a batch's offsets are committed only after every sink flushed it durably and every
 * record a sink refused for good ({@link PermanentWriteException}) is acknowledged on the dead-letter
 * topic with the reason, so a crash re-delivers and the idempotent sinks skip what they already hold.
 * Any other failure is retried with doubling backoff (100 ms up to 30 s) for {@code sink.retry.attempts}
 * tries; after that the runner stops with the error and nothing of the batch is committed.
 *
 * <p>{@link #run()} blocks on the calling thread until {@link #stop()} is called from another.
 */
public final class SinkRunner implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SinkRunner.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** Records handled so far (written now or found already written). */
    public record Stats(long enriched, long kills, long stale, long duplicates, long deadLetters, long stories,
                        long unreadable, long revisions) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, DeadLetter> deadLetters;
    private final KafkaClientMetrics consumerMetrics;
    private final Map<String, SinkRecord.Kind> kindByTopic;
    private final List<RecordSink> sinks;
    private final SinkMetrics metrics;
    private final Topics topics;
    private final int retryAttempts;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong unreadable = new AtomicLong();

    /**
     * @param sinks the sinks to feed, in order; the runner closes them
     */
    public SinkRunner(NewswireConfig config, List<RecordSink> sinks, SinkMetrics metrics, Clock clock) {
        this.topics = config.topics();
        this.sinks = List.copyOf(sinks);
        this.metrics = metrics;
        metrics.sinks(sinks.stream().map(RecordSink::name).toList());
        this.clock = clock;
        SinkSettings settings = SinkSettings.from(config);
        this.retryAttempts = settings.retryAttempts();
        this.kindByTopic = SinkRecord.kindsByTopic(topics);
        Properties props = config.clientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newswire-sink");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.consumerMetrics = new KafkaClientMetrics(consumer);
        consumerMetrics.bindTo(metrics.registry());
        Properties producerProps = config.clientProperties();
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producerProps.put(ProducerConfig.CLIENT_ID_CONFIG, "newswire-sink-dlq");
        this.deadLetters = new KafkaProducer<>(producerProps, topics.dlq().keySerde().serializer(),
                topics.dlq().valueSerde().serializer());
    }

    @Override
    public void run() {
        consumer.subscribe(kindByTopic.keySet());
        try {
            while (running.get()) {
                ConsumerRecords<String, byte[]> polled = consumer.poll(Duration.ofMillis(200));
                if (polled.isEmpty()) {
                    continue;
                }
                List<Received> batch = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : polled) {
                    Received received = read(record);
                    if (received != null) {
                        batch.add(received);
                    }
                }
                Map<String, DeadLetter> refused = new LinkedHashMap<>();
                for (RecordSink sink : sinks) {
                    deliver(sink, batch, refused);
                }
                for (DeadLetter letter : refused.values()) {
                    deadLetters.send(new ProducerRecord<>(topics.dlq().name(), letter.key(), letter)).get();
                }
                consumer.commitSync();
                batch.forEach(received -> metrics.consumed(received.record()));
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not dead-letter a refused record; offsets not committed",
                    e.getCause());
        } finally {
            closeQuietly();
        }
    }

    public Stats stats() {
        return new Stats(metrics.articles(), metrics.kills(), metrics.stale(), metrics.duplicates(), metrics.deadLetters(), metrics.stories(),
                unreadable.get(), metrics.revisions());
    }

    public void stop() {
        running.set(false);
        consumer.wakeup();
    }

    @Override
    public void close() {
        stop();
    }

    /** A consumed record and where it came from (for dead letters). */
    private record Received(SinkRecord record, String origin, byte[] payload) {
    }

    private Received read(ConsumerRecord<String, byte[]> record) {
        String origin = record.topic() + "-" + record.partition() + "@" + record.offset();
        try {
            return new Received(SinkRecord.read(kindByTopic.get(record.topic()), record.key(), record.value()),
                    origin, record.value());
        } catch (java.io.IOException e) {
            unreadable.incrementAndGet();
            LOG.warn("skipping unreadable record {}: {}", origin, e.getMessage());
            return null;
        }
    }

    private void deliver(RecordSink sink, List<Received> batch, Map<String, DeadLetter> refused)
            throws InterruptedException {
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            try {
                List<String> results = new ArrayList<>(batch.size());
                for (Received received : batch) {
                    try {
                        results.add(sink.write(received.record()) ? "written" : "skipped");
                    } catch (PermanentWriteException e) {
                        results.add("dead_lettered");
                        refuse(sink, received, e.getMessage(), refused);
                    }
                }
                sink.flush();
                results.forEach(result -> metrics.write(sink.name(), result)); // the attempt that stuck
                return;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                if (attempt >= retryAttempts || !running.get()) {
                    throw new IllegalStateException("sink " + sink.name() + " failed " + attempt
                            + " times; stopping without committing the batch: " + e.getMessage(), e);
                }
                LOG.warn("sink {} failed (attempt {} of {}), retrying in {} ms: {}", sink.name(), attempt,
                        retryAttempts, backoff.toMillis(), e.toString());
                metrics.retry(sink.name());
                discardQuietly(sink);
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void refuse(RecordSink sink, Received received, String reason, Map<String, DeadLetter> refused) {
        if (received.record().kind() == SinkRecord.Kind.DEAD_LETTER) {
            // A dead letter refused again would come back to this sink forever: log it, the other sinks keep it.
            LOG.error("sink {} refused dead letter {}: {}", sink.name(), received.record().key(), reason);
            return;
        }
        DeadLetter letter = DeadLetter.of("sink:" + sink.name(), reason, received.origin(), received.record().key(),
                received.payload(), clock.instant());
        refused.put(letter.id(), letter);
    }

    private static void discardQuietly(RecordSink sink) {
        try {
            sink.discard();
        } catch (Exception e) {
            LOG.warn("sink {} could not discard its batch: {}", sink.name(), e.toString());
        }
    }

    private void closeQuietly() {
        for (RecordSink sink : sinks) {
            try {
                sink.close();
            } catch (Exception e) {
                LOG.warn("could not close sink {}: {}", sink.name(), e.toString());
            }
        }
        consumerMetrics.close();
        deadLetters.close(Duration.ofSeconds(10));
        consumer.close();
    }
}
