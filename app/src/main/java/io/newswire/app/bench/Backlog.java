package io.newswire.app.bench;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Reading a topic until a backlog has come through it, for the benchmarks that time the processors. */
final class Backlog {

    private Backlog() {
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
