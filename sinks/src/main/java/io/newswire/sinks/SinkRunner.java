package io.newswire.sinks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.Article;
import io.newswire.common.Json;
import io.newswire.common.NewswireConfig;
import io.newswire.common.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the enriched, dead-letter and stories topics (read_committed: only what the processors'
 * transactions committed) and writes each to its own JSON Lines file under the output folder (for
 * stories, one line per state: the last line of an id is its current state). Offsets are committed
 * only after the files are flushed to disk, so a crash re-delivers and the idempotent sink skips repeats.
 *
 * <p>{@link #run()} blocks on the calling thread until {@link #stop()} is called from another.
 */
public final class SinkRunner implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SinkRunner.class);

    /** Records handled so far (written now or found already written). */
    public record Stats(long enriched, long duplicates, long deadLetters, long stories, long unreadable) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, RecordSink> sinkByTopic = new LinkedHashMap<>();
    private final RecordSink ninjs;
    private final Topics topics;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong enriched = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private final AtomicLong stories = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();

    public SinkRunner(NewswireConfig config) throws IOException {
        this.topics = config.topics();
        Properties props = config.clientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.sinkGroupId());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newswire-sink");
        for (String topic : sinkTopics(topics)) {
            sinkByTopic.put(topic, new JsonLinesFileSink(outputFile(config, topic)));
        }
        this.ninjs = new JsonLinesFileSink(ninjsFile(config));
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The files this sink writes, one per topic. */
    public static List<Path> outputFiles(NewswireConfig config) {
        List<Path> files = new java.util.ArrayList<>(sinkTopics(config.topics()).stream()
                .map(t -> outputFile(config, t)).toList());
        files.add(ninjsFile(config));
        return files;
    }

    /** The enriched articles again, as IPTC ninjs 2.1 documents ({@link NinjsExport}). */
    private static Path ninjsFile(NewswireConfig config) {
        return config.outDir().resolve(config.topics().enriched().name() + ".ninjs.jsonl");
    }

    private static List<String> sinkTopics(Topics topics) {
        return List.of(topics.enriched().name(), topics.dlq().name(), topics.stories().name());
    }

    private static Path outputFile(NewswireConfig config, String topic) {
        return config.outDir().resolve(topic + ".jsonl");
    }

    @Override
    public void run() {
        consumer.subscribe(sinkByTopic.keySet());
        try {
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    continue;
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    handle(record);
                }
                for (RecordSink sink : sinkByTopic.values()) {
                    sink.flush();
                }
                ninjs.flush();
                consumer.commitSync();
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("file sink failed; offsets not committed, records will be re-read", e);
        } finally {
            closeQuietly();
        }
    }

    public Stats stats() {
        return new Stats(enriched.get(), duplicates.get(), deadLetters.get(), stories.get(), unreadable.get());
    }

    public void stop() {
        running.set(false);
        consumer.wakeup();
    }

    @Override
    public void close() {
        stop();
    }

    private void handle(ConsumerRecord<String, byte[]> record) throws IOException {
        if (record.value() == null) {
            return; // tombstones carry no document to write
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(record.value());
        } catch (IOException e) {
            unreadable.incrementAndGet();
            LOG.warn("skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        sinkByTopic.get(record.topic()).write(new SinkRecord(record.topic(), SinkRecord.identityOf(json), json));
        if (record.topic().equals(topics.dlq().name())) {
            deadLetters.incrementAndGet();
        } else if (record.topic().equals(topics.stories().name())) {
            stories.incrementAndGet();
        } else {
            ninjs.write(new SinkRecord(record.topic(), SinkRecord.identityOf(json),
                    NinjsExport.toNinjs(Json.MAPPER.treeToValue(json, Article.class))));
            enriched.incrementAndGet();
            if (!json.path("duplicate_of").isNull() && !json.path("duplicate_of").isMissingNode()) {
                duplicates.incrementAndGet();
            }
        }
    }

    private void closeQuietly() {
        List<RecordSink> all = new java.util.ArrayList<>(sinkByTopic.values());
        all.add(ninjs);
        for (RecordSink sink : all) {
            try {
                sink.close();
            } catch (IOException e) {
                LOG.warn("could not close sink: {}", e.getMessage());
            }
        }
        consumer.close();
    }
}
