package io.newswire.processors.match.vectors;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The story vectors a partition's index scored or wrote last, decoded, within a memory budget: a probe scores
 * up to 64 members, and reading each from RocksDB and decoding it was the index's largest cost once the index
 * outgrew a cache of a fixed 10,000 vectors. It keeps what scoring reads (ids, weights, time) and not the
 * routing keys, which are a third of a decoded vector and only needed when the article is indexed or
 * corrected. Least recently used goes first. Not thread-safe: one per task, like the stores it fronts.
 */
final class VectorCache {

    /** A decoded vector's heap besides its arrays: the objects, the map entry and its key, measured roughly. */
    static final int OVERHEAD_BYTES = 200;

    private final long budgetBytes;
    private long bytes;
    private final LinkedHashMap<String, StoryVector> entries = new LinkedHashMap<>(1024, 0.75f, true);

    VectorCache(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    StoryVector get(String articleId) {
        return entries.get(articleId);
    }

    /** Keeps the scoring part of {@code vector}, dropping the least recently used beyond the budget. */
    void put(String articleId, StoryVector vector) {
        StoryVector scoring = vector.withKeys(List.of());
        StoryVector before = entries.put(articleId, scoring);
        bytes += sizeOf(scoring) - (before == null ? 0 : sizeOf(before));
        Iterator<Map.Entry<String, StoryVector>> eldest = entries.entrySet().iterator();
        while (bytes > budgetBytes && eldest.hasNext()) {
            bytes -= sizeOf(eldest.next().getValue());
            eldest.remove();
        }
    }

    void remove(String articleId) {
        StoryVector gone = entries.remove(articleId);
        if (gone != null) {
            bytes -= sizeOf(gone);
        }
    }

    int size() {
        return entries.size();
    }

    long bytes() {
        return bytes;
    }

    static long sizeOf(StoryVector v) {
        return OVERHEAD_BYTES + 12L * (v.termIds().length + v.entityIds().length);
    }
}
