package io.newswire.processors.state;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Finds a store's expired entries a slice at a time, each call resuming in key order where the last one
 * stopped and starting over after the last key. Under exactly-once a punctuation runs inside the stream
 * thread's open transaction, which the broker aborts (fencing the thread, which then drops and restores
 * all its state) once it is older than {@code transaction.timeout.ms}, 10 s in Kafka Streams. Scanning a
 * whole index in one punctuation outgrew that: at ~330k articles a ten-minute purge of every stored vector
 * fenced the processors in {@code bench dedup}. A slice of {@value #SLICE} entries every {@link #EVERY} bounds
 * each call, and still passes over a million entries in about half an hour, against a retention of days.
 * One sweep per store and task; it starts from the first key whenever the task (re)initialises.
 *
 * <p>Callers judge expiry by the latest arrival their task has processed (nothing expires before the
 * first), not by the wall clock, as the index buckets do when written: a replay of old input, or an
 * evaluation with made-up arrival times, keeps a window of its own data rather than losing it to today's date.
 */
public final class StoreSweep<V> {

    public static final int SLICE = 5_000;
    public static final Duration EVERY = Duration.ofSeconds(10);

    private final ReadOnlyKeyValueStore<String, V> store;
    private final int slice;
    private String next;
    private long passes;

    public StoreSweep(ReadOnlyKeyValueStore<String, V> store) {
        this(store, SLICE);
    }

    public StoreSweep(ReadOnlyKeyValueStore<String, V> store, int slice) {
        this.store = store;
        this.slice = slice;
    }

    /**
     * The keys of the entries among the next {@code slice} that arrived before the retention window, counted
     * back from {@code latestArrival} (the latest arrival the task has processed; 0, none yet, expires
     * nothing); the caller removes them.
     */
    public List<String> expired(long latestArrival, Duration retention, ToLongFunction<V> arrivalOf) {
        return expired(latestArrival, retention, arrivalOf, key -> { });
    }

    /**
     * As {@link #expired(long, Duration, ToLongFunction)}, and hands every key it read and did not find expired
     * to {@code kept}: over a whole pass ({@link #passes}), every key the store held when the pass began and
     * still holds.
     */
    public List<String> expired(long latestArrival, Duration retention, ToLongFunction<V> arrivalOf,
                                Consumer<String> kept) {
        if (latestArrival == 0) {
            return List.of();
        }
        long oldest = latestArrival - retention.toMillis();
        return expired(v -> arrivalOf.applyAsLong(v) < oldest, kept);
    }

    /** The keys of the expired entries among the next {@code slice} entries; the caller removes them. */
    public List<String> expired(Predicate<V> isExpired) {
        return expired(isExpired, key -> { });
    }

    private List<String> expired(Predicate<V> isExpired, Consumer<String> kept) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, V> entries = next == null ? store.all() : store.range(next, null)) {
            for (int read = 0; read < slice && entries.hasNext(); read++) {
                KeyValue<String, V> entry = entries.next();
                if (entry.value != null && isExpired.test(entry.value)) {
                    expired.add(entry.key);
                } else if (entry.value != null) {
                    kept.accept(entry.key);
                }
            }
            next = entries.hasNext() ? entries.peekNextKey() : null;
        }
        if (next == null) {
            passes++;
        }
        return expired;
    }

    /** Whether the next call starts a pass over the store from its first key. */
    public boolean atStart() {
        return next == null;
    }

    /** The passes over the whole store completed so far (the call that read its last key completes one). */
    public long passes() {
        return passes;
    }
}
