package io.newswire.ingest.formats;

import java.time.Instant;
import java.util.List;
import io.newswire.common.ItemMeta;

/**
 * One item as a format parser found it, before it becomes an article. Only {@code headline} and
 * {@code body} are required of a text item; everything else is null when the format did not say.
 *
 * @param guid the item's own identifier (GUID, URI, doc-id), used as the article id when present
 * @param kind what the item is; only {@link Kind#TEXT} items with text become articles
 */
public record ParsedItem(String guid, Integer version, Kind kind, String headline, List<String> body, String byline,
                         String language, Instant published, String url, ItemMeta meta) {

    /**
     * What the item is. {@code NO_CONTENT}: declared as text but carrying none in the file (a placeholder
     * or remote content); {@code LINK}: a feed entry with a title and link but no content or summary.
     */
    public enum Kind { TEXT, PICTURE, VIDEO, AUDIO, GRAPHIC, PACKAGE, OTHER, NO_CONTENT, LINK }

    public ParsedItem {
        body = body == null ? List.of() : List.copyOf(body);
    }

    /**
     * The same item, reclassified as carrying no text when a text item came without any: no paragraph
     * with a letter or digit (specification examples put "..." where the story goes).
     */
    ParsedItem classifiedBy(Kind emptyKind) {
        boolean noWords = body.stream().noneMatch(p -> p.codePoints().anyMatch(Character::isLetterOrDigit));
        if (kind == Kind.TEXT && noWords) {
            return new ParsedItem(guid, version, emptyKind, headline, body, byline, language, published, url, meta);
        }
        return this;
    }

    public boolean hasText() {
        return headline != null && !headline.isBlank() && body.stream().anyMatch(p -> !p.isBlank());
    }
}
