package io.newswire.processors.state;

/** The 64-bit string hash and mixer that signatures and key ownership share. Pure and thread-safe. */
public final class Hashes {

    private Hashes() {
    }

    /** A 64-bit polynomial hash of a string's characters. */
    public static long hash(String text) {
        long h = 1125899906842597L;
        for (int i = 0; i < text.length(); i++) {
            h = 31 * h + text.charAt(i);
        }
        return h;
    }

    /** SplitMix64's finaliser: a fast, well-spread 64-bit mix. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
