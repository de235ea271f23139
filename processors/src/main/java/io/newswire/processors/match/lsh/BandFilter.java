package io.newswire.processors.match.lsh;

import java.util.ArrayList;
import java.util.List;
import io.newswire.processors.state.Hashes;

/**
 * A Bloom filter over band keys: "certainly absent" or "maybe present", never a false "absent". The LSH probe
 * asks it before reading a band's bucket, because most band keys belong to one article only, and a store
 * read finding nothing costs as much as one finding something (BENCHMARKS.md row 2p). {@value #BITS_PER_KEY}
 * bits a key and {@value #PROBES} probes give about 1% false "maybe" per segment. It grows rather than fills:
 * once the newest segment holds the keys it was sized for, the next key starts a segment twice as large
 * (a scalable Bloom filter), so the rate stays near 1% per segment however far the index outgrows the size
 * the filter started with (a filter of fixed size, sized for a million keys, said "maybe" for most keys by
 * 100k articles, 4.2 million band keys, BENCHMARKS.md row 2w). Not thread-safe.
 */
final class BandFilter {

    static final int BITS_PER_KEY = 10;
    static final int PROBES = 7;

    private final List<Segment> segments = new ArrayList<>();
    private long added;

    /** @param capacity the number of keys its first segment is sized for */
    BandFilter(long capacity) {
        segments.add(new Segment(capacity));
    }

    void add(String key) {
        long h1 = Hashes.hash(key);
        long h2 = Hashes.mix(h1) | 1;
        if (contains(h1, h2)) {
            return;
        }
        Segment newest = segments.get(segments.size() - 1);
        if (newest.keys >= newest.capacity) {
            newest = new Segment(newest.capacity * 2);
            segments.add(newest);
        }
        newest.add(h1, h2);
        added++;
    }

    boolean mightContain(String key) {
        long h1 = Hashes.hash(key);
        return contains(h1, Hashes.mix(h1) | 1);
    }

    private boolean contains(long h1, long h2) {
        for (int i = segments.size() - 1; i >= 0; i--) {
            if (segments.get(i).contains(h1, h2)) {
                return true;
            }
        }
        return false;
    }

    /** Keys added that it did not already seem to hold (about the distinct keys): what the next filter is sized from. */
    long added() {
        return added;
    }

    /** Segments so far: one until the keys outgrow the first. */
    int segments() {
        return segments.size();
    }

    /** One fixed-size Bloom filter. */
    private static final class Segment {
        private final long[] words;
        private final long bits;
        private final long capacity;
        private long keys;

        Segment(long capacity) {
            long wanted = Math.max(64, capacity * BITS_PER_KEY);
            int length = (int) Math.min(Integer.MAX_VALUE - 8, (wanted + 63) / 64);
            this.words = new long[length];
            this.bits = (long) length * 64;
            this.capacity = Math.max(1, capacity);
        }

        void add(long h1, long h2) {
            for (int i = 0; i < PROBES; i++) {
                long bit = bit(h1, h2, i);
                words[(int) (bit >>> 6)] |= 1L << bit;
            }
            keys++;
        }

        boolean contains(long h1, long h2) {
            for (int i = 0; i < PROBES; i++) {
                long bit = bit(h1, h2, i);
                if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                    return false;
                }
            }
            return true;
        }

        /** The {@code i}-th bit a key sets (double hashing: two hashes stand for {@value #PROBES}). */
        private long bit(long h1, long h2, int i) {
            return Math.floorMod(h1 + i * h2, bits);
        }
    }
}
