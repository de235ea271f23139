package io.newswire.processors.match.vectors;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * What story clustering knows of one article: unit-length TF-IDF weights of its words and of its entity
 * keys, the keys it is routed by, and its event time (published, or {@link #UNDATED} when the source gave none). Words and entities are
 * held as 64-bit hashes sorted ascending with their weights, so a cosine is a merge of two sorted arrays
 * (it runs for every candidate of every probe) and a stored vector is ~12 bytes a word. Immutable: the
 * arrays are never modified after construction. Travels and is stored in binary ({@link StoryVectorCodec}).
 */
@JsonSerialize(using = StoryVectorCodec.Serializer.class)
@JsonDeserialize(using = StoryVectorCodec.Deserializer.class)
public record StoryVector(long[] termIds, float[] termWeights, long[] entityIds, float[] entityWeights,
                          List<String> keys, long timeMillis) {

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
        Sorted t = sorted(terms);
        Sorted e = sorted(entities);
        return new StoryVector(t.ids, t.weights, e.ids, e.weights, keys, timeMillis);
    }

    public boolean hasEntities() {
        return entityIds.length > 0;
    }

    public double termWeight(String term) {
        int i = Arrays.binarySearch(termIds, id(term));
        return i < 0 ? 0 : termWeights[i];
    }

    public double entityWeight(String key) {
        int i = Arrays.binarySearch(entityIds, id(key));
        return i < 0 ? 0 : entityWeights[i];
    }

    public double termCosine(StoryVector other) {
        return dot(termIds, termWeights, other.termIds, other.termWeights);
    }

    public double entityCosine(StoryVector other) {
        return dot(entityIds, entityWeights, other.entityIds, other.entityWeights);
    }

    /** The dot product of two sparse unit vectors with sorted ids: their cosine. */
    private static double dot(long[] ia, float[] wa, long[] ib, float[] wb) {
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < ia.length && j < ib.length) {
            if (ia[i] == ib[j]) {
                sum += (double) wa[i++] * wb[j++];
            } else if (ia[i] < ib[j]) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }

    /** A word's or key's 64-bit id (FNV-1a, then mixed): collisions are negligible at any vocabulary size. */
    static long id(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        return h ^ (h >>> 31);
    }

    private record Sorted(long[] ids, float[] weights) {
    }

    private static Sorted sorted(Map<String, Double> weights) {
        long[][] pairs = new long[weights.size()][];
        int n = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            pairs[n++] = new long[] {id(e.getKey()), Float.floatToIntBits(e.getValue().floatValue())};
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
