package io.newswire.processors;

import java.util.List;
import io.newswire.common.Article;
import io.newswire.common.Entity;

/**
 * Finds the named entities of an article. Implementations are shared by every stream thread and must
 * be thread-safe. A thrown exception dead-letters the article at the enrich stage.
 */
public interface EntityExtractor {

    List<Entity> extract(Article article);

    /** Finds nothing: the pipeline's behaviour without a model. */
    EntityExtractor NONE = article -> List.of();
}
