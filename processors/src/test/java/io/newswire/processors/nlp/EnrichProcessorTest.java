package io.newswire.processors.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import io.newswire.common.Article;
import io.newswire.common.Entity;
import io.newswire.common.JsonSerde;
import io.newswire.processors.TestStores;
import io.newswire.processors.prepare.Checked;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The enrich stage with worker threads: arrival order out, failures dead-lettered, nothing lost by a restart. */
class EnrichProcessorTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private final MockProcessorContext<String, Checked<Article>> context = new MockProcessorContext<>();
    private final KeyValueStore<String, EnrichProcessor.Pending> store = TestStores.add(context, EnrichProcessor.STORE,
            new JsonSerde<>(EnrichProcessor.Pending.class));
    private final List<ExecutorService> pools = new ArrayList<>();

    @AfterEach
    void stopPools() {
        pools.forEach(ExecutorService::shutdownNow);
    }

    private ExecutorService pool(int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        pools.add(pool);
        return pool;
    }

    private static EnrichStage stage(Function<Article, List<Entity>> extract) {
        return new EnrichStage(LanguageDetector.fixed("en"), extract::apply, "news.raw",
                Clock.fixed(T0, ZoneOffset.UTC));
    }

    /** One entity named after the article: what the output must carry for the article it came with. */
    private static List<Entity> named(Article a) {
        return List.of(new Entity(a.id(), Entity.EntityType.PERSON, "Person " + a.id(), List.of(), 1, 1.0, List.of()));
    }

    private static Article article(int i) {
        return Article.ingested("a" + i, 1, "afp", "text", null, "Headline " + i, List.of("Body of " + i + "."), null,
                "en", T0.plusSeconds(i), T0.plusSeconds(i));
    }

    private void process(EnrichProcessor processor, int i) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("source", ("feed-" + i).getBytes());
        processor.process(new Record<>("a" + i, article(i), 1000L + i, headers));
    }

    /** Starts the processor, gives it {@code count} articles and waits until they are forwarded. */
    private List<Record<String, Checked<Article>>> enrich(EnrichProcessor processor, int count)
            throws InterruptedException {
        processor.init(context);
        for (int i = 0; i < count; i++) {
            process(processor, i);
        }
        return awaitForwarded(count);
    }

    /** Runs the drain punctuator until {@code count} records are out or a few seconds pass. */
    private List<Record<String, Checked<Article>>> awaitForwarded(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (context.forwarded().size() < count && System.nanoTime() < deadline) {
            context.scheduledPunctuators().forEach(p -> p.getPunctuator().punctuate(0L));
            Thread.sleep(5);
        }
        List<Record<String, Checked<Article>>> out = new ArrayList<>();
        context.forwarded().forEach(f -> out.add(new Record<>(f.record().key(), f.record().value(),
                f.record().timestamp(), f.record().headers())));
        return out;
    }

    @Test
    void shouldForwardArticlesInArrivalOrderThoughLaterOnesFinishFirst() throws Exception {
        // The earliest articles take longest, so the workers finish them last.
        EnrichProcessor processor = new EnrichProcessor(stage(a -> {
            sleep(60 - 10 * Integer.parseInt(a.id().substring(1)));
            return named(a);
        }), pool(3), 3);
        List<Record<String, Checked<Article>>> out = enrich(processor, 6);

        assertThat(out).extracting(Record::key).containsExactly("a0", "a1", "a2", "a3", "a4", "a5");
        assertThat(out).allSatisfy(r -> {
            assertThat(r.value().isOk()).isTrue();
            assertThat(r.value().value().entities()).singleElement()
                    .satisfies(e -> assertThat(e.name()).isEqualTo("Person " + r.key()));
            assertThat(r.timestamp()).isEqualTo(1000L + Integer.parseInt(r.key().substring(1)));
            assertThat(new String(r.headers().lastHeader("source").value())).isEqualTo("feed-" + r.key().substring(1));
        });
        assertThat(store.approximateNumEntries()).as("each article leaves the store as it goes").isZero();
    }

    @Test
    void shouldDeadLetterAnArticleWhoseWorkerFailsAndGoOn() throws Exception {
        EnrichProcessor processor = new EnrichProcessor(stage(a -> {
            if (a.id().equals("a1")) {
                throw new AssertionError("model state corrupt");
            }
            return named(a);
        }), pool(2), 2);
        List<Record<String, Checked<Article>>> out = enrich(processor, 3);

        assertThat(out).extracting(Record::key).containsExactly("a0", "a1", "a2");
        assertThat(out.get(1).value().isOk()).isFalse();
        assertThat(out.get(1).value().rejection().reason()).contains("enrich worker failed").contains("model state corrupt");
        assertThat(out.get(0).value().isOk()).isTrue();
        assertThat(out.get(2).value().isOk()).isTrue();
    }

    @Test
    void shouldEnrichAgainWhatWasInFlightWhenTheTaskStopped() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        ExecutorService stuck = pool(2);
        EnrichProcessor before = new EnrichProcessor(stage(a -> {
            await(never);
            return named(a);
        }), stuck, 2);
        before.init(context);
        for (int i = 0; i < 3; i++) {
            process(before, i);
        }
        assertThat(context.forwarded()).isEmpty();
        before.close();
        stuck.shutdownNow();
        assertThat(store.approximateNumEntries()).as("the unfinished articles stay in the store").isEqualTo(3);

        context.resetForwards();
        EnrichProcessor after = new EnrichProcessor(stage(EnrichProcessorTest::named), pool(2), 2);
        after.init(context);
        process(after, 3);
        List<Record<String, Checked<Article>>> out = awaitForwarded(4);

        assertThat(out).extracting(Record::key).containsExactly("a0", "a1", "a2", "a3");
        assertThat(out).allSatisfy(r -> assertThat(r.value().isOk()).isTrue());
        assertThat(store.approximateNumEntries()).isZero();
    }

    @Test
    void shouldRunOnlyTheAnalysisOnAWorkerAndFinishOnTheCallersThread() throws Exception {
        List<String> analysedOn = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> finishedOn = java.util.Collections.synchronizedList(new ArrayList<>());
        EntityExtractor twoParts = new EntityExtractor() {
            @Override
            public List<Entity> extract(Article article) {
                throw new AssertionError("the worker path analyses and finishes in two parts");
            }

            @Override
            public java.util.function.Supplier<List<Entity>> analyse(Article article) {
                analysedOn.add(Thread.currentThread().getName());
                return () -> {
                    finishedOn.add(Thread.currentThread().getName());
                    if (article.id().equals("a1")) {
                        throw new IllegalStateException("no page for it");
                    }
                    return named(article);
                };
            }
        };
        EnrichProcessor processor = new EnrichProcessor(new EnrichStage(LanguageDetector.fixed("en"), twoParts,
                "news.raw", Clock.fixed(T0, ZoneOffset.UTC)), pool(1), 1);
        List<Record<String, Checked<Article>>> out = enrich(processor, 3);

        String caller = Thread.currentThread().getName();
        assertThat(analysedOn).hasSize(3).doesNotContain(caller);
        assertThat(finishedOn).containsOnly(caller).hasSize(3);
        assertThat(out).extracting(Record::key).containsExactly("a0", "a1", "a2");
        assertThat(out.get(1).value().rejection().reason()).contains("entity extraction failed").contains("no page");
        assertThat(out.get(2).value().value().entities()).singleElement()
                .satisfies(e -> assertThat(e.name()).isEqualTo("Person a2"));
    }

    @Test
    void shouldEnrichOnTheStreamThreadWithoutWorkers() {
        EnrichProcessor processor = new EnrichProcessor(stage(EnrichProcessorTest::named), null, 0);
        processor.init(context);
        process(processor, 0);

        assertThat(context.forwarded()).singleElement().satisfies(f -> assertThat(f.record().value().value()
                .entities()).hasSize(1));
        assertThat(store.approximateNumEntries()).isZero();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(0, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
