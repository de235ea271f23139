package io.newswire.app.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import edu.stanford.nlp.pipeline.Annotation;
import io.newswire.app.TopicAdmin;
import io.newswire.common.Article;
import io.newswire.common.NewswireConfig;
import io.newswire.ingest.ArticlePublisher;
import io.newswire.processors.NewsTopology;
import io.newswire.processors.TopologySettings;
import io.newswire.processors.nlp.CoreNlpTagger;
import io.newswire.processors.nlp.Enrichment;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The whole processors topology with the real models against the work it cannot avoid: bare CoreNLP (the
 * same lean configuration) tagging the same articles on T threads, then the topology (language, NER, linking,
 * registry, dedup, stories, revisions, exactly-once) on T stream threads through the broker draining them as a
 * backlog (after a first, untimed pass over the first {@value #WARM_UP} on topics of its own, so that its code
 * is compiled as CoreNLP's is), timed from the start of the warm processors to the last article on news.enriched; then bare
 * CoreNLP again, so that drift on a shared machine shows. The ratio is the topology's rate over the mean of
 * the two bare rates; the last line is {@code pipeline/bare-NER ratio R}.
 */
public final class PipelineBenchmark {

    /** Articles the topology drains, on topics of its own, before it is timed. */
    static final int WARM_UP = 500;

    private final NewswireConfig config;
    private final PrintStream out;

    public PipelineBenchmark(NewswireConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    public void run(List<Article> base, int count, int threads) throws Exception {
        BenchCorpus corpus = new BenchCorpus(base, Instant.now(), Duration.ofMillis(1));
        List<Article> articles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            articles.add(corpus.next());
        }
        Enrichment models = Enrichment.withModels();
        models.entities().extract(articles.get(0)); // the models load before any clock starts
        CoreNlpTagger tagger = CoreNlpTagger.shared();
        bare(tagger, articles.subList(0, Math.min(50, count)), threads); // JIT warm-up
        double before = bare(tagger, articles, threads);
        out.printf(Locale.ROOT, "bare CoreNLP, %d thread(s): %.1f articles/s (%d articles)%n", threads, before, count);
        // The topology's code compiles while it first runs, as CoreNLP's did in the warm-up above: a first pass
        // over the first articles, on topics of its own, warms it before the timed pass.
        NewswireConfig warm = config.with(NewswireConfig.TOPIC_PREFIX, config.topicPrefix() + "warmup-");
        TopicAdmin.ensureTopics(warm);
        List<Article> warmUp = articles.subList(0, Math.min(WARM_UP, count));
        out.printf(Locale.ROOT, "processors topology warm-up: %.1f articles/s (%d articles, not counted)%n",
                topology(warm, models, warmUp, threads), warmUp.size());
        double pipeline = topology(config, models, articles, threads);
        out.printf(Locale.ROOT, "processors topology, %d stream thread(s), %d partitions, %s: %.1f articles/s%n",
                threads, config.partitions(), config.get(io.newswire.processors.ProcessorsApp.GUARANTEE), pipeline);
        double after = bare(tagger, articles, threads);
        out.printf(Locale.ROOT, "bare CoreNLP again: %.1f articles/s%n", after);
        out.printf(Locale.ROOT, "pipeline/bare-NER ratio %.2f%n", pipeline / ((before + after) / 2));
    }

    /** Articles per second of bare CoreNLP over the articles, split across the threads. */
    private static double bare(CoreNlpTagger tagger, List<Article> articles, int threads) throws Exception {
        return articles.size() / EnrichBenchmark.timeOnce(articles, a -> tagger.pipeline().annotate(
                new Annotation(a.headline() + "\n\n" + a.bodyText())), threads);
    }

    private static double topology(NewswireConfig config, Enrichment models, List<Article> articles, int threads)
            throws Exception {
        Path state = io.newswire.app.Folders.temporary("bench-pipeline");
        Properties props = Backlog.streamsProperties(config, "bench-pipeline", state);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        try (ArticlePublisher publisher = new ArticlePublisher(config.clientProperties(), config.topics());
             KafkaConsumer<String, byte[]> reader = Backlog.enrichedReader(config, "bench-pipeline");
             KafkaStreams streams = new KafkaStreams(NewsTopology.build(config.topics(), models,
                     TopologySettings.from(config), Clock.systemUTC()), props)) {
            articles.forEach(publisher::publish);
            publisher.flush();
            long started = System.nanoTime();
            streams.start();
            double rate = Backlog.drain(reader, articles.size(), started);
            streams.close(Duration.ofSeconds(30));
            return rate;
        } finally {
            io.newswire.app.Folders.remove(state);
        }
    }
}
