package io.newswire.processors.nlp;

import java.util.List;
import io.newswire.common.Article;
import io.newswire.common.KnownEntity;

/** An article with canonical entities, and the new entities the registry should learn from it. */
public record Canonicalized(Article article, List<KnownEntity> learned) {
}
