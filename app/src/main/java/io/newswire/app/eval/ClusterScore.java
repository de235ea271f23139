package io.newswire.app.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Pairwise and B-cubed precision, recall and F1 of a predicted clustering against gold clusters. */
public final class ClusterScore {

    public record Prf(double precision, double recall) {
        public double f1() {
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
    }

    private ClusterScore() {
    }

    /** @param items item ids; {@code gold} and {@code predicted} give each item's cluster */
    public static Prf bcubed(List<String> items, Map<String, String> gold, Map<String, String> predicted) {
        Map<String, Integer> goldSize = sizes(items, gold);
        Map<String, Integer> predSize = sizes(items, predicted);
        Map<String, Integer> overlap = new HashMap<>();
        for (String i : items) {
            overlap.merge(gold.get(i) + "\u0000" + predicted.get(i), 1, Integer::sum);
        }
        double p = 0;
        double r = 0;
        for (String i : items) {
            int both = overlap.get(gold.get(i) + "\u0000" + predicted.get(i));
            p += (double) both / predSize.get(predicted.get(i));
            r += (double) both / goldSize.get(gold.get(i));
        }
        return new Prf(p / items.size(), r / items.size());
    }

    public static Prf pairwise(List<String> items, Map<String, String> gold, Map<String, String> predicted) {
        long tp = 0;
        long predPairs = 0;
        long goldPairs = 0;
        for (int a = 0; a < items.size(); a++) {
            for (int b = a + 1; b < items.size(); b++) {
                boolean g = gold.get(items.get(a)).equals(gold.get(items.get(b)));
                boolean p = predicted.get(items.get(a)).equals(predicted.get(items.get(b)));
                tp += g && p ? 1 : 0;
                predPairs += p ? 1 : 0;
                goldPairs += g ? 1 : 0;
            }
        }
        return new Prf(predPairs == 0 ? 0 : (double) tp / predPairs, goldPairs == 0 ? 0 : (double) tp / goldPairs);
    }

    private static Map<String, Integer> sizes(List<String> items, Map<String, String> clusterOf) {
        Map<String, Integer> sizes = new HashMap<>();
        for (String i : items) {
            sizes.merge(clusterOf.get(i), 1, Integer::sum);
        }
        return sizes;
    }
}
