package io.newswire.processors.match.vectors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Document frequencies in a partition's state store. Reads come from an in-memory mirror of what was read or
 * written ({@link CountMirror}, by the term's 64-bit id), because a store lookup per word (three per word per
 * article) was a quarter of the topology's time. Writes are held as the terms' latest counts and written
 * together by {@link #flush} (every {@link #FLUSH_EVERY}, and whenever {@value #PENDING_MAX} terms wait):
 * a common word counted by a thousand articles in a second is one store write, not a thousand, where a
 * write per word per article through the record cache was the largest cost of this stage. A task that
 * stops, moves to another instance or fails loses the counts not yet flushed when its input was last
 * committed (at most about a second of articles): an estimate of IDF misses them, no article is lost. The
 * store is this object's alone, so the mirror cannot go stale; it starts empty whenever the task
 * (re)initialises.
 *
 * <p>Past {@value #COUNT_ALL} documents, one article in {@value #SAMPLE} (by a hash of its words, so a
 * replay counts the same ones) is counted {@value #SAMPLE} times and the others not at all: IDF is a
 * ratio, which a uniform sample keeps, and the per-word writes were the largest cost left in this stage.
 */
public final class StoreFrequencies implements DocumentFrequencies {

    static final long COUNT_ALL = 5_000;
    static final int SAMPLE = 10;
    static final String DOCUMENTS = "#documents";
    /** How often the counts waiting to be written go to the store (a wall-clock punctuation of the stage). */
    public static final Duration FLUSH_EVERY = Duration.ofSeconds(1);
    static final int PENDING_MAX = 20_000;
    private static final int MIRRORED_TERMS = 100_000;

    private final KeyValueStore<String, Long> store;
    private final CountMirror mirror = new CountMirror(MIRRORED_TERMS);
    /** Terms counted since the last flush, with their latest count: what the store does not hold yet. */
    private final Map<String, Long> pending = new HashMap<>();

    public StoreFrequencies(KeyValueStore<String, Long> store) {
        this.store = store;
    }

    @Override
    public void add(Collection<String> terms) {
        long step = 1;
        if (documents() >= COUNT_ALL) {
            if (Math.floorMod(terms.hashCode(), SAMPLE) != 0) {
                return;
            }
            step = SAMPLE;
        }
        for (String term : terms) {
            increment(term, step);
        }
        increment(DOCUMENTS, step);
        if (pending.size() >= PENDING_MAX) {
            flush();
        }
    }

    /** Writes the counts taken since the last flush, in one store call (a RocksDB write batch). */
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<KeyValue<String, Long>> writes = new ArrayList<>(pending.size());
        pending.forEach((term, count) -> writes.add(KeyValue.pair(term, count)));
        store.putAll(writes);
        pending.clear();
    }

    @Override
    public long documents() {
        return frequency(DOCUMENTS);
    }

    @Override
    public long frequency(String term) {
        return frequency(term, StoryVector.id(term));
    }

    private long frequency(String term, long id) {
        long n = mirror.get(id);
        if (n == CountMirror.ABSENT) {
            Long unwritten = pending.get(term); // dropped by the mirror before it was written
            Long stored = unwritten != null ? unwritten : store.get(term);
            n = stored == null ? 0L : stored;
            mirror.put(id, n);
        }
        return n;
    }

    /** The term's count plus {@code step}, in the mirror and waiting for the next flush (its id hashed once). */
    private void increment(String term, long step) {
        long id = StoryVector.id(term);
        long count = frequency(term, id) + step;
        mirror.put(id, count);
        pending.put(term, count);
    }
}
