package io.newswire.sinks;

import com.fasterxml.jackson.databind.JsonNode;

/** One JSON record read from a topic; {@code identity} is what idempotent writes key on. */
public record SinkRecord(String topic, String identity, JsonNode json) {

    /**
     * Identity of any of the pipeline's records: its id and its version where it has one; for a story,
     * which changes state without a version, its id and a hash of that state.
     */
    public static String identityOf(JsonNode json) {
        JsonNode version = json.get("version");
        if (version == null && json.has("member_ids")) {
            return json.path("id").asText() + "#" + io.newswire.common.Hashing.sha256Hex(json.toString()).substring(0, 16);
        }
        return json.path("id").asText() + (version == null ? "" : "@" + version.asInt());
    }
}
