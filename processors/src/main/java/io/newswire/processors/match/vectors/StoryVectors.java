package io.newswire.processors.match.vectors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.newswire.common.Article;
import io.newswire.common.Entity;

/**
 * Builds an article's {@link StoryVector}: sublinear TF × IDF over the document frequencies seen so far
 * (the article itself included), the {@value #MAX_TERMS} heaviest words kept (bounding state), each part
 * scaled to unit length on the levels it is stored with ({@link StoryVectorCodec#quantizedUnit}). Routing
 * keys are its {@value #TERM_KEYS} heaviest words and {@value #ENTITY_KEYS}
 * heaviest entities: a report of the same event shares at least one of them with nearly every other
 * (on ECB+ dev the candidates found this way gave the same clusters as comparing with every article).
 */
public final class StoryVectors {

    /**
     * Words kept a vector. The vector is stored on every partition owning one of its keys, so this bounds
     * most of the index's state: 128 instead of 200 cut it by a quarter with ECB+ dev's B³ unchanged
     * (0.912 against 0.911, 5 orders). 100 scored 0.911 in-process but ~0.01 less on Kafka (0.881–0.886
     * in three runs against 0.884–0.900 in seven at 128 or more); 64 lost a hundredth in-process (0.899).
     */
    static final int MAX_TERMS = 128;
    static final int TERM_KEYS = 8;
    static final int ENTITY_KEYS = 5;
    static final String TERM_PREFIX = "t:";
    static final String ENTITY_PREFIX = "e:";
    /**
     * Documents assumed seen before the first, containing none of its words: on a young stream (the first
     * articles after a start) every word would otherwise look common and IDF would erase what two reports
     * share. Fades as real counts grow.
     */
    static final int PRIOR_DOCUMENTS = 50;

    private final DocumentFrequencies frequencies;

    public StoryVectors(DocumentFrequencies frequencies) {
        this.frequencies = frequencies;
    }

    /** Counts the article into the document frequencies and returns its vector. Not for kills. */
    public StoryVector of(Article article) {
        Map<String, Integer> words = StoryText.counts(article.headline(), article.body());
        Map<String, Integer> entities = new HashMap<>();
        for (Entity e : article.entities()) {
            entities.merge(ENTITY_PREFIX + e.key(), Math.max(1, e.mentionCount()), Integer::sum);
        }
        List<String> seen = new ArrayList<>(words.size() + entities.size());
        words.keySet().forEach(w -> seen.add(TERM_PREFIX + w));
        seen.addAll(entities.keySet());
        frequencies.add(seen);
        Map<String, Double> termWeights = unit(top(weights(words, TERM_PREFIX), MAX_TERMS));
        Map<String, Double> entityWeights = unit(weights(entities, ""));
        List<String> keys = new ArrayList<>();
        top(termWeights, TERM_KEYS).keySet().forEach(w -> keys.add(TERM_PREFIX + w));
        keys.addAll(top(entityWeights, ENTITY_KEYS).keySet());
        long time = article.datedBySource() ? article.published().toEpochMilli() : StoryVector.UNDATED;
        return StoryVectorCodec.quantizedUnit(StoryVector.of(termWeights, entityWeights, keys, time));
    }

    private Map<String, Double> weights(Map<String, Integer> counts, String dfPrefix) {
        double documents = frequencies.documents() + PRIOR_DOCUMENTS;
        Map<String, Double> out = new HashMap<>();
        counts.forEach((term, count) -> {
            double idf = Math.log((documents + 1) / (frequencies.frequency(dfPrefix + term) + 0.5));
            out.put(term, (1 + Math.log(count)) * idf);
        });
        return out;
    }

    /** The {@code n} heaviest entries, heaviest first, ties by term (deterministic). */
    static Map<String, Double> top(Map<String, Double> weights, int n) {
        Map<String, Double> out = new LinkedHashMap<>();
        weights.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static Map<String, Double> unit(Map<String, Double> weights) {
        double norm = Math.sqrt(weights.values().stream().mapToDouble(w -> w * w).sum());
        if (norm == 0) {
            return Map.of();
        }
        Map<String, Double> out = new LinkedHashMap<>();
        weights.forEach((k, w) -> {
            if (w > 0) {
                out.put(k, w / norm);
            }
        });
        return out;
    }
}
