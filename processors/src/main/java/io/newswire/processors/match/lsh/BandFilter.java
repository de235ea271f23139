package io.newswire.processors.match.lsh;

import io.newswire.processors.state.Hashes;

/**
 * A Bloom filter over band keys: "certainly absent" or "maybe present", never a false "absent". The LSH probe
 * asks it before reading a band's bucket, because most band keys belong to one article only, and a store
 * read finding nothing costs as much as one finding something (BENCHMARKS.md row 2p). {@value #BITS_PER_KEY}
 * bits a key and {@value #PROBES} probes give about 1% false "maybe" at the capacity it was sized for; past
 * it the rate grows but the answers stay safe. Not thread-safe.
 */
final class BandFilter {

    static final int BITS_PER_KEY = 10;
    static final int PROBES = 7;

    private final long[] words;
    private final long bits;
    private long added;

    /** @param capacity the number of keys it is sized for */
    BandFilter(long capacity) {
        long wanted = Math.max(64, capacity * BITS_PER_KEY);
        int length = (int) Math.min(Integer.MAX_VALUE - 8, (wanted + 63) / 64);
        this.words = new long[length];
        this.bits = (long) length * 64;
    }

    void add(String key) {
        long h1 = Hashes.hash(key);
        long h2 = Hashes.mix(h1) | 1;
        boolean changed = false;
        for (int i = 0; i < PROBES; i++) {
            long bit = bit(h1, h2, i);
            int word = (int) (bit >>> 6);
            long was = words[word];
            words[word] = was | (1L << bit);
            changed |= words[word] != was;
        }
        if (changed) {
            added++;
        }
    }

    boolean mightContain(String key) {
        long h1 = Hashes.hash(key);
        long h2 = Hashes.mix(h1) | 1;
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

    /** Keys added that it did not already seem to hold (about the distinct keys): what the next filter is sized from. */
    long added() {
        return added;
    }
}
