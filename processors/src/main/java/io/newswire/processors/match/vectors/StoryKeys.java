package io.newswire.processors.match.vectors;

import java.util.SortedSet;
import java.util.TreeSet;
import io.newswire.processors.state.KeyOwnership;

/** Which partitions own a story vector's keys: a hash of each key, as for LSH band keys. */
public final class StoryKeys {

    private StoryKeys() {
    }

    /** The partitions owning at least one of the vector's keys; none for an article without words. */
    public static SortedSet<Integer> owners(StoryVector vector, int partitions) {
        SortedSet<Integer> out = new TreeSet<>();
        for (String key : vector.keys()) {
            out.add(KeyOwnership.owner(key, partitions));
        }
        return out;
    }
}
