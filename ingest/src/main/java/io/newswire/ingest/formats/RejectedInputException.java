package io.newswire.ingest.formats;

/** Input that cannot become an article; the message is the reason recorded with the dead letter. */
public class RejectedInputException extends RuntimeException {
    public RejectedInputException(String reason) {
        super(reason);
    }
}
