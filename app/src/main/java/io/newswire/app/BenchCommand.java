package io.newswire.app;

import io.newswire.common.Setting;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import io.newswire.app.bench.EnrichBenchmark;
import io.newswire.app.eval.EvalDocuments;
import io.newswire.common.Article;
import io.newswire.common.DeadLetter;
import io.newswire.common.NewswireConfig;
import io.newswire.ingest.sources.FileSource;
import io.newswire.ingest.IngestListener;
import io.newswire.ingest.formats.PlainTextFormat;
import io.newswire.ingest.formats.WebChromeCleaner;
import io.newswire.processors.prepare.NormalizeStage;

/** {@code newswire bench WHAT}: prints throughput figures as ratios against a baseline run alongside. */
final class BenchCommand implements Command {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "benchmarks against a baseline measured in the same run";
    }

    @Override
    public List<String> subcommands() {
        return List.of("enrich [--input PATH...] [--articles N] [--threads N]   enrichment vs bare CoreNLP",
                "dedup [PATH...] [--jsonl FILE] [--articles N]    the topology without models vs a pass-through one",
                "index [PATH...] [--jsonl FILE] [--articles N] [--spacing-ms MS]   the dedup and story index alone",
                "ingest [PATH...] [--jsonl FILE] [--articles N]   batch ingest vs Kafka's ProducerPerformance",
                "latency [PATH...] [--jsonl FILE] [--articles N] [--seconds S]   sustained rate, then latency percentiles",
                "pipeline [PATH...] [--jsonl FILE] [--articles N] [--threads T]   the whole topology vs bare CoreNLP");
    }

    @Override
    public List<Setting<?>> settings() {
        return Roles.EVAL;
    }

    @Override
    public String help() {
        return """
                Usage: newswire bench enrich [--input PATH...] [--articles N] [--threads N]
                       newswire bench dedup [PATH...] [--jsonl FILE] [--articles N]
                       newswire bench index [PATH...] [--jsonl FILE] [--articles N] [--spacing-ms MS]
                       newswire bench ingest [PATH...] [--jsonl FILE] [--articles N]
                       newswire bench latency [PATH...] [--jsonl FILE] [--articles N] [--seconds S]
                       newswire bench pipeline [PATH...] [--jsonl FILE] [--articles N] [--threads T]

                  The texts: the files under PATH (default seeds/), and with --jsonl the documents of an
                  evaluation file (doc_id/text lines, as eval reads them: each sentence a paragraph, the first
                  the headline), e.g. --jsonl ecbplus/dev.jsonl seeds.

                  enrich  The enrichment stage (language detection, NER, canonical entities, registry) next
                          to the bare CoreNLP pipeline on the same articles, on 1..N threads (default 2), best
                          of 3 alternating rounds. The corpus is the input files (default: seeds/), cleaned as
                          ingest cleans them, repeated to --articles (default 200). Prints articles/s,
                          tokens/s, the ratio and the heap in use.
                  dedup   The processors' topology without models (validate ... LSH dedup, stories) next to
                          a pass-through topology, on one broker (embedded unless configured) and one
                          pre-filled raw topic: articles/s from first to last output record, the ratio,
                          and local state per article by store, as the run left it and after a full
                          compaction of every store (what they hold without the deleted entries' files). Corpus (--articles, default 5000): articles made of
                          paragraphs drawn from the texts under PATH (default seeds/), 1 in 10 an exact copy
                          of a recent one and 1 in 10 a copy with 3% of words edited. With more than 10000
                          articles it also prints the processors' rate per window (10k, 20k, 50k, 100k, ...)
                          as the dedup and story index grows, and each window's ratio to the first.
                  index   The dedup and story index alone, without a broker: the processors' steps (story
                          vector, LSH and story probe, gather and decision, corrections) on one partition's
                          RocksDB stores, for --articles (default 1000000) of the dedup corpus, --spacing-ms
                          apart (default 600: a million articles a week apart). Prints the rate per window
                          (10k, 20k, 50k, ...) against the first, the MinHash signature's cost per article
                          in the same window and the index's cost over it, the decisions and the state per
                          article; last line: index/signature ratio R (of the last window).
                  ingest  Batch ingest of --articles files (default 10000, made from the texts under PATH)
                          from disk to broker acknowledgement, next to Kafka's ProducerPerformance sending
                          the same serialized articles with the same producer settings; best of 2
                          alternating rounds, and the ratio.
                  latency The processors with the real models: the max sustained rate draining a backlog of
                          --articles (default 1000), then, on the warm processors, a fixed offered load of half
                          that rate for --seconds (default 60), timing each article from publication to
                          news.enriched (read_committed): p50, p90, p99 and max.
                  pipeline Bare CoreNLP tagging --articles (default 600) on T threads (default 1), then the
                          whole topology with the real models on T stream threads (exactly-once, embedded
                          broker unless configured) draining the same articles as a backlog (after an
                          untimed warm-up pass over the first 500 on topics of their own), then bare
                          CoreNLP again; last line: pipeline/bare-NER ratio R (topology over the mean bare).
                """;
    }

    @Override
    public int execute(Args args, NewswireConfig config) throws Exception {
        String what = args.inputs().isEmpty() ? "" : args.inputs().get(0).toString();
        List<Path> inputs = args.inputs().size() > 1 ? args.inputs().subList(1, args.inputs().size())
                : List.of(RunCommand.DEFAULT_INPUT);
        String jsonl = args.options().get("jsonl");
        List<Article> texts = jsonl == null ? List.of() : EvalDocuments.texts(Path.of(jsonl));
        switch (what) {
            case "enrich" -> {
                List<Article> corpus = corpus(texts, inputs, args.intOption("articles", 200));
                new EnrichBenchmark(corpus, System.out).run(args.intOption("threads", 2));
            }
            case "dedup" -> OnBroker.run(config, target -> new io.newswire.app.bench.DedupBenchmark(target, System.out)
                    .run(corpus(texts, inputs, 0), args.intOption("articles", 5000)));
            case "index" -> new io.newswire.app.bench.IndexBenchmark(
                    io.newswire.processors.TopologySettings.from(config).inProcess(),
                    config.get(io.newswire.processors.ProcessorsApp.STATE_COMPRESSION), System.out)
                    .run(corpus(texts, inputs, 0), args.intOption("articles", 1_000_000),
                            java.time.Duration.ofMillis(args.intOption("spacing-ms", 600)));
            case "ingest" -> OnBroker.run(config, target -> new io.newswire.app.bench.IngestBenchmark(target, System.out)
                    .run(corpus(texts, inputs, 0), args.intOption("articles", 10000)));
            case "latency" -> OnBroker.run(config, target -> new io.newswire.app.bench.LatencyBenchmark(target, System.out)
                    .run(corpus(texts, inputs, 0), args.intOption("articles", 1000),
                            java.time.Duration.ofSeconds(args.intOption("seconds", 60))));
            case "pipeline" -> OnBroker.run(config, target -> new io.newswire.app.bench.PipelineBenchmark(target,
                    System.out).run(corpus(texts, inputs, 0), args.intOption("articles", 600), args.intOption("threads", 1)));
            default -> throw new Args.UsageException(
                    "bench needs what to measure: enrich, dedup, index, ingest, latency or pipeline");
        }
        return 0;
    }

    static List<Article> corpus(List<Path> inputs, int size) throws Exception {
        return corpus(List.of(), inputs, size);
    }

    /** The texts of {@code --jsonl} and the articles under {@code inputs}, cleaned, repeated to {@code size} (0: as read). */
    static List<Article> corpus(List<Article> texts, List<Path> inputs, int size) throws Exception {
        NormalizeStage normalize = new NormalizeStage();
        List<Article> read = new ArrayList<>();
        texts.forEach(t -> read.add(normalize.apply(t)));
        FileSource.detecting(1_000_000, Clock.systemUTC())
                .read(inputs, new IngestListener() {
                    @Override
                    public void accepted(Article article) {
                        read.add(normalize.apply(article));
                    }

                    @Override
                    public void rejected(DeadLetter deadLetter) {
                        // the benchmark measures articles; unreadable inputs are left out
                    }
                });
        if (read.isEmpty()) {
            throw new Args.UsageException("no readable articles under " + inputs);
        }
        if (size == 0) {
            return read;
        }
        List<Article> corpus = new ArrayList<>();
        for (int i = 0; corpus.size() < size; i++) {
            corpus.add(read.get(i % read.size()));
        }
        return corpus;
    }
}
