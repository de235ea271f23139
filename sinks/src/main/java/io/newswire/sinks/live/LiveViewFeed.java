package io.newswire.sinks.live;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import io.newswire.common.NewswireConfig;
import io.newswire.sinks.SinkRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a {@link LiveView} from the output topics with a consumer of its own: no consumer group, every
 * partition read from the beginning (read_committed), so each dashboard instance rebuilds the whole view
 * at start, independently of what the sinks have committed. {@link #run()} blocks until {@link #stop()}.
 */
public final class LiveViewFeed implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveViewFeed.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final LiveView view;
    private final io.newswire.sinks.search.SearchIndex search;
    private final Map<String, SinkRecord.Kind> kindByTopic;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean caughtUp = new AtomicBoolean(false);

    public LiveViewFeed(NewswireConfig config, LiveView view) {
        this(config, view, null);
    }

    /** @param search also fed every enriched article and kill, or null */
    public LiveViewFeed(NewswireConfig config, LiveView view, io.newswire.sinks.search.SearchIndex search) {
        this.view = view;
        this.search = search;
        this.kindByTopic = SinkRecord.kindsByTopic(config.topics());
        Properties props = config.clientProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newswire-live-view");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** True once the feed has read up to the end offsets it found at start: the view is complete. */
    public boolean caughtUp() {
        return caughtUp.get();
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : kindByTopic.keySet()) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(record);
                }
                if (!caughtUp.get() && ends.entrySet().stream()
                        .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    caughtUp.set(true);
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } finally {
            consumer.close();
        }
    }

    public void stop() {
        running.set(false);
        consumer.wakeup();
    }

    @Override
    public void close() {
        stop();
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        try {
            SinkRecord read = SinkRecord.read(kindByTopic.get(record.topic()), record.key(), record.value());
            view.apply(read);
            if (search != null) {
                search.apply(read);
            }
        } catch (IOException e) {
            LOG.debug("live view skips unreadable record {}-{}@{}", record.topic(), record.partition(), record.offset());
        }
    }
}
