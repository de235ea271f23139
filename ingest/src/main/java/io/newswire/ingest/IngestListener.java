package io.newswire.ingest;

import io.newswire.common.Article;
import io.newswire.common.DeadLetter;

/** Where a source hands what it read: every input becomes exactly one of the two calls. */
public interface IngestListener {

    void accepted(Article article);

    void rejected(DeadLetter deadLetter);
}
