package io.newswire.processors.match.vectors;

import java.util.Collection;
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
        for (String term : terms) {
            write(term, frequency(term) + step);
        }
        write(DOCUMENTS, documents() + step);
    }

    @Override
    public long documents() {
        return frequency(DOCUMENTS);
    }

    @Override
    public long frequency(String term) {
        long id = StoryVector.id(term);
        long n = mirror.get(id);
        if (n == CountMirror.ABSENT) {
            Long stored = store.get(term);
            n = stored == null ? 0L : stored;
            mirror.put(id, n);
        }
        return n;
    }

    private void write(String term, long count) {
        mirror.put(StoryVector.id(term), count);
        store.put(term, count);
    }
}
