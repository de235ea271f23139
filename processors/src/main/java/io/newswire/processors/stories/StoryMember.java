package io.newswire.processors.stories;

import java.util.Map;
import io.newswire.common.Article;
import io.newswire.common.Decision;
import io.newswire.processors.match.vectors.StoryVector;

/**
 * One member of a story as its story partition keeps it: the article as last emitted, its decision, its story
 * vector, and the record headers it arrived with (source, format, traceparent), so that a revision can be
 * emitted from here when the member moves. {@code movedTo}: the story it left for (a marker, so that a later
 * version or a kill of the article follows it there).
 */
public record StoryMember(Article article, Decision decision, StoryVector vector, Map<String, String> headers,
                          String movedTo) {

    public StoryMember {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public String id() {
        return article.id();
    }

    public long receivedMillis() {
        return article.received().toEpochMilli();
    }

    public StoryMember movedTo(String story) {
        return new StoryMember(article, decision, vector, headers, story);
    }

    /** Whether this member comes before another in the one global order: arrival time, then id. */
    public boolean before(long otherMillis, String otherId) {
        return Reclustering.earlier(receivedMillis(), id(), otherMillis, otherId);
    }
}
