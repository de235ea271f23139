package io.newswire.app.bench;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import io.newswire.common.Article;
import io.newswire.common.KnownEntity;
import io.newswire.processors.prepare.Checked;
import io.newswire.processors.nlp.EnrichStage;
import io.newswire.processors.nlp.Enrichment;
import io.newswire.processors.nlp.EntityRegistry;
import io.newswire.processors.nlp.CoreNlpTagger;
import io.newswire.processors.nlp.CoreNlpEntityExtractor;

/**
 * The enrichment stage (language detection, NER with truecasing and consistency, canonical entities,
 * Wikipedia linking and the registry lookup) next to the same stage without linking and to the bare CoreNLP
 * pipeline it wraps, on the same articles, on 1 and 2
 * threads, in one run. Rounds alternate between the two so drift on a shared machine hits both alike.
 */
public final class EnrichBenchmark {

    private static final int ROUNDS = 3;

    private final List<Article> articles;
    private final PrintStream out;

    public EnrichBenchmark(List<Article> articles, PrintStream out) {
        this.articles = articles;
        this.out = out;
    }

    public void run(int maxThreads) throws Exception {
        CoreNlpTagger tagger = CoreNlpTagger.shared();
        Enrichment models = Enrichment.withModels();
        EnrichStage stage = new EnrichStage(models.languages(), models.entities(), "bench", Clock.systemUTC());
        EnrichStage unlinkedStage = new EnrichStage(models.languages(),
                new CoreNlpEntityExtractor(tagger, java.util.Optional.empty()), "bench", Clock.systemUTC());
        ConcurrentSkipListMap<String, KnownEntity> store = new ConcurrentSkipListMap<>();
        EntityRegistry registry = new EntityRegistry(p -> new ArrayList<>(store.subMap(p, p + '\uffff').values()));
        AtomicLong tokens = new AtomicLong();

        Consumer<Article> bare = a -> {
            Annotation doc = new Annotation(a.headline() + "\n\n" + a.bodyText());
            tagger.pipeline().annotate(doc);
            tokens.addAndGet(doc.get(CoreAnnotations.TokensAnnotation.class).size());
        };
        Consumer<Article> enrich = a -> enrich(stage, registry, store, a);
        Consumer<Article> unlinked = a -> enrich(unlinkedStage, registry, store, a);

        long words = articles.stream().mapToLong(a -> (a.headline() + " " + a.bodyText()).split("\\s+").length).sum();
        out.printf("corpus: %d articles, %d words (%.0f words/article)%n", articles.size(), words,
                (double) words / articles.size());
        timeOnce(bare, 1);
        timeOnce(enrich, 1); // warm-up of every path
        timeOnce(unlinked, 1);
        out.printf("heap in use after loading the models and warm-up: %d MB (max heap %d MB)%n",
                usedHeapMb(), Runtime.getRuntime().maxMemory() / (1 << 20));
        tokens.set(0);
        timeOnce(bare, 1);
        long tokensPerPass = tokens.get();

        out.printf("%-8s %-28s %12s %12s%n", "threads", "path", "articles/s", "tokens/s");
        for (int threads = 1; threads <= maxThreads; threads++) {
            double bareBest = 0;
            double enrichBest = 0;
            double unlinkedBest = 0;
            for (int round = 0; round < ROUNDS; round++) {
                bareBest = Math.max(bareBest, articles.size() / timeOnce(bare, threads));
                enrichBest = Math.max(enrichBest, articles.size() / timeOnce(enrich, threads));
                unlinkedBest = Math.max(unlinkedBest, articles.size() / timeOnce(unlinked, threads));
            }
            double perArticle = (double) tokensPerPass / articles.size();
            out.printf("%-8d %-28s %12.1f %12.0f%n", threads, "bare CoreNLP (same config)", bareBest, bareBest * perArticle);
            out.printf("%-8d %-28s %12.1f %12.0f%n", threads, "enrich stage, no linking", unlinkedBest, unlinkedBest * perArticle);
            out.printf("%-8d %-28s %12.1f %12.0f%n", threads, "newswire enrich stage", enrichBest, enrichBest * perArticle);
            out.printf("%-8d ratio enrich / bare %.3f (overhead %.1f%%)%n", threads, enrichBest / bareBest,
                    100 * (1 - enrichBest / bareBest));
            out.printf("%-8d linking cost: time per article with / without linking %.3f%n", threads,
                    unlinkedBest / enrichBest);
        }
        out.printf("heap in use at the end: %d MB%n", usedHeapMb());
    }

    private static void enrich(EnrichStage stage, EntityRegistry registry, ConcurrentSkipListMap<String, KnownEntity> store,
            Article a) {
        {
            Checked<Article> result = stage.apply(a.id(), a);
            if (!result.isOk()) {
                throw new IllegalStateException(result.rejection().reason());
            }
            registry.resolve(result.value().entities()).learned()
                    .forEach(k -> store.merge(k.registryKey(), k, (x, y) -> x.articles() >= y.articles() ? x : y));
        }
    }

    /** @return seconds for one pass over the corpus, split across the threads */
    private double timeOnce(Consumer<Article> work, int threads) throws Exception {
        return timeOnce(articles, work, threads);
    }

    /** @return seconds for one pass over the articles, split across the threads (article i to thread i mod n) */
    static double timeOnce(List<Article> articles, Consumer<Article> work, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                parts.add(pool.submit(() -> {
                    for (int i = offset; i < articles.size(); i += threads) {
                        work.accept(articles.get(i));
                    }
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdown();
        }
    }

    private static long usedHeapMb() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / (1 << 20);
    }

}
