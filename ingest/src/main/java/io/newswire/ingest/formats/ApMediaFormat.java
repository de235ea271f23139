package io.newswire.ingest.formats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.ItemMeta;
import io.newswire.common.Json;

/**
 * The Associated Press Media API's JSON: a feed or search response ({@code data.items[].item}) or one
 * item ({@code data.item}), told from ninjs by its {@code api_version}. An item's text is not in the
 * JSON but in a rendition the API serves separately (NITF or ANPA); a response that carries the NITF
 * inline ({@code nitf.body_html} beside {@code data}, as an ingest service that fetched it leaves it) is
 * read from there, otherwise a text item is reported as carrying no text in the file. Pictures, video
 * and audio are reported by kind. The id is the item id and version ({@code altids.itemid}), stable across
 * the signed, expiring {@code uri}s the API hands out.
 */
public final class ApMediaFormat implements ItemFormat {

    @Override
    public String name() {
        return "ap-media";
    }

    /** Whether a JSON document is an AP Media API response. */
    static boolean looksLike(String head) {
        return head.contains("\"api_version\"") && head.contains("\"data\"");
    }

    @Override
    public List<ParsedItem> parse(byte[] bytes) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new RejectedInputException("invalid JSON: " + e.getMessage());
        }
        JsonNode data = root == null ? null : root.get("data");
        if (data == null || !data.isObject()) {
            throw new RejectedInputException("not an AP Media API response: no \"data\" object");
        }
        List<ParsedItem> items = new ArrayList<>();
        if (data.has("item")) {
            items.add(item(data.get("item"), root.path("nitf").path("body_html").asText(null)));
        } else if (data.has("items")) {
            for (JsonNode entry : data.get("items")) {
                items.add(item(entry.has("item") ? entry.get("item") : entry, null));
            }
        } else {
            throw new RejectedInputException("not an AP Media API response: \"data\" holds no item or items");
        }
        return items;
    }

    private static ParsedItem item(JsonNode item, String nitfBody) {
        String itemId = item.path("altids").path("itemid").asText(null);
        String guid = itemId != null ? itemId : item.path("uri").asText(null);
        if (guid == null) {
            throw new RejectedInputException("AP Media API item without altids.itemid or uri");
        }
        ParsedItem.Kind kind = NinjsFormat.kind(item.path("type").asText(null));
        List<String> body = new ArrayList<>();
        if (nitfBody != null) {
            String xml = "<nitf><body><body.content>" + nitfBody.replace("<block id=\"Main\">", "")
                    .replace("</block>", "") + "</body.content></body></nitf>";
            body.addAll(NitfFormat.item(SafeXml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement()).body());
        }
        String headline = text(item, "headline");
        if (headline == null) {
            headline = text(item, "title");
        }
        List<String> subjects = new ArrayList<>();
        item.path("subject").forEach(s -> {
            String name = s.path("name").asText(null);
            if (name != null && !name.isBlank()) {
                subjects.add(name);
            }
        });
        List<String> bylines = new ArrayList<>();
        item.path("bylines").forEach(b -> {
            String by = b.path("by").asText(b.path("name").asText(""));
            if (!by.isBlank()) {
                bylines.add(NitfFormat.stripBy(by));
            }
        });
        ItemMeta meta = new ItemMeta(text(item, "provider"), subjects, NitfFormat.integer(text(item, "urgency")),
                NitfFormat.pubstatus(text(item, "pubstatus")), Times.parse(text(item, "embargoed")),
                Times.parse(text(item, "firstcreated")), Times.parse(text(item, "versioncreated")));
        Integer version = NitfFormat.integer(text(item, "version"));
        ParsedItem parsed = new ParsedItem(guid, version == null ? null : version + 1, kind, headline, body,
                bylines.isEmpty() ? null : String.join(", ", bylines), text(item, "language"),
                NewsMlG2Format.firstNonNull(Times.parse(text(item, "firstcreated")),
                        Times.parse(text(item, "versioncreated"))), null, meta);
        return kind == ParsedItem.Kind.TEXT && body.isEmpty() ? parsed.as(ParsedItem.Kind.NO_CONTENT) : parsed;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && (v.isTextual() || v.isNumber()) && !v.asText().isBlank() ? v.asText().strip() : null;
    }
}
