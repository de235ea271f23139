package io.newswire.sinks.live;

import java.util.Locale;
import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.Decision;

/**
 * A decision record from {@code news.decisions} said in words for an editor: why an article is a copy,
 * why it joined a story, why it started one, why it moved. The figures are the record's own score and
 * threshold, so what the page says is what the pipeline compared.
 */
final class Why {

    private Why() {
    }

    /** The first decision of an article's version (revision 0). */
    static String decided(JsonNode d) {
        String matched = d.path("matched_id").asText("");
        String method = d.path("method").asText("");
        return switch (d.path("decision").asText("")) {
            case "EXACT_DUPLICATE" -> "exact copy of " + matched + " (" + method + ")";
            case "NEAR_DUPLICATE" -> "near copy of " + matched + ": estimated Jaccard " + compared(d) + " (" + method
                    + ")";
            case "SAME_STORY" -> "joined the story of " + matched + ": story score " + compared(d) + " (" + method + ")";
            case "NEW" -> d.path("score").asDouble(0) > 0
                    ? "started a story: its best story score " + compared(d) + " (" + method + ")"
                    : "started a story: no earlier article shares its words";
            case "UPDATE" -> "a newer version of an article already decided";
            case "KILL" -> "killed by its source";
            case "STALE" -> "an older version that arrived late; kept out of the output";
            default -> d.path("decision").asText("unknown");
        };
    }

    /** A revision: the article moved to another story after its first decision. */
    static String moved(JsonNode d) {
        String method = d.path("method").asText("");
        String what = switch (method) {
            case Decision.METHOD_STORY_MERGE -> "its story merged into " + d.path("story_id").asText();
            case Decision.METHOD_STORY_SPLIT -> "split off into " + d.path("story_id").asText();
            case Decision.METHOD_STORY_RENAME -> "its story was renamed to " + d.path("story_id").asText();
            case Decision.METHOD_ENTITY_RESPELL -> "an entity was respelled as most articles spell it";
            default -> "moved to " + d.path("story_id").asText();
        };
        if (method.equals(Decision.METHOD_ENTITY_RESPELL)) {
            return what + " (revision " + d.path("revision").asInt() + ")";
        }
        return what + " (revision " + d.path("revision").asInt() + ", average link " + compared(d) + ")";
    }

    /** "0.82 ≥ 0.25" or "0.12 < 0.24". */
    private static String compared(JsonNode d) {
        double score = d.path("score").asDouble();
        double threshold = d.path("threshold").asDouble();
        return String.format(Locale.ROOT, "%.2f %s %.2f", score, score >= threshold ? "≥" : "<", threshold);
    }
}
