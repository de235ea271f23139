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
     * with a letter or digit (specification examples put "..." where the story goes). A headline with no
     * body at all is a flash, and stays text, unless the empty kind is a link (a feed entry whose text is
     * on its page).
     */
    ParsedItem classifiedBy(Kind emptyKind) {
        boolean noWords = body.stream().noneMatch(p -> p.codePoints().anyMatch(Character::isLetterOrDigit));
        boolean flash = body.isEmpty() && headline != null && !headline.isBlank() && emptyKind == Kind.NO_CONTENT;
        if (kind == Kind.TEXT && noWords && !flash) {
            return as(emptyKind);
        }
        return this;
    }

    /**
     * The item with what no consumer should be handed taken out, each noted: an id that is a URI but not an
     * http(s), urn or tag one ({@code javascript:}…: the article gets a generated id), a url that is not
     * http(s), and a publication date before 1800 or more than a year after {@code received} (the arrival
     * time is used instead).
     */
    public ParsedItem checked(java.time.Instant received) {
        ParsedItem item = this;
        if (guid != null && io.newswire.common.ArticleIds.hasScheme(guid) && !io.newswire.common.ArticleIds.isSafeUri(guid)) {
            item = new ParsedItem(null, version, kind, headline, body, byline, language, published, url, meta)
                    .noted("id " + shorten(guid) + " is not an http(s), urn or tag URI: a generated id is used");
        }
        if (url != null && !url.toLowerCase(java.util.Locale.ROOT).startsWith("http://")
                && !url.toLowerCase(java.util.Locale.ROOT).startsWith("https://")) {
            item = new ParsedItem(item.guid, version, kind, headline, body, byline, language, published, null, item.meta)
                    .noted("url " + shorten(url) + " is not http(s): dropped");
        }
        if (published != null && !Dates.plausible(published, received)) {
            item = new ParsedItem(item.guid, version, kind, headline, body, byline, language, null, item.url, item.meta)
                    .noted("publication date " + published + " is implausible: arrival time used");
        }
        return item;
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    /** The same item with a note of what ingest changed or assumed to read it. */
    public ParsedItem noted(String note) {
        ItemMeta base = meta == null ? ItemMeta.noted(List.of()) : meta;
        return new ParsedItem(guid, version, kind, headline, body, byline, language, published, url,
                base.withNote(note));
    }

    /** The same item as another kind. */
    ParsedItem as(Kind other) {
        return new ParsedItem(guid, version, other, headline, body, byline, language, published, url, meta);
    }

    /**
     * A text item made readable: a flash (a headline and nothing else) gets its headline as its body, and
     * a body without a headline gets its first sentence as the headline; each is noted in {@code meta}.
     */
    public ParsedItem readable() {
        boolean hasHeadline = headline != null && !headline.isBlank();
        boolean hasBody = body.stream().anyMatch(p -> !p.isBlank());
        if (kind != Kind.TEXT || hasHeadline == hasBody) {
            return this;
        }
        ItemMeta base = meta == null ? ItemMeta.noted(List.of()) : meta;
        if (hasHeadline) {
            return new ParsedItem(guid, version, kind, headline, List.of(headline), byline, language, published, url,
                    base.withNote("flash: the headline is the whole text"));
        }
        return new ParsedItem(guid, version, kind, Headlines.firstSentence(body), body, byline, language, published,
                url, base.withNote("headline derived from the first sentence"));
    }

    public boolean hasText() {
        return headline != null && !headline.isBlank() && body.stream().anyMatch(p -> !p.isBlank());
    }
}
