package io.newswire.processors.state;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Which input record an article came from, as {@code partition@offset}: the same again only when the same
 * record is processed again (at-least-once), so a step can tell a reprocessing from another arrival of the
 * same id. A step that forwards a record later than it received it (from a punctuation, or with the next
 * record) puts the position it received in {@value #HEADER}, because the record context there is another
 * record's or none ({@code -1}); the step that reads it takes it off again, and no output carries it.
 */
public final class Arrival {

    public static final String HEADER = "newswire.arrival";

    private Arrival() {
    }

    /** The position of the record being processed, if it came from a topic (not from a punctuation). */
    public static Optional<String> current(Optional<RecordMetadata> metadata) {
        return metadata.filter(m -> m.offset() >= 0).map(m -> m.partition() + "@" + m.offset());
    }

    /** The position a step recorded on the record, else the current record's; empty when neither is known. */
    public static Optional<String> of(Headers headers, Optional<RecordMetadata> metadata) {
        Header carried = headers.lastHeader(HEADER);
        return carried != null ? Optional.of(new String(carried.value(), StandardCharsets.UTF_8)) : current(metadata);
    }

    /** The headers without the arrival mark: a copy when they carry one, else the same headers. */
    public static Headers without(Headers headers) {
        if (headers.lastHeader(HEADER) == null) {
            return headers;
        }
        Headers out = new RecordHeaders(headers.toArray());
        out.remove(HEADER);
        return out;
    }
}
