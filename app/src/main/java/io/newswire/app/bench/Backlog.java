package io.newswire.app.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import io.newswire.common.NewswireConfig;
import io.newswire.processors.ProcessorsApp;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;

/** The processors run over a backlog, and reading their output until it has come through, for the benchmarks. */
final class Backlog {

    private Backlog() {
    }

    /** The processors' Streams settings under an application id and state folder of the run's own. */
    static Properties streamsProperties(NewswireConfig config, String name, Path state) {
        Properties props = ProcessorsApp.streamsProperties(config);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, name + "-" + System.nanoTime());
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        return props;
    }

    /** A read_committed consumer of news.enriched from its beginning, in a group of its own. */
    static KafkaConsumer<String, byte[]> enrichedReader(NewswireConfig config, String name) {
        Properties props = config.clientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, name + "-reader-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer());
        reader.subscribe(List.of(config.topics().enriched().name()));
        return reader;
    }

    /**
     * Reads until {@code count} first records (revision 0: a revision re-emits an article already counted) have
     * arrived or ten minutes passed.
     *
     * @return articles per second from {@code started} (System.nanoTime) to the last of them
     */
    static double drain(KafkaConsumer<String, byte[]> reader, int count, long started) {
        int seen = 0;
        long last = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (seen < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(100))) {
                if (r.value() == null || !isRevision(r.value())) {
                    seen++;
                    last = System.nanoTime();
                }
            }
        }
        return seen / ((last - started) / 1e9);
    }

    /** Whether an article record is a revision, without parsing the article. */
    private static boolean isRevision(byte[] json) {
        String text = new String(json, java.nio.charset.StandardCharsets.UTF_8);
        int at = text.lastIndexOf("\"revision\":");
        return at >= 0 && text.charAt(at + "\"revision\":".length()) != '0';
    }
}
