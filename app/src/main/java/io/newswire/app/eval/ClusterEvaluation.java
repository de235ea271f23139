package io.newswire.app.eval;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import io.newswire.app.eval.ClusterScore.Prf;
import io.newswire.app.eval.EvalDocuments.Document;
import io.newswire.common.Article;
import io.newswire.common.Decision;
import io.newswire.processors.nlp.Enrichment;
import io.newswire.processors.TopologySettings;

/**
 * {@code eval clusters}: streams the documents through the topology (with the real models), in file order and
 * in K shuffled orders (seeds 42, 43, ...), and scores each article's {@code story_id} against the gold
 * {@code cluster_id}: pairwise and B-cubed precision, recall and F1, both of the first decisions (what a
 * consumer sees before any revision) and of the final state (each article's last revision), with the revisions
 * per article; then the mean ± sd over the shuffled orders. Articles are read as ingest reads text files, but
 * dated by their arrival in the run only: evaluation sets carry no publication dates, and dating just the
 * documents that happen to write one at the top would set them years apart from undated reports of the same
 * event (which the run dates today); {@code dated} adds a run that does exactly that, to show the effect.
 */
public final class ClusterEvaluation {

    static final long SHUFFLE_SEED = 42L;

    private final DecisionRunner runner;
    private final String where;
    private final Path details;
    private final int orders;
    private final boolean dated;

    /**
     * @param where   how the runner runs, for the report ("in-process, 1 partition")
     * @param details where to write one line per document of the first shuffled run (doc id, gold, story,
     *                decision), or null
     * @param orders  how many shuffled orders
     * @param dated   also run the first shuffled order dated by the date lines in the texts
     */
    public ClusterEvaluation(DecisionRunner runner, String where, Path details, int orders, boolean dated) {
        this.runner = runner;
        this.where = where;
        this.details = details;
        this.orders = orders;
        this.dated = dated;
    }

    /** The usual way: in-process, on one partition, the given order exactly. */
    public static ClusterEvaluation inProcess(Enrichment enrichment, TopologySettings settings, Path details,
                                              int orders, boolean dated) {
        return new ClusterEvaluation(TopologyRunner.inProcess(enrichment, settings), "in-process, 1 partition",
                details, orders, dated);
    }

    /** One order's figures; the revisions per article also by their method (why the article was published again). */
    record Result(Prf first, Prf last, double revisionsPerArticle, Map<String, Double> byMethod, long stories) {
    }

    /** @return the mean B-cubed F1 of the final state over the shuffled orders */
    public double run(Path jsonl, PrintStream out) throws Exception {
        List<Document> docs = EvalDocuments.read(jsonl);
        Map<String, String> gold = new HashMap<>();
        docs.forEach(d -> gold.put(d.id(), d.cluster()));
        long clusters = docs.stream().map(Document::cluster).distinct().count();
        out.printf(Locale.ROOT, "%s: %d documents, %d gold clusters; %s%n", jsonl, docs.size(), clusters, where);
        score("file order", docs, gold, out, false, null);
        List<Result> shuffled = new ArrayList<>();
        List<Document> firstShuffle = null;
        for (int k = 0; k < orders; k++) {
            List<Document> order = new ArrayList<>(docs);
            Collections.shuffle(order, new Random(SHUFFLE_SEED + k));
            firstShuffle = firstShuffle == null ? order : firstShuffle;
            shuffled.add(score("shuffled order (seed " + (SHUFFLE_SEED + k) + ")", order, gold, out, false,
                    k == 0 ? details : null));
        }
        if (dated && firstShuffle != null) {
            score("shuffled order (seed " + SHUFFLE_SEED + "), dated by date lines in the text where there are any",
                    firstShuffle, gold, out, true, null);
        }
        double[] first = shuffled.stream().mapToDouble(r -> r.first().f1()).toArray();
        double[] last = shuffled.stream().mapToDouble(r -> r.last().f1()).toArray();
        double[] revisions = shuffled.stream().mapToDouble(Result::revisionsPerArticle).toArray();
        Map<String, Double> byMethod = new TreeMap<>();
        shuffled.forEach(r -> r.byMethod().forEach((m, x) -> byMethod.merge(m, x / shuffled.size(), Double::sum)));
        out.printf(Locale.ROOT, "over %d shuffled orders: B3 F1 first decisions %.3f ± %.3f, final %.3f ± %.3f; "
                + "revisions per article %.3f%s%n", orders, mean(first), sd(first), mean(last), sd(last),
                mean(revisions), byMethod(byMethod));
        return mean(last);
    }

    private Result score(String name, List<Document> order, Map<String, String> gold, PrintStream out,
                         boolean readDates, Path detailsFile) throws Exception {
        List<Article> stream = EvalDocuments.arriving(order, readDates);
        List<Decision> decisions = runner.decide(stream);
        Map<String, String> firstStory = new HashMap<>();
        Map<String, Decision> last = new HashMap<>();
        long revisions = 0;
        Map<String, Double> byMethod = new TreeMap<>();
        for (Decision d : decisions) {
            String story = d.storyId() != null ? d.storyId() : d.articleId();
            if (d.revision() == 0) {
                firstStory.putIfAbsent(d.articleId(), story);
            } else {
                revisions++;
                byMethod.merge(d.method(), 1.0 / stream.size(), Double::sum);
            }
            last.merge(d.articleId(), d, (a, b) -> b.revision() >= a.revision() ? b : a);
        }
        Map<String, String> finalStory = new HashMap<>();
        last.forEach((id, d) -> finalStory.put(id, d.storyId() != null ? d.storyId() : id));
        List<String> items = order.stream().map(Document::id).toList();
        Prf b3First = ClusterScore.bcubed(items, gold, firstStory);
        Prf pairs = ClusterScore.pairwise(items, gold, finalStory);
        Prf b3 = ClusterScore.bcubed(items, gold, finalStory);
        long stories = finalStory.values().stream().distinct().count();
        long datedCount = stream.stream().filter(a -> !a.published().equals(a.received())).count();
        double perArticle = (double) revisions / stream.size();
        out.printf(Locale.ROOT, "%s: %d stories (%d of %d articles dated in their text)%n", name, stories, datedCount,
                stream.size());
        out.printf(Locale.ROOT, "  first decisions  B3 P %.3f R %.3f F1 %.3f%n", b3First.precision(), b3First.recall(),
                b3First.f1());
        out.printf(Locale.ROOT, "  final  pairwise    P %.3f R %.3f F1 %.3f%n", pairs.precision(), pairs.recall(),
                pairs.f1());
        out.printf(Locale.ROOT, "  final  B3          P %.3f R %.3f F1 %.3f   revisions per article %.3f%s%n",
                b3.precision(), b3.recall(), b3.f1(), perArticle, byMethod(byMethod));
        if (detailsFile != null) {
            writeDetails(detailsFile, decisions, gold);
        }
        return new Result(b3First, b3, perArticle, byMethod, stories);
    }

    /** " (story-rename 0.010, story-split 0.070)": what the revisions were; empty when there were none. */
    private static String byMethod(Map<String, Double> perArticle) {
        if (perArticle.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(" (");
        perArticle.forEach((method, x) -> out.append(out.length() > 2 ? ", " : "")
                .append(String.format(Locale.ROOT, "%s %.3f", method, x)));
        return out.append(')').toString();
    }

    static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return xs.length == 0 ? 0 : s / xs.length;
    }

    static double sd(double[] xs) {
        if (xs.length < 2) {
            return 0;
        }
        double m = mean(xs);
        double s = 0;
        for (double x : xs) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (xs.length - 1));
    }

    /** Tab-separated, in processing order (revisions after first decisions): why each article landed where it did. */
    private static void writeDetails(Path file, List<Decision> decisions, Map<String, String> gold)
            throws java.io.IOException {
        List<String> lines = new ArrayList<>();
        lines.add("doc_id\tgold\tstory_id\tdecision\tmatched_id\tscore\trevision\tmethod");
        for (Decision d : decisions) {
            lines.add(String.join("\t", d.articleId(), gold.get(d.articleId()),
                    d.storyId() != null ? d.storyId() : d.articleId(), d.decision().name(),
                    d.matchedId() != null ? d.matchedId() : "",
                    String.format(Locale.ROOT, "%.3f", d.score()), Integer.toString(d.revision()), d.method()));
        }
        java.nio.file.Files.write(file, lines);
    }
}
