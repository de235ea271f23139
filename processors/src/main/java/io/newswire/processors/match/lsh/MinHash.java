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

    /** The bits of each hash a stored signature keeps ({@link #lowBits}). */
    public static final int STORED_BITS = 8;
    private static final double CHANCE = 1.0 / (1 << STORED_BITS);

    /**
     * The low {@value #STORED_BITS} bits of each hash, as a signature is stored (b-bit minwise hashing, Li and
     * König 2010): a quarter of the whole hashes. Two different hashes agree there once in 256 times, which
     * {@link #similarity(int[], byte[])} takes out of its estimate.
     */
    public static byte[] lowBits(int[] signature) {
        byte[] low = new byte[signature.length];
        for (int i = 0; i < signature.length; i++) {
            low[i] = (byte) signature[i];
        }
        return low;
    }

    /**
     * The estimated Jaccard similarity of a signature and a stored one's {@link #lowBits}: the share of agreeing
     * low bits, less the agreements expected by chance among the hashes that differ, (share − 1/256) / (1 −
     * 1/256), and never below 0. At Jaccard J the share's expectation is J + (1 − J) / 256, so the estimate is
     * unbiased, with a spread hardly wider than the whole hashes' (0.0389 against 0.0386 at the near-duplicate
     * threshold of 0.25, 126 hashes).
     */
    public static double similarity(int[] a, byte[] storedLowBits) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if ((byte) a[i] == storedLowBits[i]) {
                same++;
            }
        }
        return Math.max(0, ((double) same / HASHES - CHANCE) / (1 - CHANCE));
    }

    /**
     * The routing key of band {@code band}: band number and a 64-bit hash of its rows in base64 (11 characters,
     * where hex took 16: an article writes 42 of these keys).
     */
    public static String bandKey(int[] signature, int band) {
        long h = band;
        for (int r = 0; r < ROWS; r++) {
            h = Hashes.mix(h * 31 + signature[band * ROWS + r]);
        }
        byte[] bytes = new byte[Long.BYTES];
        for (int i = 0; i < Long.BYTES; i++) {
            bytes[i] = (byte) (h >>> (8 * i));
        }
        return band + ":" + KEY_ENCODER.encodeToString(bytes);
    }

    private static final java.util.Base64.Encoder KEY_ENCODER = java.util.Base64.getUrlEncoder().withoutPadding();


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
