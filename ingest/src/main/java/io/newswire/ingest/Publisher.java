package io.newswire.ingest;

import java.util.concurrent.CompletableFuture;
import io.newswire.common.Article;
import io.newswire.common.DeadLetter;

/**
 * Where sources send what they read. Each future completes when the record is durably accepted (for
 * Kafka: acknowledged by the broker with acks=all); sources that move, delete or answer for their input
 * wait for it first. Implementations are thread-safe.
 */
public interface Publisher {

    CompletableFuture<?> publish(Article article);

    CompletableFuture<?> publish(DeadLetter deadLetter);
}
