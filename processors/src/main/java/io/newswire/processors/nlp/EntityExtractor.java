package io.newswire.processors.nlp;

import java.util.List;
import java.util.function.Supplier;
import io.newswire.common.Article;
import io.newswire.common.Entity;

/**
 * Finds the named entities of an article. Implementations are shared by every stream thread and must
 * be thread-safe. A thrown exception dead-letters the article at the enrich stage.
 */
public interface EntityExtractor {

    List<Entity> extract(Article article);

    /**
     * {@link #extract} in two parts: this call does the costly one (the tagger), fit for a thread of its own,
     * and the step it returns finishes on the caller's thread. By default all the work is done here.
     */
    default Supplier<List<Entity>> analyse(Article article) {
        List<Entity> entities = extract(article);
        return () -> entities;
    }

    /** Whether this extractor has a model for the language (ISO 639-1); others are not analysed. */
    default boolean supports(String language) {
        return "en".equals(language);
    }

    /** Finds nothing: the pipeline's behaviour without a model. */
    EntityExtractor NONE = article -> List.of();
}
