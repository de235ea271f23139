package io.newswire.processors;

import java.time.Clock;
import io.newswire.common.Article;
import io.newswire.common.DeadLetter;
import io.newswire.common.Json;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Adds named entities. An extractor that fails on one article dead-letters that article (with the
 * whole article as payload, so it can be replayed) instead of stopping the stream.
 */
public final class EnrichStage {

    public static final String NAME = "enrich";

    private final EntityExtractor extractor;
    private final String origin;
    private final Clock clock;

    public EnrichStage(EntityExtractor extractor, String origin, Clock clock) {
        this.extractor = extractor;
        this.origin = origin;
        this.clock = clock;
    }

    public Checked<Article> apply(String key, Article article) {
        try {
            return Checked.ok(article.withEntities(extractor.extract(article)));
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
