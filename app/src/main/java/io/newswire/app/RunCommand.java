package io.newswire.app;

import io.newswire.common.Setting;
import io.newswire.sinks.SinkSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import io.newswire.common.NewswireConfig;
import io.newswire.ingest.ArticlePublisher;
import io.newswire.ingest.sources.BatchIngest;
import io.newswire.processors.nlp.Enrichment;
import io.newswire.processors.ProcessorsApp;
import io.newswire.processors.stories.StoryAggregator;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newswire.sinks.SinkMetrics;
import io.newswire.sinks.SinkRunner;
import io.newswire.sinks.Sinks;
import io.newswire.sinks.file.FileSink;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code newswire run}: ingest, processors and sinks in one process over a set of inputs, on the
 * embedded broker unless bootstrap servers are configured. Exits once every input is processed and
 * written (every published article is on the enriched topic or the dead-letter topic and in {@code out/}).
 */
final class RunCommand implements Command {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    static final Path DEFAULT_INPUT = Path.of("seeds");
    /** Longer than the story step waits to rename, once idle, a story processed out of arrival order. */
    private static final Duration STORY_SETTLE = StoryAggregator.RENAME_IDLE.plusMillis(1_000);

    /** What one run did; the figures the summary line prints. */
    record Summary(int read, int published, long enriched, long kills, long stale, long duplicates, long deadLetters,
                   double seconds, Path out) {
        String line() {
            return String.format(java.util.Locale.ROOT,
                    "newswire run: read %d, published %d, enriched %d, kills %d, stale %d, duplicates %d, "
                            + "dead letters %d, elapsed %.1f s; output in %s", read, published, enriched, kills, stale,
                    duplicates, deadLetters, seconds, out);
        }
    }

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "the whole pipeline in one process over files (embedded broker unless one is configured)";
    }

    @Override
    public List<Setting<?>> settings() {
        return Roles.RUN;
    }

    @Override
    public String help() {
        return """
                Usage: newswire run [--input PATH...] [--format NAME] [--out DIR] [--data-dir DIR] [--timeout SECONDS]
                                    [--serve] [--sinks file,postgres,webhook]

                Reads every file under the inputs (default: seeds/) in any supported format (see ingest
                --help), publishes the articles to news.raw,
                runs the processors and the configured sinks (default: JSON Lines files under out/, a
                folder per topic), then prints a summary and exits.

                With no bootstrap servers configured it starts an embedded single-node Kafka broker whose
                data lives in --data-dir or in a temporary folder removed on exit.

                  --input PATH...     files or folders to read (default: seeds)
                  --out DIR           output folder (default: out)
                  --format NAME       force one format instead of detecting each file's
                  --data-dir DIR      keep the embedded broker's data here
                  --timeout SECONDS   give up waiting for the output after this long (default: 300)
                  --serve             keep running with the live dashboard (dashboard.port, default 8088),
                                      /metrics and /health until SIGTERM or Ctrl-C
                """;
    }

    @Override
    public int execute(Args args, NewswireConfig config) throws Exception {
        List<Path> inputs = args.inputs().isEmpty() ? List.of(DEFAULT_INPUT) : args.inputs();
        Optional<WhileServing> serve = Optional.empty();
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        if (args.options().containsKey("serve")) {
            // SIGTERM / Ctrl-C: the hook releases the serving thread, then waits until the run closed the
            // processors, sinks and embedded broker cleanly (the JVM exits when the hook returns).
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopRequested.countDown();
                try {
                    closed.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "newswire-shutdown"));
            serve = Optional.of((summary, dashboard) -> {
                System.out.println(summary.line());
                System.out.println("newswire run: dashboard at " + dashboard.url() + " (metrics at "
                        + dashboard.url() + "metrics); stop with SIGTERM or Ctrl-C");
                stopRequested.await();
            });
        }
        try {
            Summary summary = run(config, inputs, Duration.ofSeconds(args.intOption("timeout", 300)),
                    Enrichment.withModels(), Optional.ofNullable(args.options().get("format")), serve);
            if (serve.isEmpty()) {
                System.out.println(summary.line());
            }
            return 0;
        } finally {
            closed.countDown();
        }
    }

    /** What {@code run --serve} does once the inputs are through, with everything still running. */
    @FunctionalInterface
    interface WhileServing {
        void serve(Summary summary, Dashboard dashboard) throws Exception;
    }

    static Summary run(NewswireConfig config, List<Path> inputs, Duration timeout, Enrichment enrichment)
            throws Exception {
        return run(config, inputs, timeout, enrichment, Optional.empty(), Optional.empty());
    }

    static Summary run(NewswireConfig config, List<Path> inputs, Duration timeout, Enrichment enrichment,
                       Optional<String> format, Optional<WhileServing> serve) throws Exception {
        long started = System.nanoTime();
        EmbeddedKafka broker = null;
        Path tempState = null;
        try {
            if (config.bootstrapServers().isEmpty()) {
                broker = EmbeddedKafka.start(EmbeddedKafka.dataDir(config));
                config = config.withBootstrapServers(broker.bootstrapServers());
                if (EmbeddedKafka.dataDir(config).isEmpty()) {
                    // A fresh broker's output replaces the last run's: the file sink keeps the first record of
                    // each id and version, so the previous run's files would mask this run's links.
                    for (Path folder : FileSink.folders(SinkSettings.from(config).outDir(), config.topics())) {
                        Folders.deleteRecursively(folder);
                    }
                }
                if (config.get(ProcessorsApp.STATE_DIR).isBlank()) {
                    // Fresh broker, fresh state: old local state would not match the new cluster's offsets.
                    tempState = Folders.temporary("streams");
                    config = config.with(ProcessorsApp.STATE_DIR, tempState.toString());
                }
            }
            TopicAdmin.ensureTopics(config);
            SchemaRegistration.registerIfConfigured(config);
            return pipeline(config, inputs, timeout, enrichment, format, serve, started);
        } finally {
            if (broker != null) {
                broker.close();
            }
            if (tempState != null) {
                Folders.remove(tempState);
            }
        }
    }

    private static Summary pipeline(NewswireConfig config, List<Path> inputs, Duration timeout,
                                    Enrichment enrichment, Optional<String> format, Optional<WhileServing> serve,
                                    long started) throws Exception {
        AtomicReference<Throwable> sinkFailure = new AtomicReference<>();
        PrometheusMeterRegistry registry = Dashboard.registry();
        try (ProcessorsApp processors = new ProcessorsApp(config, enrichment);
             SinkRunner sink = new SinkRunner(config, Sinks.open(config, Clock.systemUTC()),
                     new SinkMetrics(registry), Clock.systemUTC());
             Dashboard dashboard = serve.isPresent() ? Dashboard.start(config, registry, Map.of(
                     "processors", () -> processors.state() == KafkaStreams.State.RUNNING,
                     "sink", () -> sinkFailure.get() == null)) : null) {
            processors.bindMetrics(registry);
            processors.start();
            Thread sinkThread = new Thread(() -> {
                try {
                    sink.run();
                } catch (Throwable e) {
                    sinkFailure.set(e);
                }
            }, "newswire-sink");
            sinkThread.start();

            BatchIngest.Report ingested;
            try (ArticlePublisher publisher = new ArticlePublisher(config.clientProperties(), config.topics())) {
                ingested = IngestCommand.batch(config, publisher, Clock.systemUTC(), format).run(inputs);
            }
            for (var result : Map.of("published", ingested.published(), "rejected", ingested.rejected()).entrySet()) {
                io.micrometer.core.instrument.Counter.builder("newswire.ingest.articles")
                        .description("inputs ingest published as articles or refused as dead letters, by result")
                        .tag("result", result.getKey()).register(registry).increment(result.getValue());
            }
            if (ingested.failed() > 0) {
                throw new IllegalStateException(ingested.failed() + " records were not acknowledged by the broker");
            }
            long expected = (long) ingested.published() + ingested.rejected();
            long deadline = System.nanoTime() + timeout.toNanos();
            SinkRunner.Stats stats = sink.stats();
            // Every published record ends as an article, a kill (a tombstone), a stale version (a decision
            // only) or a dead letter.
            while (stats.enriched() + stats.kills() + stats.stale() + stats.deadLetters() < expected) {
                if (sinkFailure.get() != null) {
                    throw new IllegalStateException("the sink failed", sinkFailure.get());
                }
                KafkaStreams.State state = processors.state();
                if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING) {
                    throw new IllegalStateException("the processors stopped (state " + state + ")");
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s: " + stats
                            + " of " + expected + " expected records written");
                }
                Thread.sleep(50);
                stats = sink.stats();
            }
            // Story states and revisions come from a later sub-topology; let them settle before stopping.
            long storiesSeen;
            long revisionsSeen;
            do {
                storiesSeen = sink.stats().stories();
                revisionsSeen = sink.stats().revisions();
                Thread.sleep(STORY_SETTLE.toMillis());
            } while ((sink.stats().stories() != storiesSeen || sink.stats().revisions() != revisionsSeen)
                    && System.nanoTime() < deadline);
            stats = sink.stats();
            double seconds = (System.nanoTime() - started) / 1e9;
            Summary summary = new Summary(ingested.files(), ingested.published(), stats.enriched(), stats.kills(),
                    stats.stale(), stats.duplicates(), stats.deadLetters(), seconds, SinkSettings.from(config).outDir());
            if (dashboard != null) {
                serve.get().serve(summary, dashboard);
            }
            sink.stop();
            sinkThread.join(Duration.ofSeconds(30).toMillis());
            LOG.debug("sink stopped: {}", sink.stats());
            return summary;
        }
    }
}
