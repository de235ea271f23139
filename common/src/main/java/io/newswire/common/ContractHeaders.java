package io.newswire.common;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The headers every record on a newswire topic carries, so typed consumers and schema-based connectors
 * know what a value is without reading it: its content type, the schema it keeps
 * ({@code schemas/<topic>.schema.json}) and that schema's version; and, for records about one article, the
 * article's source and format and a W3C {@code traceparent} minted at ingest and carried through.
 */
public final class ContractHeaders {

    public static final String CONTENT_TYPE = "content-type";
    public static final String SCHEMA = "newswire.schema";
    public static final String SCHEMA_VERSION = "newswire.schema.version";
    public static final String SOURCE = "newswire.source";
    public static final String FORMAT = "newswire.format";
    public static final String TRACEPARENT = "traceparent";
    /** The version of every topic's schema; a change of a record's shape bumps it. */
    public static final int VERSION = 1;

    private ContractHeaders() {
    }

    /** Replaces the contract headers with the given topic's; keeps source, format and traceparent if asked. */
    public static void stamp(Headers headers, String schema, boolean aboutOneArticle) {
        headers.remove(CONTENT_TYPE);
        headers.remove(SCHEMA);
        headers.remove(SCHEMA_VERSION);
        if (!aboutOneArticle) {
            headers.remove(SOURCE);
            headers.remove(FORMAT);
            headers.remove(TRACEPARENT);
        }
        headers.add(CONTENT_TYPE, bytes("application/json"));
        headers.add(SCHEMA, bytes(schema));
        headers.add(SCHEMA_VERSION, bytes(Integer.toString(VERSION)));
    }

    /** A new W3C trace context: version 00, a random trace id and parent id, sampled. */
    public static String newTraceparent() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("00-%016x%016x-%016x-01", random.nextLong() | 1, random.nextLong(), random.nextLong() | 1);
    }

    /** A header's value as text, or null. */
    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static byte[] bytes(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }
}
