package io.newswire.sinks;

/**
 * A record a sink can never write (the database rejects its data, the webhook answers 4xx): retrying
 * does not help, so the runner dead-letters it with this message as the reason and goes on. Any other
 * exception from a sink is treated as transient and retried.
 */
public final class PermanentWriteException extends Exception {

    public PermanentWriteException(String message, Throwable cause) {
        super(message, cause);
    }

    public PermanentWriteException(String message) {
        super(message);
    }
}
