package io.newswire.processors.match.vectors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Document frequencies in a partition's state store. Every write goes to the store (and its changelog);
 * reads come from an in-memory mirror of what was read or written ({@link CountMirror}, by the term's 64-bit
 * id), because a store lookup per word (three per word per article) was a quarter of the topology's time.
 * The store is this object's alone, so the mirror cannot go stale; it starts empty whenever the task
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
    private static final int MIRRORED_TERMS = 100_000;

    private final KeyValueStore<String, Long> store;
    private final CountMirror mirror = new CountMirror(MIRRORED_TERMS);

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
        // One store call for the article's terms (a RocksDB write batch where the store is not cached).
        List<KeyValue<String, Long>> writes = new ArrayList<>(terms.size() + 1);
        for (String term : terms) {
            writes.add(increment(term, step));
        }
        writes.add(increment(DOCUMENTS, step));
        store.putAll(writes);
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
            Long stored = store.get(term);
            n = stored == null ? 0L : stored;
            mirror.put(id, n);
        }
        return n;
    }

    /** The term's count plus {@code step}, in the mirror and as the store write to make (its id hashed once). */
    private KeyValue<String, Long> increment(String term, long step) {
        long id = StoryVector.id(term);
        long count = frequency(term, id) + step;
        mirror.put(id, count);
        return KeyValue.pair(term, count);
    }
}
