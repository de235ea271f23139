package io.newswire.app.eval;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import io.newswire.app.eval.ClusterScore.Prf;
import io.newswire.app.eval.EvalDocuments.Document;
import io.newswire.common.Article;
import io.newswire.common.Decision;
import io.newswire.processors.nlp.Enrichment;
import io.newswire.processors.TopologySettings;

/**
 * {@code eval clusters}: streams the documents through the topology (with the real models), in file
 * order and in a shuffled order (fixed seed), and scores each article's {@code story_id} against the
 * gold {@code cluster_id}: pairwise and B-cubed precision, recall and F1. Articles are read as ingest
 * reads text files, but dated by their arrival in the run only: evaluation sets carry no publication
 * dates, and dating just the documents that happen to write one at the top would set them years apart
 * from undated reports of the same event (which the run dates today). A third run does exactly that, to
 * show the effect; the figure that counts is the second (shuffled, undated).
 */
public final class ClusterEvaluation {

    static final long SHUFFLE_SEED = 42L;

    private final DecisionRunner runner;
    private final String where;
    private final Path details;

    /**
     * @param where   how the runner runs, for the report ("in-process, 1 partition")
     * @param details where to write one line per document of the shuffled run (doc id, gold, story, decision), or null
     */
    public ClusterEvaluation(DecisionRunner runner, String where, Path details) {
        this.runner = runner;
        this.where = where;
        this.details = details;
    }

    /** The usual way: in-process, on one partition, the given order exactly. */
    public static ClusterEvaluation inProcess(Enrichment enrichment, TopologySettings settings, Path details) {
        return new ClusterEvaluation(TopologyRunner.inProcess(enrichment, settings), "in-process, 1 partition",
                details);
    }

    /** @return B-cubed F1 in the shuffled order */
    public double run(Path jsonl, PrintStream out) throws Exception {
        List<Document> docs = EvalDocuments.read(jsonl);
        Map<String, String> gold = new HashMap<>();
        docs.forEach(d -> gold.put(d.id(), d.cluster()));
        long clusters = docs.stream().map(Document::cluster).distinct().count();
        out.printf(Locale.ROOT, "%s: %d documents, %d gold clusters; %s%n", jsonl, docs.size(), clusters, where);
        List<Document> shuffled = new ArrayList<>(docs);
        Collections.shuffle(shuffled, new Random(SHUFFLE_SEED));
        score("file order", docs, gold, out, false, null);
        double f1 = score("shuffled order (seed " + SHUFFLE_SEED + ")", shuffled, gold, out, false, details);
        score("shuffled order, dated by date lines in the text where there are any", shuffled, gold, out, true, null);
        return f1;
    }

    private double score(String name, List<Document> order, Map<String, String> gold, PrintStream out,
            boolean readDates, Path detailsFile) throws Exception {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        List<Article> stream = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Document d = order.get(i);
            stream.add(EvalDocuments.readAsText(d.id(), EvalDocuments.sentences(d.text()), t0.plusSeconds(i), readDates));
        }
        List<Decision> decisions = runner.decide(stream);
        Map<String, String> story = new HashMap<>();
        decisions.forEach(d -> story.put(d.articleId(), d.storyId() != null ? d.storyId() : d.articleId()));
        List<String> items = order.stream().map(Document::id).toList();
        Prf pairs = ClusterScore.pairwise(items, gold, story);
        Prf b3 = ClusterScore.bcubed(items, gold, story);
        long stories = story.values().stream().distinct().count();
        long dated = stream.stream().filter(a -> !a.published().equals(a.received())).count();
        out.printf(Locale.ROOT, "%s: %d stories (%d of %d articles dated in their text)%n", name, stories, dated,
                stream.size());
        out.printf(Locale.ROOT, "  pairwise P %.3f R %.3f F1 %.3f%n", pairs.precision(), pairs.recall(), pairs.f1());
        out.printf(Locale.ROOT, "  B3       P %.3f R %.3f F1 %.3f%n", b3.precision(), b3.recall(), b3.f1());
        if (detailsFile != null) {
            writeDetails(detailsFile, decisions, gold);
        }
        return b3.f1();
    }

    /** Tab-separated, in processing order: why each article landed where it did, for error analysis. */
    private static void writeDetails(Path file, List<Decision> decisions, Map<String, String> gold)
            throws java.io.IOException {
        List<String> lines = new ArrayList<>();
        lines.add("doc_id\tgold\tstory_id\tdecision\tmatched_id\tscore");
        for (Decision d : decisions) {
            lines.add(String.join("\t", d.articleId(), gold.get(d.articleId()),
                    d.storyId() != null ? d.storyId() : d.articleId(), d.decision().name(),
                    d.matchedId() != null ? d.matchedId() : "",
                    String.format(Locale.ROOT, "%.3f", d.score())));
        }
        java.nio.file.Files.write(file, lines);
    }
}
