package io.newswire.ingest.formats;


/** A well-formed document that is not a news item at all (a schema, a fragment of an item). */
public class NotANewsItemException extends RejectedInputException {
    public NotANewsItemException(String what) {
        super("not a news item: " + what);
    }
}
