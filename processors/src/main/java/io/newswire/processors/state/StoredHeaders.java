package io.newswire.processors.state;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Record headers kept in a store beside a record (as text), so that what is emitted later from there carries
 * the headers the record arrived with (source, format, traceparent).
 */
public final class StoredHeaders {

    private StoredHeaders() {
    }

    public static Map<String, String> of(Headers headers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Header h : headers) {
            if (h.value() != null) {
                out.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    public static Headers toKafka(Map<String, String> headers) {
        RecordHeaders out = new RecordHeaders();
        headers.forEach((k, v) -> out.add(k, v.getBytes(StandardCharsets.UTF_8)));
        return out;
    }
}
