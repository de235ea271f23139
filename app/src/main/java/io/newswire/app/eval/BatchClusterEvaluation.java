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
import io.newswire.app.eval.ClusterScore.Prf;
import io.newswire.app.eval.EvalDocuments.Document;
import io.newswire.processors.TopologySettings;
import io.newswire.processors.match.vectors.StoryVector;
import io.newswire.processors.nlp.Enrichment;
import io.newswire.processors.stories.Reclustering;
import io.newswire.processors.stories.RevisionRules;

/**
 * {@code eval clusters --batch}: the whole set clustered at once instead of streamed, by the story step's own
 * pair score and thresholds ({@link Reclustering#events}: average link at {@code story.split.threshold}, then
 * bisections at {@code story.split.ratio}). Every document goes through the stream's enrichment (in-process,
 * file order); its story vector is built with document frequencies counted over the whole set, so every vector
 * sees the same counts. The figure is what the pair score allows when every article is known before any is
 * placed, against which the stream's decisions and revisions compare; the orders show that it does not depend
 * on the order of arrival. A document the enrichment did not return (dead-lettered) is counted out, and the
 * report says how many were scored.
 */
public final class BatchClusterEvaluation {

    private final Enrichment enrichment;
    private final TopologySettings settings;
    private final int orders;

    public BatchClusterEvaluation(Enrichment enrichment, TopologySettings settings, int orders) {
        this.enrichment = enrichment;
        this.settings = settings;
        this.orders = orders;
    }

    /** @return the mean B-cubed F1 over the shuffled orders */
    public double run(Path jsonl, PrintStream out) throws Exception {
        List<Document> docs = EvalDocuments.read(jsonl);
        Map<String, String> gold = new HashMap<>();
        docs.forEach(d -> gold.put(d.id(), d.cluster()));
        RevisionRules rules = settings.revisions();
        out.printf(Locale.ROOT, "%s: %d documents, %d gold clusters; the whole set at once: average link at %.2f, "
                        + "then bisections at ratio %.2f%n", jsonl, docs.size(),
                docs.stream().map(Document::cluster).distinct().count(), rules.splitThreshold(), rules.splitRatio());
        Map<String, StoryVector> vectors = WholeSetVectors.of(TopologyRunner.enrich(enrichment, settings,
                EvalDocuments.arriving(docs, false)));
        Reclustering reclustering = new Reclustering(settings.storyScorer());
        score("file order", docs, vectors, reclustering, rules, gold, out);
        double[] f1 = new double[orders];
        for (int k = 0; k < orders; k++) {
            List<Document> order = new ArrayList<>(docs);
            Collections.shuffle(order, new Random(ClusterEvaluation.SHUFFLE_SEED + k));
            f1[k] = score("shuffled order (seed " + (ClusterEvaluation.SHUFFLE_SEED + k) + ")", order, vectors,
                    reclustering, rules, gold, out).f1();
        }
        double mean = ClusterEvaluation.mean(f1);
        out.printf(Locale.ROOT, "over %d shuffled orders: B3 F1 %.3f ± %.3f%n", orders, mean, ClusterEvaluation.sd(f1));
        return mean;
    }

    private static Prf score(String name, List<Document> order, Map<String, StoryVector> vectors,
                             Reclustering reclustering, RevisionRules rules, Map<String, String> gold,
                             PrintStream out) {
        List<String> items = order.stream().map(Document::id).filter(vectors::containsKey).toList();
        List<List<Integer>> events = reclustering.events(items.stream().map(vectors::get).toList(),
                rules.splitThreshold(), rules.splitRatio());
        Map<String, String> story = new HashMap<>();
        for (List<Integer> event : events) {
            String id = items.get(event.get(0));
            event.forEach(i -> story.put(items.get(i), id));
        }
        Prf pairs = ClusterScore.pairwise(items, gold, story);
        Prf b3 = ClusterScore.bcubed(items, gold, story);
        out.printf(Locale.ROOT, "%s: %d stories of %d documents scored%n", name, events.size(), items.size());
        out.printf(Locale.ROOT, "  pairwise    P %.3f R %.3f F1 %.3f%n", pairs.precision(), pairs.recall(), pairs.f1());
        out.printf(Locale.ROOT, "  B3          P %.3f R %.3f F1 %.3f%n", b3.precision(), b3.recall(), b3.f1());
        return b3;
    }
}
