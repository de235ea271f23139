package io.newswire.common;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One news article as it travels through the pipeline: the raw topic carries it as ingest parsed it,
 * the enriched topic carries the same record with the fields later stages fill in.
 *
 * <p>{@code id} is stable: the source's GUID/URI when it gives one, otherwise a hash of source, normalized
 * headline and body ({@link ArticleIds}). {@code body} keeps paragraphs as separate strings. Nullable:
 * {@code url}, {@code byline}, {@code language} (ISO 639-1), {@code contentHash}, {@code duplicateOf},
 * {@code storyId}, {@code languageConfidence}, {@code entityStatus}, {@code meta};
 * {@code published} falls back to {@code received} when the source gives no date. {@code revision} counts the
 * times the pipeline re-emitted this version with a better answer (0: the first decision; a story merge or
 * split moves it to another story and adds one): consumers keep the highest revision of the highest version.
 */
public record Article(
        String id,
        int version,
        String source,
        String format,
        String url,
        String headline,
        List<String> body,
        String byline,
        String language,
        Instant published,
        Instant received,
        String contentHash,
        List<Entity> entities,
        String duplicateOf,
        String storyId,
        Double languageConfidence,
        String entityStatus,
        ItemMeta meta,
        int revision) {

    /** {@code entity_status} once NER ran on the article. */
    public static final String ENTITIES_ANALYSED = "analysed";
    /** {@code entity_status} when no model covers the article's language; entities stay empty. */
    public static final String ENTITIES_NOT_ANALYSED = "not_analysed";

    public Article {
        body = body == null ? List.of() : List.copyOf(body);
        entities = entities == null ? List.of() : List.copyOf(entities);
        if (published == null) {
            published = received;
        }
    }

    /** An article at its first decision (revision 0). */
    public Article(String id, int version, String source, String format, String url, String headline,
                   List<String> body, String byline, String language, Instant published, Instant received,
                   String contentHash, List<Entity> entities, String duplicateOf, String storyId,
                   Double languageConfidence, String entityStatus, ItemMeta meta) {
        this(id, version, source, format, url, headline, body, byline, language, published, received, contentHash,
                entities, duplicateOf, storyId, languageConfidence, entityStatus, meta, 0);
    }

    /** A freshly ingested article: nothing enriched yet. */
    public static Article ingested(String id, int version, String source, String format, String url,
                                   String headline, List<String> body, String byline, String language,
                                   Instant published, Instant received) {
        return new Article(id, version, source, format, url, headline, body, byline, language,
                published, received, null, List.of(), null, null, null, null, null);
    }

    public String bodyText() {
        return String.join("\n\n", body);
    }

    public Article withText(String newHeadline, List<String> newBody) {
        return new Article(id, version, source, format, url, newHeadline, newBody, byline, language,
                published, received, contentHash, entities, duplicateOf, storyId, languageConfidence, entityStatus, meta, revision);
    }

    public Article withContentHash(String hash) {
        return new Article(id, version, source, format, url, headline, body, byline, language,
                published, received, hash, entities, duplicateOf, storyId, languageConfidence, entityStatus, meta, revision);
    }

    public Article withDuplicateOf(String canonicalId) {
        return new Article(id, version, source, format, url, headline, body, byline, language,
                published, received, contentHash, entities, canonicalId, storyId, languageConfidence, entityStatus, meta, revision);
    }

    /** The entities found, with the status that says whether NER ran (see the constants). */
    public Article withEntities(List<Entity> found, String status) {
        return new Article(id, version, source, format, url, headline, body, byline, language,
                published, received, contentHash, found, duplicateOf, storyId, languageConfidence, status, meta, revision);
    }

    /** The article with its dedup links: the canonical article it copies (or null) and its story. */
    public Article withLinks(String canonicalId, String story) {
        return new Article(id, version, source, format, url, headline, body, byline, language,
                published, received, contentHash, entities, canonicalId, story, languageConfidence, entityStatus,
                meta, revision);
    }

    /** The wire metadata the source format carried (provider, subjects, urgency, pubstatus...). */
    /** The same article under another id (an id that two different items claimed; see the gather step). */
    public Article withId(String newId) {
        return new Article(newId, version, source, format, url, headline, body, byline, language,
                published, received, contentHash, entities, duplicateOf, storyId, languageConfidence, entityStatus, meta, revision);
    }

    public Article withMeta(ItemMeta itemMeta) {
        return new Article(id, version, source, format, url, headline, body, byline, language,
                published, received, contentHash, entities, duplicateOf, storyId, languageConfidence, entityStatus,
                itemMeta, revision);
    }

    public Article withLanguage(String code, double confidence) {
        return new Article(id, version, source, format, url, headline, body, byline, code,
                published, received, contentHash, entities, duplicateOf, storyId, confidence, entityStatus, meta, revision);
    }

    /** Identity for idempotent writes: the same id and version is the same record. */
    public String idAndVersion() {
        return id + "@" + version;
    }

    /**
     * Whether the source dated the article: {@code published} falls back to {@code received} when it did not,
     * and a publication time equal to the arrival to the nanosecond is that fallback.
     */
    public boolean datedBySource() {
        return published != null && !published.equals(received);
    }

    /** This version re-emitted in another story, one revision later. */
    public Article revised(String story) {
        return new Article(id, version, source, format, url, headline, body, byline, language,
                published, received, contentHash, entities, duplicateOf, story, languageConfidence, entityStatus, meta,
                revision + 1);
    }

    public boolean isDuplicate() {
        return Objects.nonNull(duplicateOf);
    }
}
