package io.newswire.ingest;

import io.newswire.common.Article;
import io.newswire.common.DeadLetter;

/** Where a source hands what it read: every item becomes exactly one of the calls. */
public interface IngestListener {

    void accepted(Article article);

    void rejected(DeadLetter deadLetter);

    /** An item that is fine but not an article (a picture, a package): reported, not dead-lettered. */
    default void skipped(String origin, String reason) {
    }
}
