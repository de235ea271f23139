package io.newswire.processors.match.vectors;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * What story clustering knows of one article: unit-length TF-IDF weights of its words and of its entity
 * keys, the keys it is routed by, and its event time (published, or {@link #UNDATED} when the source gave none). Words and entities are
 * held as 32-bit hashes sorted ascending with their weights, so a cosine is a merge of two sorted arrays
 * (it runs for every candidate of every probe) and a stored vector is ~5 bytes a word. Immutable: the
 * arrays are never modified after construction. Travels and is stored in binary ({@link StoryVectorCodec}).
 */
@JsonSerialize(using = StoryVectorCodec.Serializer.class)
@JsonDeserialize(using = StoryVectorCodec.Deserializer.class)
public record StoryVector(long[] termIds, float[] termWeights, long[] entityIds, float[] entityWeights,
                          List<String> keys, long timeMillis) {

    /**
     * The classes the pair score weighs apart ({@link StoryScorer}): a word or a number among the terms, the
     * entity's type among the entities. A class travels in the low bits of each id, so a stored vector (and a
     * story's vector sum) keeps them without another array.
     */
    public static final int WORD = 0;
    public static final int NUMBER = 1;
    public static final int PERSON = 2;
    public static final int ORGANIZATION = 3;
    public static final int LOCATION = 4;
    public static final int MISC = 5;
    public static final int CLASSES = 6;

    /**
     * The bits of a word's or entity's id in a vector (non-negative, below 2^32): a stored vector takes 4 bytes
     * an id. Two articles' vectors, 128 words each, share an id by a collision of two different words once in
     * about 2^31 / 128² ≈ 130,000 pairs, and a collision adds one product of two weights to a score.
     */
    public static final int ID_BITS = 32;
    private static final long ID_MASK = (1L << ID_BITS) - 1;
    /** The bits of {@link #id}: wider than a vector's ids, for the document frequencies' counts by word. */
    private static final long HASH_MASK = (1L << 48) - 1;

    /** The time of an article its source did not date: unknown, so time neither joins nor separates it. */
    public static final long UNDATED = Long.MIN_VALUE;

    public boolean dated() {
        return timeMillis != UNDATED;
    }

    public StoryVector {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    /** A vector from weights by word and by entity key (already unit length). */
    public static StoryVector of(Map<String, Double> terms, Map<String, Double> entities, List<String> keys,
                                 long timeMillis) {
        Sorted t = sorted(terms, StoryVector::termId);
        Sorted e = sorted(entities, StoryVector::entityId);
        return new StoryVector(t.ids, t.weights, e.ids, e.weights, keys, timeMillis);
    }

    /** The same words and entities routed by {@code routing} (this vector itself if they are its keys). */
    public StoryVector withKeys(List<String> routing) {
        return routing.equals(keys) ? this
                : new StoryVector(termIds, termWeights, entityIds, entityWeights, routing, timeMillis);
    }

    public boolean hasEntities() {
        return entityIds.length > 0;
    }

    public double termWeight(String term) {
        int i = Arrays.binarySearch(termIds, termId(term));
        return i < 0 ? 0 : termWeights[i];
    }

    public double entityWeight(String key) {
        int i = Arrays.binarySearch(entityIds, entityId(key));
        return i < 0 ? 0 : entityWeights[i];
    }

    public double termCosine(StoryVector other) {
        return dot(termIds, termWeights, other.termIds, other.termWeights);
    }

    public double entityCosine(StoryVector other) {
        return dot(entityIds, entityWeights, other.entityIds, other.entityWeights);
    }

    /**
     * Per class, the part of the dot product the ids of that class contribute ({@link #CLASSES} values, the
     * classes' constants as indexes): of two unit vectors, terms' and entities' cosines split by class.
     */
    public double[] classDots(StoryVector other) {
        double[] out = new double[CLASSES];
        merge(termIds, termWeights, other.termIds, other.termWeights, WORD, 1, null, out);
        merge(entityIds, entityWeights, other.entityIds, other.entityWeights, PERSON, 3, null, out);
        return out;
    }

    /** Σ weight(class) × a × b over shared ids: a dot product with each class scaled, linear in either side. */
    public double weightedDot(StoryVector other, double[] classWeights) {
        return merge(termIds, termWeights, other.termIds, other.termWeights, WORD, 1, classWeights, null)
                + merge(entityIds, entityWeights, other.entityIds, other.entityWeights, PERSON, 3, classWeights, null);
    }

    /** The dot product of two sparse unit vectors with sorted ids: their cosine. */
    private static double dot(long[] ia, float[] wa, long[] ib, float[] wb) {
        return merge(ia, wa, ib, wb, 0, 0, null, null);
    }

    /**
     * One pass over two sorted id arrays: the sum of the products of shared ids' weights, each scaled by its
     * class's weight when {@code classWeights} is given (the class is {@code base} + the id's bits under
     * {@code mask}), and added per class into {@code byClass} when that is given.
     */
    private static double merge(long[] ia, float[] wa, long[] ib, float[] wb, int base, long mask,
                                double[] classWeights, double[] byClass) {
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < ia.length && j < ib.length) {
            if (ia[i] == ib[j]) {
                double product = (double) wa[i] * wb[j];
                int c = base + (int) (ia[i] & mask);
                if (byClass != null) {
                    byClass[c] += product;
                }
                sum += classWeights == null ? product : classWeights[c] * product;
                i++;
                j++;
            } else if (ia[i] < ib[j]) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }

    /**
     * A word's or key's 48-bit hash: FNV-1a, mixed. The document frequencies count words by it (among a million
     * distinct words the expected number of pairs sharing one is under 0.01); a vector keeps its low
     * {@value #ID_BITS} bits.
     */
    static long id(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        return (h ^ (h >>> 31)) & HASH_MASK;
    }

    /** A term's id: its hash with the low bit saying whether it is a number. */
    static long termId(String term) {
        boolean number = !term.isEmpty() && Character.isDigit(term.charAt(0));
        return (id(term) & ID_MASK & ~1L) | (number ? 1 : 0);
    }

    /** An entity key's id ({@code e:<type>:...}): its hash with the low two bits giving the type. */
    static long entityId(String key) {
        String k = key.startsWith(StoryVectors.ENTITY_PREFIX) ? key.substring(StoryVectors.ENTITY_PREFIX.length()) : key;
        long type = k.startsWith("person:") ? PERSON - PERSON : k.startsWith("organization:") ? ORGANIZATION - PERSON
                : k.startsWith("location:") ? LOCATION - PERSON : MISC - PERSON;
        return (id(key) & ID_MASK & ~3L) | type;
    }

    private record Sorted(long[] ids, float[] weights) {
    }

    private static Sorted sorted(Map<String, Double> weights, java.util.function.ToLongFunction<String> idOf) {
        long[][] pairs = new long[weights.size()][];
        int n = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            pairs[n++] = new long[] {idOf.applyAsLong(e.getKey()), Float.floatToIntBits(e.getValue().floatValue())};
        }
        Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
        long[] ids = new long[n];
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            ids[i] = pairs[i][0];
            w[i] = Float.intBitsToFloat((int) pairs[i][1]);
        }
        return new Sorted(ids, w);
    }
}
