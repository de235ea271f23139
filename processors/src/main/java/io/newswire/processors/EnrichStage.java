package io.newswire.processors;

import java.time.Clock;
import io.newswire.common.Article;
import io.newswire.common.DeadLetter;
import io.newswire.common.Json;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Detects the language, then adds named entities where the extractor covers that language; other
 * languages pass through with their language set, no entities and status
 * {@link Article#ENTITIES_NOT_ANALYSED}, so models can be added later without changing the record.
 * An extractor that fails on one article dead-letters that article (with the
 * whole article as payload, so it can be replayed) instead of stopping the stream.
 */
public final class EnrichStage {

    public static final String NAME = "enrich";

    private final LanguageDetector languages;
    private final EntityExtractor extractor;
    private final String origin;
    private final Clock clock;

    public EnrichStage(LanguageDetector languages, EntityExtractor extractor, String origin, Clock clock) {
        this.languages = languages;
        this.extractor = extractor;
        this.origin = origin;
        this.clock = clock;
    }

    public Checked<Article> apply(String key, Article article) {
        LanguageDetector.Detected language = languages.detect(article.headline() + "\n\n" + article.bodyText());
        Article detected = article.withLanguage(language.code(), language.confidence());
        if (!extractor.supports(language.code())) {
            return Checked.ok(detected.withEntities(java.util.List.of(), Article.ENTITIES_NOT_ANALYSED));
        }
        try {
            return Checked.ok(detected.withEntities(extractor.extract(detected), Article.ENTITIES_ANALYSED));
        } catch (RuntimeException e) {
            return Checked.rejected(DeadLetter.of(NAME, "entity extraction failed: " + e,
                    origin, key, asJson(article), clock.instant()));
        }
    }

    private static String asJson(Article article) {
        try {
            return Json.MAPPER.writeValueAsString(article);
        } catch (JsonProcessingException e) {
            return article.toString();
        }
    }
}
