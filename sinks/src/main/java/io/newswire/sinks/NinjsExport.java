package io.newswire.sinks;

import java.time.Instant;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.common.Article;
import io.newswire.common.ArticleIds;
import io.newswire.common.Entity;
import io.newswire.common.ItemMeta;
import io.newswire.common.Json;

/**
 * An enriched article as an IPTC ninjs 2.1 document:
 * <ul>
 *   <li>{@code uri}: the article id when it is already an http(s), urn or tag URI, else
 *       {@code urn:newswire:article:<id>};</li>
 *   <li>entities in {@code people}, {@code organisations}, {@code places} and (MISC) {@code subjects}, each
 *       with its canonical {@code name}, its stable key as {@code literal}, {@code rel} "mentioned" and, when
 *       linked, its Wikipedia page as {@code uri};</li>
 *   <li>the story and the original of a copy as {@code associations} named "story" and "duplicate-of"
 *       (their {@code uri}s built the same way), so links survive in a field every ninjs reader knows;</li>
 *   <li>wire metadata (pubstatus, urgency, embargo, subjects) where the source carried it.</li>
 * </ul>
 * Pure and thread-safe; validated against IPTC's schema in the tests.
 */
public final class NinjsExport {

    private static final Pattern ABSOLUTE_URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S+");
    private static final String MENTIONED = "mentioned";

    private NinjsExport() {
    }

    public static ObjectNode toNinjs(Article a) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("uri", articleUri(a.id()));
        n.put("type", "text");
        n.put("version", Integer.toString(a.version()));
        putTime(n, "firstcreated", a.published());
        putTime(n, "versioncreated", a.received());
        if (a.language() != null) {
            n.put("language", a.language());
        }
        n.putArray("headlines").addObject().put("value", a.headline());
        n.putArray("bodies").addObject().put("role", "main").put("contenttype", "text/plain")
                .put("value", String.join("\n\n", a.body()));
        if (a.byline() != null) {
            n.put("by", a.byline());
        }
        ItemMeta meta = a.meta();
        if (meta != null) {
            if (meta.pubstatus() != null) {
                n.put("pubstatus", meta.pubstatus());
            }
            if (meta.urgency() != null) {
                n.put("urgency", meta.urgency());
            }
            putTime(n, "embargoed", meta.embargoed());
            meta.subjects().forEach(code -> n.withArray("subjects").addObject().put("literal", code)
                    .put("rel", "about"));
        }
        for (Entity e : a.entities()) {
            String field = switch (e.type()) {
                case PERSON -> "people";
                case ORGANIZATION -> "organisations";
                case LOCATION -> "places";
                case MISC -> "subjects";
            };
            com.fasterxml.jackson.databind.node.ObjectNode entity = n.withArray(field).addObject()
                    .put("name", e.name()).put("literal", e.key()).put("rel", MENTIONED);
            if (e.kbId() != null) {
                entity.put("uri", e.kbId());
            }
        }
        if (a.storyId() != null || a.duplicateOf() != null) {
            ArrayNode associations = n.putArray("associations");
            if (a.storyId() != null) {
                associations.addObject().put("name", "story").put("uri", "urn:newswire:story:" + a.storyId())
                        .put("type", "composite");
            }
            if (a.duplicateOf() != null) {
                associations.addObject().put("name", "duplicate-of").put("uri", articleUri(a.duplicateOf()))
                        .put("type", "text");
            }
        }
        if (a.source() != null) {
            n.putArray("altids").addObject().put("role", "newswire-source").put("value", a.source());
        }
        return n;
    }

    public static String articleUri(String id) {
        return ArticleIds.isSafeUri(id) && ABSOLUTE_URI.matcher(id).matches() ? id : "urn:newswire:article:" + id;
    }

    private static void putTime(ObjectNode n, String field, Instant time) {
        if (time != null) {
            n.put(field, time.toString());
        }
    }
}
