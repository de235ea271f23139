package io.newswire.ingest.format;

import io.newswire.ingest.RejectedInputException;

/** A well-formed document that is not a news item at all (a schema, a fragment of an item). */
public class NotANewsItemException extends RejectedInputException {
    public NotANewsItemException(String what) {
        super("not a news item: " + what);
    }
}
