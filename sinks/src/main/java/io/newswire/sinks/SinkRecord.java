package io.newswire.sinks;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.Hashing;

/**
 * One record read from an output topic. {@code identity} is what idempotent writes key on. A
 * {@code json} of null is a tombstone: the article {@code key} was killed (pubstatus canceled).
 */
public record SinkRecord(Kind kind, String key, String identity, JsonNode json) {

    /** Which output topic a record came from; sinks switch on this, not on (prefixed) topic names. */
    public enum Kind { ARTICLE, STORY, DECISION, DEAD_LETTER }

    /** The output topics the sinks and the live view read, each with the kind of its records. */
    public static java.util.Map<String, Kind> kindsByTopic(io.newswire.common.Topics topics) {
        return java.util.Map.of(topics.enriched().name(), Kind.ARTICLE, topics.stories().name(), Kind.STORY,
                topics.decisions().name(), Kind.DECISION, topics.dlq().name(), Kind.DEAD_LETTER);
    }

    /**
     * A record as consumed: a null value is a tombstone.
     *
     * @throws java.io.IOException when the value is not JSON
     */
    public static SinkRecord read(Kind kind, String key, byte[] value) throws java.io.IOException {
        return of(kind, key, value == null ? null : io.newswire.common.Json.MAPPER.readTree(value));
    }

    public static SinkRecord of(Kind kind, String key, JsonNode json) {
        return new SinkRecord(kind, key, json == null ? key + "#killed" : identityOf(kind, json), json);
    }

    public boolean isTombstone() {
        return json == null;
    }

    /**
     * Which outcome of an id and version a decision is: {@code decided} (its first decision: new, an update,
     * a copy, a story), {@code kill} or {@code stale}. Sinks keep one decision per id, version and outcome, so
     * a redelivery or a second run adds nothing while a later kill is still kept.
     */
    public static String outcomeOf(String decision) {
        return switch (decision) {
            case "KILL" -> "kill";
            case "STALE" -> "stale";
            default -> "decided";
        };
    }

    /** A revision re-emits an id and version with a better answer: a record of its own ("r1", "r2"...). */
    static String revisionOf(JsonNode json) {
        int revision = json.path("revision").asInt(0);
        return revision > 0 ? "r" + revision : "";
    }

    /** Identity of an article or dead letter as the file sink finds it in a line it wrote. */
    public static String identityOf(JsonNode json) {
        if (json.has("member_ids")) {
            return identityOf(Kind.STORY, json);
        }
        if (json.has("article_id")) {
            return identityOf(Kind.DECISION, json);
        }
        return identityOf(Kind.ARTICLE, json);
    }

    /**
     * Identity of any of the pipeline's records: its id and its version where it has one; a decision, its
     * article's and its kind; a story, which changes state without a version, its id and a hash of that state.
     */
    static String identityOf(Kind kind, JsonNode json) {
        return switch (kind) {
            case STORY -> json.path("id").asText() + "#" + Hashing.sha256Hex(json.toString()).substring(0, 16);
            // A version is decided once, and may later be killed or found stale: each outcome is kept once.
            case DECISION -> json.path("article_id").asText() + "@" + json.path("version").asInt()
                    + revisionOf(json)
                    + (json.hasNonNull("decision") && !outcomeOf(json.get("decision").asText()).equals("decided")
                    ? "/" + outcomeOf(json.get("decision").asText()) : "");
            case ARTICLE, DEAD_LETTER -> {
                JsonNode version = json.get("version");
                yield json.path("id").asText() + (version == null ? "" : "@" + version.asInt()) + revisionOf(json);
            }
        };
    }
}
