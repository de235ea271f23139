package io.newswire.sinks;

import java.io.IOException;

/**
 * A destination for one topic's JSON records. Writes are idempotent on the record's identity (article
 * id + version, or a dead letter's id): writing the same record twice has the effect of writing it once.
 * {@link #flush()} returns only once everything written so far is durable; offsets are committed after it.
 * Not thread-safe: one consumer thread owns a sink.
 */
public interface RecordSink extends AutoCloseable {

    /** @return true if the record was new, false if it was already there */
    boolean write(SinkRecord record) throws IOException;

    void flush() throws IOException;

    @Override
    void close() throws IOException;
}
