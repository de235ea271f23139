package io.newswire.processors;

import io.newswire.common.Article;
import io.newswire.common.Decision;

/** An article after deduplication together with the decision that explains its links. */
/** {@code article} is null for a kill: a tombstone for its id. */
public record Deduplicated(Article article, Decision decision) {
}
