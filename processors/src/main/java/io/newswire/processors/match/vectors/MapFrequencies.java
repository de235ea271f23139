package io.newswire.processors.match.vectors;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Document frequencies in a map, without a store: for a set read once (training, tests), where the stream
 * keeps them in {@link StoreFrequencies}. Not thread-safe.
 */
public final class MapFrequencies implements DocumentFrequencies {

    private final Map<String, Long> counts = new HashMap<>();
    private long documents;

    @Override
    public void add(Collection<String> terms) {
        terms.forEach(t -> counts.merge(t, 1L, Long::sum));
        documents++;
    }

    @Override
    public long documents() {
        return documents;
    }

    @Override
    public long frequency(String term) {
        return counts.getOrDefault(term, 0L);
    }
}
