package io.newswire.app.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import io.newswire.app.eval.EvalDocuments.Document;
import io.newswire.common.Article;
import io.newswire.processors.TopologySettings;
import io.newswire.processors.match.vectors.StoryPairModel;
import io.newswire.processors.match.vectors.StoryVector;
import io.newswire.processors.nlp.Enrichment;

/**
 * {@code train story-pairs}: fits the story pair model ({@link StoryPairModel}) on documents with gold event
 * clusters. Every document goes through the stream's own enrichment (in-process topology, file order); its
 * story vector is built with document frequencies counted over the whole set. The examples are every pair of
 * documents within one topic (the part of a cluster id before {@code _}: in ECB+ two events of one kind) and
 * every pair across topics whose words have a cosine of at least {@value #CROSS_TOPIC_FLOOR} (the unrelated
 * candidates the index would bring); the label is "same cluster", the features the pair's word, number and
 * per-type entity cosines ({@link StoryVector#classDots}). Prints the coefficients and, for the pairs within
 * topics, the ranking quality (AUC) of the fitted score beside the fixed 0.6/0.4 one, then writes the model.
 */
public final class StoryPairTraining {

    static final double CROSS_TOPIC_FLOOR = 0.05;
    static final double L2 = 1e-4;

    private final Enrichment enrichment;
    private final TopologySettings settings;

    public StoryPairTraining(Enrichment enrichment, TopologySettings settings) {
        this.enrichment = enrichment;
        this.settings = settings;
    }

    record Example(String a, String b, boolean sameTopic, boolean same, double[] features) {
    }

    /** @return the fitted model, also written to {@code out} when not null */
    public StoryPairModel run(Path jsonl, Path out, Path featuresFile, PrintStream report) throws Exception {
        List<Document> docs = EvalDocuments.read(jsonl);
        List<Article> enriched = TopologyRunner.enrich(enrichment, settings, EvalDocuments.arriving(docs, false));
        Map<String, Document> byId = new HashMap<>();
        docs.forEach(d -> byId.put(d.id(), d));
        List<Example> examples = examples(enriched, byId);
        long positives = examples.stream().filter(Example::same).count();
        report.printf(Locale.ROOT, "%s: %d documents, %d pairs (%d same event, %d within topics)%n", jsonl,
                enriched.size(), examples.size(), positives, examples.stream().filter(Example::sameTopic).count());
        if (featuresFile != null) {
            writeFeatures(featuresFile, examples);
        }
        LogisticRegression.Fit fit = new LogisticRegression(L2).fit(
                examples.stream().map(Example::features).toList(), examples.stream().map(Example::same).toList());
        StoryPairModel model = new StoryPairModel(fit.weights(), fit.intercept());
        report.printf(Locale.ROOT, "logistic regression (L2 %.0e, %d Newton steps): intercept %.3f%n", L2,
                fit.iterations(), fit.intercept());
        for (int k = 0; k < StoryVector.CLASSES; k++) {
            report.printf(Locale.ROOT, "  %-13s %.3f   (scaled %.3f)%n", StoryPairModel.NAMES.get(k),
                    fit.weights()[k], model.scaled()[k]);
        }
        List<Example> within = examples.stream().filter(Example::sameTopic).toList();
        double[] fixed = StoryPairModel.FIXED.scaled();
        report.printf(Locale.ROOT, "within topics: AUC fixed 0.6/0.4 weights %.3f, fitted %.3f%n",
                auc(within, fixed), auc(within, model.scaled()));
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, model.toProperties("./newswire train story-pairs --jsonl " + jsonl.getFileName()));
            report.println("model written to " + out);
        }
        return model;
    }

    private static List<Example> examples(List<Article> articles, Map<String, Document> docs) {
        Map<String, StoryVector> vectors = WholeSetVectors.of(articles);
        List<StoryVector> v = articles.stream().map(a -> vectors.get(a.id())).toList();
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            for (int j = i + 1; j < articles.size(); j++) {
                Document a = docs.get(articles.get(i).id());
                Document b = docs.get(articles.get(j).id());
                boolean sameTopic = topic(a).equals(topic(b));
                if (!sameTopic && v.get(i).termCosine(v.get(j)) < CROSS_TOPIC_FLOOR) {
                    continue;
                }
                out.add(new Example(a.id(), b.id(), sameTopic, a.cluster().equals(b.cluster()),
                        v.get(i).classDots(v.get(j))));
            }
        }
        return out;
    }

    private static String topic(Document d) {
        int cut = d.cluster().indexOf('_');
        return cut < 0 ? d.cluster() : d.cluster().substring(0, cut);
    }

    /** The probability that a random same-event pair outscores a random different-event pair (ties count half). */
    static double auc(List<Example> examples, double[] weights) {
        List<double[]> scored = new ArrayList<>();
        for (Example e : examples) {
            double s = 0;
            for (int k = 0; k < weights.length; k++) {
                s += weights[k] * e.features()[k];
            }
            scored.add(new double[] {s, e.same() ? 1 : 0});
        }
        scored.sort((x, y) -> Double.compare(x[0], y[0]));
        double rankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < scored.size()) {
            int j = i;
            while (j < scored.size() && scored.get(j)[0] == scored.get(i)[0]) {
                j++;
            }
            double rank = (i + j + 1) / 2.0; // mean 1-based rank of the tied run
            for (int k = i; k < j; k++) {
                if (scored.get(k)[1] == 1) {
                    rankSum += rank;
                    positives++;
                }
            }
            i = j;
        }
        long negatives = scored.size() - positives;
        return positives == 0 || negatives == 0 ? Double.NaN
                : (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    private static void writeFeatures(Path file, List<Example> examples) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("a\tb\tsame_topic\tsame\t" + String.join("\t", StoryPairModel.NAMES));
        for (Example e : examples) {
            StringBuilder line = new StringBuilder(e.a() + "\t" + e.b() + "\t" + (e.sameTopic() ? 1 : 0) + "\t"
                    + (e.same() ? 1 : 0));
            for (double f : e.features()) {
                line.append('\t').append(String.format(Locale.ROOT, "%.5f", f));
            }
            lines.add(line.toString());
        }
        Files.write(file, lines);
    }
}
