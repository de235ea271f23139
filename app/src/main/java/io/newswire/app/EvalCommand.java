package io.newswire.app;

import io.newswire.common.Setting;
import java.util.List;
import io.newswire.processors.ProcessorsApp;
import java.nio.file.Path;
import java.time.Duration;
import io.newswire.app.eval.BatchClusterEvaluation;
import io.newswire.app.eval.BrokerRunner;
import io.newswire.app.eval.ClusterEvaluation;
import io.newswire.app.eval.FormatsEvaluation;
import io.newswire.app.eval.NearDupEvaluation;
import io.newswire.app.eval.LinkingEvaluation;
import io.newswire.app.eval.NerEvaluation;
import io.newswire.ingest.formats.WebChromeCleaner;
import io.newswire.ingest.formats.Formats;
import io.newswire.common.NewswireConfig;
import io.newswire.processors.nlp.Enrichment;
import io.newswire.processors.TopologySettings;
import io.newswire.processors.nlp.CoreNlpTagger;

/** {@code newswire eval WHAT}: measures a stage against a labelled evaluation set. */
final class EvalCommand implements Command {

    @Override
    public String name() {
        return "eval";
    }

    @Override
    public String summary() {
        return "measure a stage on an evaluation set";
    }

    @Override
    public List<String> subcommands() {
        return List.of("ner --conll FILE            NER P/R/F1 per type, stock CoreNLP and ours",
                "formats DIR                 parse every file as ingest does",
                "neardup --jsonl FILE [--on-kafka]   near-duplicate recall and false links",
                "clusters --jsonl FILE [--orders K] [--dated] [--details OUT.tsv] [--on-kafka [--pace-ms MS]]   B-cubed of story_id against gold",
                "clusters --jsonl FILE --batch [--orders K]   B-cubed of the whole set clustered at once",
                "linking --jsonl FILE [--details OUT.tsv]   end-to-end entity linking P/R/F1 (ZELDA format)",
                "linking --conll FILE [--details OUT.tsv]   share of CoNLL-2003 entity mentions linked (no gold pages)");
    }

    @Override
    public List<Setting<?>> settings() {
        return Roles.EVAL;
    }

    @Override
    public String help() {
        return """
                Usage: newswire eval ner --conll FILE
                       newswire eval formats DIR
                       newswire eval neardup --jsonl FILE [--on-kafka]
                       newswire eval clusters --jsonl FILE [--orders K] [--dated] [--details OUT.tsv] [--on-kafka [--pace-ms MS]]
                       newswire eval clusters --jsonl FILE --batch [--orders K]
                       newswire eval linking --jsonl FILE [--details OUT.tsv]
                       newswire eval linking --conll FILE [--details OUT.tsv]

                  ner   Reads a CoNLL-2003 file (token POS chunk NER; IOB1 or IOB2; -DOCSTART- separators),
                        rebuilds each document's text (first sentence as headline), runs the same NER the
                        stream uses and, in the same run, the bare CoreNLP CRF, and prints precision, recall
                        and F1 per type and overall for both (exact span and type). Last line: overall F1.
                  formats
                        Detects and parses every file under DIR as ingest does and prints, per file, the
                        format and each item (id, headline, body length, published time; pictures and
                        other items without text by kind). Last line: parsed N/M files.
                  neardup
                        Reads doc_id/text/cluster_id lines, makes 2 syndication variants of each article
                        (headline rewritten, wire boilerplate added, up to 10% of words edited, last
                        paragraph dropped; fixed seed), streams originals then variants through the
                        topology and prints near-duplicate recall and false links between different
                        articles. Last line: near-dup recall R, false rate F. --on-kafka as for clusters.
                  clusters
                        Streams doc_id/text/cluster_id lines through the topology (real models) in file
                        order and in K shuffled orders (--orders, default 5; seeds 42, 43, ...) and prints
                        B-cubed precision, recall and F1 of story_id against cluster_id for the first
                        decisions and for the final state (each article's last revision), the revisions
                        per article (also by method: story-merge, story-split, story-rename,
                        entity-respell), then the mean ± sd over the shuffled orders. Last line: B3 F1 (mean of
                        the final state over the shuffled orders). --dated adds a run dated by the date lines
                        in the texts. --details writes the first shuffled run's decisions and revisions (doc,
                        gold, story, decision, matched article, score, revision, method) as tab-separated
                        lines. In-process (one partition, the exact order) unless --on-kafka: then through the
                        processors as deployed, on the configured broker or an embedded one, with
                        topic.partitions partitions, the final state read once revisions settle. There the
                        whole set is on the topic before the processors start (one burst), unless --pace-ms
                        MS: then the processors start first and the articles arrive MS apart. --batch
                        instead clusters the whole set at once, not streamed: each document enriched as the
                        stream does, its story vector with document frequencies of the whole set, then
                        average link at story.split.threshold and bisections at story.split.ratio with the
                        story pair score, in file order and K shuffled orders. Last line: B3 F1 (mean over
                        the shuffled orders).
                  linking
                        Reads ZELDA-format lines (text, index = [[start, end], ...], wikipedia_titles), runs
                        the stream's NER, entity assembly and Wikipedia linking on each text and prints
                        precision, recall and F1 of end-to-end linking per NER type and overall: a gold
                        mention is found when an overlapping predicted mention carries its title; precision
                        counts the linked predictions that overlap a gold span. Last line: linking F1.
                        --details writes one line per gold mention: document, surface, gold title,
                        predicted title, NER type (tab-separated), for error analysis. With --conll
                        instead: a CoNLL-2003 file, each document's tokens joined by spaces (as ZELDA
                        builds its news set), and per NER type the share of gold mentions a linked
                        prediction overlaps (there are no pages to score); last line: linked share. Its
                        --details files from two versions compare line by line.
                """;
    }

    @Override
    public int execute(Args args, NewswireConfig config) throws Exception {
        String what = args.inputs().isEmpty() ? "" : args.inputs().get(0).toString();
        if (what.equals("formats")) {
            if (args.inputs().size() != 2) {
                throw new Args.UsageException("eval formats needs one folder: eval formats DIR");
            }
            int failed = new FormatsEvaluation(new Formats(new WebChromeCleaner())).run(args.inputs().get(1), System.out);
            return failed == 0 ? 0 : 1;
        }
        if (what.equals("clusters")) {
            String jsonl = args.options().get("jsonl");
            if (jsonl == null) {
                throw new Args.UsageException("eval clusters needs --jsonl FILE");
            }
            Path details = args.options().containsKey("details") ? Path.of(args.options().get("details")) : null;
            int orders = args.intOption("orders", 5);
            if (orders < 1) {
                throw new Args.UsageException("--orders takes a positive number, not " + orders);
            }
            boolean dated = args.options().containsKey("dated");
            int paceMillis = args.intOption("pace-ms", 0);
            if (paceMillis < 0 || (paceMillis > 0 && !args.options().containsKey("on-kafka"))) {
                throw new Args.UsageException("--pace-ms takes a number of milliseconds ≥ 0, with --on-kafka");
            }
            if (args.options().containsKey("batch")) {
                if (args.options().containsKey("on-kafka") || dated || details != null) {
                    throw new Args.UsageException("--batch takes only --orders: it streams nothing");
                }
                printB3(new BatchClusterEvaluation(Enrichment.withModels(), TopologySettings.from(config), orders)
                        .run(Path.of(jsonl), System.out));
            } else if (args.options().containsKey("on-kafka")) {
                Duration pace = Duration.ofMillis(paceMillis);
                OnBroker.run(config, target -> printB3(new ClusterEvaluation(
                        new BrokerRunner(target, Enrichment.withModels(), pace), onKafka(target), details, orders, dated)
                        .run(Path.of(jsonl), System.out)));
            } else {
                printB3(ClusterEvaluation.inProcess(Enrichment.withModels(), TopologySettings.from(config), details,
                        orders, dated).run(Path.of(jsonl), System.out));
            }
            return 0;
        }
        if (what.equals("neardup")) {
            String jsonl = args.options().get("jsonl");
            if (jsonl == null) {
                throw new Args.UsageException("eval neardup needs --jsonl FILE");
            }
            if (args.options().containsKey("on-kafka")) {
                OnBroker.run(config, target -> new NearDupEvaluation(TopologySettings.from(target),
                        new BrokerRunner(target, Enrichment.none()), onKafka(target)).run(Path.of(jsonl), System.out));
            } else {
                NearDupEvaluation.inProcess(TopologySettings.from(config)).run(Path.of(jsonl), System.out);
            }
            return 0;
        }
        if (what.equals("linking")) {
            String jsonl = args.options().get("jsonl");
            String conll = args.options().get("conll");
            if ((jsonl == null) == (conll == null)) {
                throw new Args.UsageException("eval linking needs --jsonl FILE or --conll FILE");
            }
            String detailsFile = args.options().get("details");
            try (java.io.PrintStream details = detailsFile == null ? null
                    : new java.io.PrintStream(java.nio.file.Files.newOutputStream(Path.of(detailsFile)), false,
                    java.nio.charset.StandardCharsets.UTF_8)) {
                LinkingEvaluation evaluation = new LinkingEvaluation(Enrichment.extractor()::extract, details);
                if (jsonl != null) {
                    evaluation.run(Path.of(jsonl), System.out);
                } else {
                    evaluation.coverage(Path.of(conll), System.out);
                }
            }
            return 0;
        }
        if (!what.equals("ner")) {
            throw new Args.UsageException("eval needs what to evaluate: ner, formats, neardup, clusters or linking");
        }
        String conll = args.options().get("conll");
        if (conll == null) {
            throw new Args.UsageException("eval ner needs --conll FILE");
        }
        new NerEvaluation(CoreNlpTagger.shared()::tag).run(Path.of(conll), System.out);
        return 0;
    }

    private static String onKafka(NewswireConfig target) {
        return String.format(java.util.Locale.ROOT, "on Kafka, %d partitions, %s", target.partitions(),
                target.get(ProcessorsApp.GUARANTEE));
    }

    private static void printB3(double f1) {
        System.out.printf(java.util.Locale.ROOT, "B3 F1 %.3f%n", f1);
    }
}
