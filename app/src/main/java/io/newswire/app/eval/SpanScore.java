package io.newswire.app.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import io.newswire.app.eval.ConllReader.Span;

/** Exact span-and-type precision, recall and F1, per type and overall (the CoNLL convention). */
public final class SpanScore {

    private final Map<String, int[]> counts = new TreeMap<>(); // type -> {true positives, predicted, gold}

    public void add(List<Span> gold, List<Span> predicted) {
        Set<Span> goldSet = new HashSet<>(gold);
        for (Span p : predicted) {
            int[] c = counts.computeIfAbsent(p.type(), k -> new int[3]);
            c[1]++;
            if (goldSet.contains(p)) {
                c[0]++;
            }
        }
        for (Span g : gold) {
            counts.computeIfAbsent(g.type(), k -> new int[3])[2]++;
        }
    }

    public double f1(String type) {
        int[] c = type == null ? total() : counts.getOrDefault(type, new int[3]);
        double p = c[1] == 0 ? 0 : (double) c[0] / c[1];
        double r = c[2] == 0 ? 0 : (double) c[0] / c[2];
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public String table(String title) {
        StringBuilder out = new StringBuilder(title).append('\n');
        out.append(String.format(Locale.ROOT, "  %-8s %9s %9s %9s %7s %7s%n", "type", "precision", "recall", "F1",
                "gold", "pred"));
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            out.append(row(e.getKey(), e.getValue()));
        }
        out.append(row("overall", total()));
        return out.toString();
    }

    private String row(String name, int[] c) {
        double p = c[1] == 0 ? 0 : (double) c[0] / c[1];
        double r = c[2] == 0 ? 0 : (double) c[0] / c[2];
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return String.format(Locale.ROOT, "  %-8s %9.3f %9.3f %9.3f %7d %7d%n", name, p, r, f, c[2], c[1]);
    }

    private int[] total() {
        int[] t = new int[3];
        for (int[] c : counts.values()) {
            for (int i = 0; i < 3; i++) {
                t[i] += c[i];
            }
        }
        return t;
    }
}
