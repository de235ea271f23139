package io.newswire.sinks;

/**
 * A destination for the pipeline's output records. Writes are idempotent on the record's identity
 * (article id + version, a dead letter's id, a story's state): writing the same record twice has the
 * effect of writing it once, so a redelivery after a crash does no harm.
 *
 * <p>The runner hands a batch to {@link #write} record by record, then calls {@link #flush()}, which
 * returns only once the batch is durable; offsets are committed after every sink flushed. When a write
 * or flush throws anything but {@link PermanentWriteException}, the runner calls {@link #discard()} and
 * hands the sink the whole batch again after a backoff. Not thread-safe: one consumer thread owns a sink.
 */
public interface RecordSink extends AutoCloseable {

    /** A short name for logs, metrics and dead letters ("file", "postgres", "webhook"). */
    String name();

    /**
     * @return true if the record was new, false if it was already there or is not for this sink
     * @throws PermanentWriteException when this record can never be written; the batch goes on without it
     */
    boolean write(SinkRecord record) throws Exception;

    void flush() throws Exception;

    /** Forgets what was written since the last flush (rolls back), before the batch is handed again. */
    default void discard() throws Exception {
    }

    @Override
    void close() throws Exception;
}
