package io.newswire.processors;

import io.newswire.common.Article;
import io.newswire.common.Decision;
import io.newswire.processors.story.StoryRecords.StoryInsert;

/**
 * An article after deduplication and story assignment, with the decision that explains its links.
 * {@code article} is null for a kill (a tombstone for its id); {@code insert} is the article's entry for
 * the story index, null when the index needs no change (updates, redeliveries, kills).
 */
public record Deduplicated(Article article, Decision decision, StoryInsert insert) {

    public Deduplicated withoutInsert() {
        return insert == null ? this : new Deduplicated(article, decision, null);
    }
}
