package io.newswire.processors.match.lsh;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import io.newswire.common.ArticleIds;
import io.newswire.processors.state.Hashes;
import io.newswire.processors.state.KeyOwnership;

/**
 * MinHash signatures over word shingles, and their LSH bands. {@value #SHINGLE} -word shingles of the
 * normalized headline and body; {@value #HASHES} hash functions (64-bit mixing of one 64-bit shingle hash
 * with a per-function seed, 32 bits kept); {@value #BANDS} bands of {@value #ROWS} rows. With 3 rows a
 * pair at Jaccard 0.5 becomes a candidate with probability 1 - (1 - 0.5^3)^42 ≈ 0.996, at 0.35 with 0.84
 * and at 0.1 with 0.04. Shingles of 3 words rather than 5: a 10% word edit rate keeps 0.9^3 = 73% of
 * 3-word shingles but only 59% of 5-word ones (edited copies 0.69 vs unrelated ≤ 0.027 at k=3; docs/dedup-and-stories.md).
 * Pure and thread-safe.
 */
public final class MinHash {

    public static final int SHINGLE = 3;
    public static final int BANDS = 42;
    public static final int ROWS = 3;
    public static final int HASHES = BANDS * ROWS;

    private static final long[] SEEDS = seeds();

    private MinHash() {
    }

    public static int[] signature(String headline, List<String> body) {
        Set<Long> shingles = shingles(headline + " " + String.join(" ", body));
        int[] signature = new int[HASHES];
        Arrays.fill(signature, Integer.MAX_VALUE);
        for (long shingle : shingles) {
            for (int i = 0; i < HASHES; i++) {
                int h = (int) (Hashes.mix(shingle ^ SEEDS[i]) >>> 33);
                if (h < signature[i]) {
                    signature[i] = h;
                }
            }
        }
        return signature;
    }

    /** The estimated Jaccard similarity: the share of hash functions on which the signatures agree. */
    public static double similarity(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / HASHES;
    }

    /**
     * The low 16 bits of each hash, as a signature is stored (b-bit minwise hashing, Li and König 2010): two
     * different hashes agree there once in 65,536 times, which moves an estimate by under 0.0001 and halves
     * the store.
     */
    public static short[] lowBits(int[] signature) {
        short[] low = new short[signature.length];
        for (int i = 0; i < signature.length; i++) {
            low[i] = (short) signature[i];
        }
        return low;
    }

    /** The estimated Jaccard similarity of a signature and a stored one's {@link #lowBits}. */
    public static double similarity(int[] a, short[] storedLowBits) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if ((short) a[i] == storedLowBits[i]) {
                same++;
            }
        }
        return (double) same / HASHES;
    }

    /** The routing key of band {@code band}: band number and a hash of its rows. */
    public static String bandKey(int[] signature, int band) {
        long h = band;
        for (int r = 0; r < ROWS; r++) {
            h = Hashes.mix(h * 31 + signature[band * ROWS + r]);
        }
        return band + ":" + Long.toHexString(h);
    }


    /** The partitions owning at least one of the signature's bands. */
    public static java.util.SortedSet<Integer> owners(int[] signature, int partitions) {
        java.util.SortedSet<Integer> out = new java.util.TreeSet<>();
        for (int band = 0; band < BANDS; band++) {
            out.add(KeyOwnership.owner(bandKey(signature, band), partitions));
        }
        return out;
    }

    static Set<Long> shingles(String text) {
        String[] words = ArticleIds.normalize(text).split(" ");
        Set<Long> out = new HashSet<>();
        if (words.length < SHINGLE) {
            out.add(Hashes.hash(String.join(" ", words)));
            return out;
        }
        for (int i = 0; i + SHINGLE <= words.length; i++) {
            long h = 1125899906842597L;
            for (int k = i; k < i + SHINGLE; k++) {
                h = 31 * h + Hashes.hash(words[k]);
            }
            out.add(Hashes.mix(h));
        }
        return out;
    }



    private static long[] seeds() {
        long[] seeds = new long[HASHES];
        long s = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < HASHES; i++) {
            s += 0x9E3779B97F4A7C15L;
            seeds[i] = Hashes.mix(s);
        }
        return seeds;
    }
}
