package io.newswire.ingest.formats;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.ItemMeta;
import io.newswire.common.Json;

/**
 * IPTC ninjs 1.x, 2.x and 3.x (a single object or an array of them). Field names are matched ignoring
 * case and underscores, which covers the snake_case and lowercase names of 1.x/2.x ({@code body_html},
 * {@code versioncreated}) and the camelCase of 3.x ({@code versionCreated}); 3.x's {@code headlines}
 * and {@code bodies} arrays are read too.
 */
public final class NinjsFormat implements ItemFormat {

    @Override
    public String name() {
        return "ninjs";
    }

    @Override
    public List<ParsedItem> parse(byte[] bytes) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new RejectedInputException("invalid JSON: " + e.getMessage());
        }
        List<ParsedItem> items = new ArrayList<>();
        if (root != null && root.isObject() && !root.has("uri") && !root.has("guid")) {
            root = envelopeItems(root);
        }
        if (root != null && root.isArray()) {
            root.forEach(node -> items.add(item(node)));
        } else if (root != null && root.isObject()) {
            items.add(item(root));
        }
        if (items.isEmpty()) {
            throw new RejectedInputException("JSON holds no ninjs object");
        }
        return items;
    }

    /** An API response wrapping items ({"item": [...]}, {"items": [...]}, {"data": [...]}), or the node itself. */
    private static JsonNode envelopeItems(JsonNode root) {
        for (String field : List.of("item", "items", "data", "results")) {
            JsonNode inner = root.get(field);
            if (inner != null && (inner.isArray() || inner.isObject())) {
                return inner;
            }
        }
        return root;
    }

    private static ParsedItem item(JsonNode node) {
        if (!node.isObject()) {
            throw new RejectedInputException("a ninjs item must be a JSON object");
        }
        Map<String, JsonNode> f = fields(node);
        String guid = text(f, "uri", "guid");
        if (guid == null) {
            throw new RejectedInputException("not ninjs: no \"uri\" (or 1.x \"guid\")");
        }
        String headline = text(f, "headline", "headlinemain", "headlinesimple");
        if (headline == null && f.containsKey("headlines")) {
            headline = byRole(f.get("headlines"), "main");
        }
        if (headline == null) {
            headline = text(f, "title");
        }
        List<String> body = new ArrayList<>();
        String html = text(f, "bodyhtml", "bodyxhtml", "bodyrichtext");
        String plain = text(f, "bodytext", "bodymain");
        String nitf = null;
        if (f.containsKey("bodies")) {
            for (JsonNode b : f.get("bodies")) {
                Map<String, JsonNode> bf = fields(b);
                String type = (text(bf, "contenttype") + " " + text(bf, "role")).toLowerCase(Locale.ROOT);
                if (type.contains("nitf") && nitf == null) {
                    nitf = text(bf, "value");
                } else if (type.contains("html") && html == null) {
                    html = text(bf, "value");
                } else if (plain == null) {
                    plain = text(bf, "value");
                }
            }
        }
        if (html != null) {
            body.addAll(Html.paragraphs(html));
        } else if (plain != null) {
            body.addAll(plainParagraphs(plain));
        } else if (nitf != null) {
            body.addAll(NitfFormat.item(SafeXml.parse(nitf.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .getDocumentElement()).body());
        }
        if (body.isEmpty()) {
            // Summary-only items: the description is all the text there is.
            String description = text(f, "descriptiontext", "description");
            if (description == null && f.containsKey("descriptions")) {
                description = byRole(f.get("descriptions"), "text");
            }
            if (description != null) {
                body.addAll(plainParagraphs(description));
            }
        }
        List<String> subjects = new ArrayList<>();
        JsonNode subject = f.getOrDefault("subject", f.get("subjects"));
        if (subject != null) {
            for (JsonNode s : subject) {
                String code = s.isTextual() ? s.asText() : text(fields(s), "uri", "code", "name");
                if (code != null) {
                    subjects.add(code);
                }
            }
        }
        String byline = text(f, "byline", "by");
        ItemMeta meta = new ItemMeta(text(f, "copyrightholder", "provider"), subjects,
                NitfFormat.integer(text(f, "urgency")), NitfFormat.pubstatus(text(f, "pubstatus")),
                Times.parse(text(f, "embargoed")), Times.parse(text(f, "firstcreated", "contentcreated")),
                Times.parse(text(f, "versioncreated")));
        ParsedItem.Kind kind = kind(text(f, "type"));
        if (kind == ParsedItem.Kind.OTHER && headline != null && !body.isEmpty()) {
            kind = ParsedItem.Kind.TEXT; // an agency's own type (BBC "advisory") that carries text is text
        }
        return new ParsedItem(guid, NitfFormat.integer(text(f, "version")), kind, headline, body,
                NitfFormat.stripBy(byline), text(f, "language"),
                NewsMlG2Format.firstNonNull(Times.parse(text(f, "contentcreated")), Times.parse(text(f, "firstcreated")),
                        Times.parse(text(f, "versioncreated"))), null, meta).classifiedBy(ParsedItem.Kind.NO_CONTENT);
    }

    private static List<String> plainParagraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String block : text.split("\\n\\s*\\n|\\r?\\n")) {
            String t = block.replaceAll("\\s+", " ").strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    static ParsedItem.Kind kind(String type) {
        if (type == null) {
            return ParsedItem.Kind.TEXT;
        }
        return switch (type.toLowerCase(Locale.ROOT).replaceFirst("^.*[:/]", "")) {
            case "text", "composite" -> ParsedItem.Kind.TEXT;
            case "picture", "image" -> ParsedItem.Kind.PICTURE;
            case "video" -> ParsedItem.Kind.VIDEO;
            case "audio" -> ParsedItem.Kind.AUDIO;
            case "graphic" -> ParsedItem.Kind.GRAPHIC;
            default -> ParsedItem.Kind.OTHER;
        };
    }

    /** Fields keyed by name in lower case without underscores or dashes. */
    private static Map<String, JsonNode> fields(JsonNode node) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey().toLowerCase(Locale.ROOT).replace("_", "").replace("-", ""), e.getValue());
        }
        return out;
    }

    private static String text(Map<String, JsonNode> fields, String... names) {
        for (String name : names) {
            JsonNode v = fields.get(name);
            if (v != null && (v.isTextual() || v.isNumber()) && !v.asText().isBlank()) {
                return v.asText().strip();
            }
        }
        return null;
    }

    private static String byRole(JsonNode array, String role) {
        String first = null;
        for (JsonNode h : array) {
            Map<String, JsonNode> hf = fields(h);
            String value = text(hf, "value");
            if (first == null) {
                first = value;
            }
            if (role.equals(text(hf, "role"))) {
                return value;
            }
        }
        return first;
    }
}
