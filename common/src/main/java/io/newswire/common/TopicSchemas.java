package io.newswire.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON Schema (draft 2020-12) each topic's records keep, as shipped in this jar from the repository's
 * {@code schemas/} folder. A topic is named here without the configured prefix ({@code news.enriched}); the
 * internal loop topic {@code news.story-moves} has none.
 */
public final class TopicSchemas {

    private TopicSchemas() {
    }

    /** The schema text of a topic by its unprefixed name, or null when the topic has no contract. */
    public static String of(String unprefixedTopic) {
        try (InputStream in = TopicSchemas.class.getResourceAsStream("schemas/" + unprefixedTopic + ".schema.json")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schema of " + unprefixedTopic, e);
        }
    }

    /** Each topic of the catalogue that has a contract, by its full (prefixed) name, with its schema text. */
    public static Map<String, String> byTopic(Topics topics, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Topic<String, ?> topic : topics.all()) {
            String schema = of(topic.name().substring(prefix.length()));
            if (schema != null) {
                out.put(topic.name(), schema);
            }
        }
        return out;
    }
}
