package io.newswire.sinks;

import com.fasterxml.jackson.databind.JsonNode;

/** One JSON record read from a topic; {@code identity} is what idempotent writes key on. */
public record SinkRecord(String topic, String identity, JsonNode json) {

    /** Identity of any of the pipeline's records: its id, and its version where it has one. */
    public static String identityOf(JsonNode json) {
        JsonNode version = json.get("version");
        return json.path("id").asText() + (version == null ? "" : "@" + version.asInt());
    }
}
