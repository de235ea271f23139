package io.newswire.processors.stories;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import io.newswire.processors.match.vectors.StoryScorer;
import io.newswire.processors.match.vectors.StoryVector;

/**
 * The arithmetic of revisable stories, pure. Stories are compared by <em>average link</em>: the mean pair
 * score over all pairs of their members. The pair score's content part is a weighted dot product, linear in
 * either side, so the mean over the pairs is the score of the two stories' vector sums over the product of
 * their sizes; a story keeps
 * that sum (its centroid, the {@value #CENTROID_TERMS} heaviest words and {@value #CENTROID_ENTITIES} entities)
 * and two stories are weighed with one dot product, whatever their size. The time factor is taken at the
 * distance of their mean times. A split runs average-link agglomerative clustering over a story's members'
 * own vectors (exact pair scores).
 */
public final class Reclustering {

    static final int CENTROID_TERMS = 600;
    static final int CENTROID_ENTITIES = 100;
    /** A story is tested for two events only from this size, and each part must have at least MIN_PART members. */
    static final int MIN_RELATIVE_SPLIT = 6;
    static final int MIN_PART = 2;
    static final int BISECT_ROUNDS = 10;

    private final StoryScorer scorer;

    public Reclustering(StoryScorer scorer) {
        this.scorer = scorer;
    }

    /** One global order of articles: arrival time, then id (as for copies: "earlier" means this). */
    static boolean earlier(long aMillis, String aId, long bMillis, String bId) {
        return aMillis < bMillis || (aMillis == bMillis && aId.compareTo(bId) < 0);
    }

    /** The mean pair score of two stories from their vector sums, sizes and mean times (NaN: none dated). */
    public double averageLink(StoryVector sumA, int countA, double meanTimeA, StoryVector sumB, int countB,
                              double meanTimeB) {
        if (countA == 0 || countB == 0 || sumA == null || sumB == null) {
            return 0;
        }
        double content = scorer.content(sumA, sumB) / ((double) countA * countB);
        if (Double.isNaN(meanTimeA) || Double.isNaN(meanTimeB)) {
            return content; // no dated member on one side: time neither joins nor separates
        }
        return content * scorer.timeFactor(Math.round(Math.abs(meanTimeA - meanTimeB)));
    }

    /** The sum plus ({@code sign} 1) or minus (−1) a member's vector, cut to the heaviest entries. */
    static StoryVector plus(StoryVector sum, StoryVector v, int sign) {
        if (sum == null) {
            sum = new StoryVector(new long[0], new float[0], new long[0], new float[0], List.of(), 0);
        }
        Sparse terms = cut(add(sum.termIds(), sum.termWeights(), v.termIds(), v.termWeights(), sign), CENTROID_TERMS);
        Sparse entities = cut(add(sum.entityIds(), sum.entityWeights(), v.entityIds(), v.entityWeights(), sign),
                CENTROID_ENTITIES);
        return new StoryVector(terms.ids, terms.weights, entities.ids, entities.weights, List.of(), 0);
    }

    /**
     * Average-link agglomerative clustering of a story's members at {@code threshold}: groups of indexes into
     * {@code members}, the group holding member 0 first, then by their smallest index. Deterministic for a
     * given member order.
     */
    public List<List<Integer>> split(List<StoryVector> members, double threshold) {
        return agglomerate(scores(members), all(members.size()), threshold);
    }

    /**
     * The split of a story's members that average link finds: first, groups that part at {@code threshold}
     * (outliers); failing that, the story's bisection ({@link #bisect}) when its two parts are two events rather
     * than one: each of at least {@value #MIN_PART} members, and their average link below {@code ratio} times
     * their own cohesion (two events of one kind share much, so their absolute link can be high, yet each is far
     * more alike within). Agglomeration was not used for this: it peels outliers off one at a time and leaves
     * the two events together to the end. Groups as for {@link #split}.
     */
    public List<List<Integer>> split(List<StoryVector> members, double threshold, double ratio) {
        double[][] score = scores(members);
        List<Integer> all = all(members.size());
        List<List<Integer>> groups = agglomerate(score, all, threshold);
        if (groups.size() > 1) {
            return groups;
        }
        List<List<Integer>> two = twoEvents(score, all, ratio);
        return two == null ? groups : two;
    }

    /**
     * The bisection of a group (indexes into the score matrix) when its parts are two events by the rule of
     * {@link #split}, else null.
     */
    private static List<List<Integer>> twoEvents(double[][] score, List<Integer> group, double ratio) {
        if (group.size() < MIN_RELATIVE_SPLIT) {
            return null;
        }
        List<List<Integer>> two = bisect(score, group);
        if (two.get(0).size() < MIN_PART || two.get(1).size() < MIN_PART) {
            return null;
        }
        double between = meanLink(score, two.get(0), two.get(1));
        double within = (cohesion(score, two.get(0)) + cohesion(score, two.get(1))) / 2;
        return within > 0 && between < ratio * within ? two : null;
    }

    /**
     * The events among a set of articles, the same in any order they are given (up to exact ties of scores):
     * first the groups that average link holds together at {@code threshold} (the members a story keeps rather
     * than parting as outliers), then each group cut in two by {@link #bisect} wherever {@link #split} would
     * cut it (both parts at least {@value #MIN_PART} members, their average link below {@code ratio} times their
     * cohesion), and each part again, until no cut is accepted. A group holding two events of one kind is whole
     * before it is cut, so the cut sees both events entire; a stream's splits see a story as far as it has
     * arrived. Groups as for {@link #split}.
     */
    public List<List<Integer>> events(List<StoryVector> members, double threshold, double ratio) {
        double[][] score = scores(members);
        List<List<Integer>> out = new ArrayList<>();
        for (List<Integer> group : agglomerate(score, all(members.size()), threshold)) {
            cut(score, group, ratio, out);
        }
        out.forEach(g -> g.sort(Integer::compare));
        out.sort((x, y) -> Integer.compare(x.get(0), y.get(0)));
        return out;
    }

    private static void cut(double[][] score, List<Integer> group, double ratio, List<List<Integer>> out) {
        List<List<Integer>> two = twoEvents(score, group, ratio);
        if (two == null) {
            out.add(new ArrayList<>(group));
            return;
        }
        for (List<Integer> half : two) {
            cut(score, half, ratio, out);
        }
    }

    /**
     * The cohesion of a story from its vector sum: the mean pair score of its members, from score(sum, sum) =
     * the members' scores with themselves + 2 × the sum over pairs (a member's score with itself estimated by
     * {@link StoryScorer#selfEstimate}); NaN for fewer than two members.
     */
    public double cohesion(StoryVector sum, int count) {
        if (sum == null || count < 2) {
            return Double.NaN;
        }
        double self = scorer.content(sum, sum) - count * scorer.selfEstimate(sum.hasEntities());
        return Math.max(0, self) / ((double) count * (count - 1));
    }

    /** Whether two stories' average link is close to what holds each together (see {@link #split}). */
    public static boolean alike(double link, double cohesionA, double cohesionB, double ratio) {
        double within = Double.isNaN(cohesionA) ? cohesionB : Double.isNaN(cohesionB) ? cohesionA
                : (cohesionA + cohesionB) / 2;
        return Double.isNaN(within) || link >= ratio * within;
    }

    /** Every pair's score, once: the clustering steps below all read this matrix. */
    private double[][] scores(List<StoryVector> members) {
        int n = members.size();
        double[][] score = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                score[i][j] = score[j][i] = scorer.score(members.get(i), members.get(j));
            }
        }
        return score;
    }

    private static List<Integer> all(int n) {
        List<Integer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    /**
     * Two groups of {@code group} (indexes into the score matrix) by average-link 2-means: seeded with the two
     * least alike members, each member goes to the group it has the higher mean pair score with, until nothing
     * moves (at most {@value #BISECT_ROUNDS} rounds). The group holding the group's first member comes first.
     */
    private static List<List<Integer>> bisect(double[][] score, List<Integer> group) {
        int n = group.size();
        int seedA = 0;
        int seedB = 1;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (score[group.get(i)][group.get(j)] < score[group.get(seedA)][group.get(seedB)]) {
                    seedA = i;
                    seedB = j;
                }
            }
        }
        boolean[] inB = new boolean[n];
        inB[seedB] = true;
        boolean[] seeded = new boolean[n];
        seeded[seedA] = true;
        seeded[seedB] = true;
        for (int round = 0; round < BISECT_ROUNDS; round++) {
            boolean[] next = new boolean[n];
            for (int i = 0; i < n; i++) {
                double[] row = score[group.get(i)];
                double a = 0;
                double b = 0;
                int na = 0;
                int nb = 0;
                for (int j = 0; j < n; j++) {
                    if (j == i || (round == 0 && !seeded[j])) {
                        continue;
                    }
                    if (inB[j]) {
                        b += row[group.get(j)];
                        nb++;
                    } else {
                        a += row[group.get(j)];
                        na++;
                    }
                }
                next[i] = nb > 0 && (na == 0 ? b > 0 : b / nb > a / na);
            }
            next[seedA] = false;
            next[seedB] = true;
            if (Arrays.equals(next, inB)) {
                break;
            }
            inB = next;
        }
        List<Integer> a = new ArrayList<>();
        List<Integer> b = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (inB[i] ? b : a).add(group.get(i));
        }
        boolean firstInA = !inB[0];
        return firstInA ? List.of(a, b) : List.of(b, a);
    }

    private static double meanLink(double[][] score, List<Integer> a, List<Integer> b) {
        double s = 0;
        for (int i : a) {
            for (int j : b) {
                s += score[i][j];
            }
        }
        return s / ((double) a.size() * b.size());
    }

    private static double cohesion(double[][] score, List<Integer> group) {
        double s = 0;
        int pairs = 0;
        for (int x = 0; x < group.size(); x++) {
            for (int y = x + 1; y < group.size(); y++) {
                s += score[group.get(x)][group.get(y)];
                pairs++;
            }
        }
        return pairs == 0 ? 0 : s / pairs;
    }

    /**
     * Average-link agglomeration of {@code group} (indexes into the score matrix) while the best link is at least
     * {@code threshold}: its groups, each sorted, by their smallest index.
     */
    private static List<List<Integer>> agglomerate(double[][] score, List<Integer> group, double threshold) {
        int n = group.size();
        double[][] sum = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                sum[i][j] = sum[j][i] = score[group.get(i)][group.get(j)];
            }
        }
        List<List<Integer>> groups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            groups.add(new ArrayList<>(List.of(group.get(i))));
        }
        // sum[a][b] holds the summed pair scores between groups a and b; a merged group's slot is emptied (null)
        // and skipped, so the rest keep their order and a tie goes to the same pair as in a list without it.
        int left = n;
        while (left > 1) {
            int bestA = -1;
            int bestB = -1;
            double best = -1;
            for (int a = 0; a < n; a++) {
                if (groups.get(a) == null) {
                    continue;
                }
                for (int b = a + 1; b < n; b++) {
                    if (groups.get(b) == null) {
                        continue;
                    }
                    double avg = sum[a][b] / ((double) groups.get(a).size() * groups.get(b).size());
                    if (avg > best) {
                        best = avg;
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            if (best < threshold) {
                break;
            }
            groups.get(bestA).addAll(groups.get(bestB));
            groups.set(bestB, null);
            left--;
            for (int c = 0; c < n; c++) {
                sum[bestA][c] += sum[bestB][c];
                sum[c][bestA] = sum[bestA][c];
            }
        }
        groups.removeIf(Objects::isNull);
        groups.forEach(g -> g.sort(Integer::compare));
        groups.sort((x, y) -> Integer.compare(x.get(0), y.get(0)));
        return groups;
    }

    /** The average link of one member to a group of others (exact pair scores). */
    public double linkTo(StoryVector v, List<StoryVector> group) {
        if (group.isEmpty()) {
            return 0;
        }
        double s = 0;
        for (StoryVector g : group) {
            s += scorer.score(v, g);
        }
        return s / group.size();
    }

    private record Sparse(long[] ids, float[] weights) {
    }

    private static Sparse add(long[] ia, float[] wa, long[] ib, float[] wb, int sign) {
        long[] ids = new long[ia.length + ib.length];
        float[] w = new float[ids.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < ia.length || j < ib.length) {
            if (j >= ib.length || (i < ia.length && ia[i] < ib[j])) {
                ids[n] = ia[i];
                w[n++] = wa[i++];
            } else if (i >= ia.length || ib[j] < ia[i]) {
                ids[n] = ib[j];
                w[n++] = sign * wb[j++];
            } else {
                ids[n] = ia[i];
                w[n++] = wa[i++] + sign * wb[j++];
            }
        }
        return new Sparse(Arrays.copyOf(ids, n), Arrays.copyOf(w, n));
    }

    /** Drops entries that cancelled out, then keeps the {@code max} heaviest, ids still ascending. */
    private static Sparse cut(Sparse s, int max) {
        int kept = 0;
        long[] ids = new long[s.ids.length];
        float[] w = new float[s.ids.length];
        for (int i = 0; i < s.ids.length; i++) {
            if (s.weights[i] > 1e-6f) {
                ids[kept] = s.ids[i];
                w[kept++] = s.weights[i];
            }
        }
        if (kept > max) {
            float[] sorted = Arrays.copyOf(w, kept);
            Arrays.sort(sorted);
            float floor = sorted[kept - max];
            int n = 0;
            for (int i = 0; i < kept && n < max; i++) {
                if (w[i] >= floor) {
                    ids[n] = ids[i];
                    w[n++] = w[i];
                }
            }
            kept = n;
        }
        return new Sparse(Arrays.copyOf(ids, kept), Arrays.copyOf(w, kept));
    }
}
