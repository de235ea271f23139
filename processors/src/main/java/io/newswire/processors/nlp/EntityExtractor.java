package io.newswire.processors.nlp;

import java.util.List;
import io.newswire.common.Article;
import io.newswire.common.Entity;

/**
 * Finds the named entities of an article. Implementations are shared by every stream thread and must
 * be thread-safe. A thrown exception dead-letters the article at the enrich stage.
 */
public interface EntityExtractor {

    List<Entity> extract(Article article);

    /** Whether this extractor has a model for the language (ISO 639-1); others are not analysed. */
    default boolean supports(String language) {
        return "en".equals(language);
    }

    /** Finds nothing: the pipeline's behaviour without a model. */
    EntityExtractor NONE = article -> List.of();
}
