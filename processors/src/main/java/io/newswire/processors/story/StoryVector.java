package io.newswire.processors.story;

import java.util.Map;

/**
 * What story clustering knows of one article: unit-length TF-IDF weights of its words ({@code terms}) and
 * of its entity keys ({@code entities}), the keys it is routed by, and its event time (published, else
 * received). Immutable; the maps are never modified after construction.
 */
public record StoryVector(Map<String, Double> terms, Map<String, Double> entities, java.util.List<String> keys,
                          long timeMillis) {

    public StoryVector {
        terms = terms == null ? Map.of() : terms;
        entities = entities == null ? Map.of() : entities;
        keys = keys == null ? java.util.List.of() : java.util.List.copyOf(keys);
    }

    /** The dot product of two unit vectors: their cosine. Iterates the smaller map. */
    static double cosine(Map<String, Double> a, Map<String, Double> b) {
        if (a.size() > b.size()) {
            return cosine(b, a);
        }
        double sum = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            Double other = b.get(e.getKey());
            if (other != null) {
                sum += e.getValue() * other;
            }
        }
        return sum;
    }
}
