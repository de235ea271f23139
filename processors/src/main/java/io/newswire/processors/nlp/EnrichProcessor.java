package io.newswire.processors.nlp;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import io.newswire.common.Article;
import io.newswire.processors.prepare.Checked;
import io.newswire.processors.state.Arrival;
import io.newswire.processors.state.StoredHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The enrich stage on the stream thread, or with its tagger on worker threads while the stream thread runs the
 * later steps (language detection before, and assembling and linking the entities after, stay on the stream
 * thread: they are a fifth of the stage, and the worker is what the topology waits for).
 *
 * <p>Without workers each article is enriched as it arrives. With workers, an arriving article is written to
 * {@value #STORE} and handed to a worker; finished articles leave in arrival order, each taken out of the store
 * as it goes, and at most {@link #IN_FLIGHT_PER_WORKER} per worker are in flight (the stream thread waits for
 * the oldest beyond that). The store is what keeps exactly-once: the input offset of an article still at a
 * worker commits together with its entry, and a task that starts (after a crash, a rebalance or a restart) hands
 * every entry it finds to the workers again, in order. Nothing a worker throws stops the stream: the article
 * becomes a dead letter with the reason.
 */
public final class EnrichProcessor implements Processor<String, Article, String, Checked<Article>> {

    public static final String STORE = "enrich-pending-store";
    static final int IN_FLIGHT_PER_WORKER = 2;
    /** How often finished articles are looked for when no input arrives to carry them out. */
    static final Duration DRAIN_EVERY = Duration.ofMillis(20);

    /** An article waiting for a worker, with what its record carried. */
    public record Pending(String key, Article article, long timestamp, Map<String, String> headers) {
    }

    private record InFlight(String storeKey, Pending pending, EnrichStage.Job job, Future<?> result) {
    }

    private final EnrichStage stage;
    private final ExecutorService workers;
    private final int maxInFlight;
    private final Deque<InFlight> inFlight = new ArrayDeque<>();
    private ProcessorContext<String, Checked<Article>> context;
    private KeyValueStore<String, Pending> store;
    private long nextSequence;
    private boolean arrivedSinceDrain;

    /**
     * @param workers the worker pool (shared by the tasks of an instance), or null to enrich on the stream thread
     * @param workerCount the pool's size, which bounds the articles in flight
     */
    public EnrichProcessor(EnrichStage stage, ExecutorService workers, int workerCount) {
        this.stage = stage;
        this.workers = workers;
        this.maxInFlight = Math.max(1, workerCount) * IN_FLIGHT_PER_WORKER;
    }

    @Override
    public void init(ProcessorContext<String, Checked<Article>> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        if (workers == null) {
            return;
        }
        try (KeyValueIterator<String, Pending> left = store.all()) {
            while (left.hasNext()) {
                var entry = left.next();
                submit(entry.key, entry.value);
                nextSequence = Long.parseUnsignedLong(entry.key, 16) + 1;
            }
        }
        context.schedule(DRAIN_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> {
            // Idle input: what is in flight finishes now rather than waiting for the next article.
            drain(!arrivedSinceDrain);
            arrivedSinceDrain = false;
        });
    }

    @Override
    public void process(Record<String, Article> record) {
        // Only this step marks an arrival, so none may come in from the raw topic.
        record = record.withHeaders(Arrival.without(record.headers()));
        if (workers == null) {
            context.forward(record.withValue(stage.apply(record.key(), record.value())));
            return;
        }
        arrivedSinceDrain = true;
        while (inFlight.size() >= maxInFlight) {
            forward(inFlight.poll());
        }
        String storeKey = String.format(Locale.ROOT, "%016x", nextSequence++);
        // Forwarded later, under another record's context or none: the position it arrived at goes with it.
        Map<String, String> headers = StoredHeaders.of(record.headers());
        Arrival.current(context.recordMetadata()).ifPresent(at -> headers.put(Arrival.HEADER, at));
        Pending pending = new Pending(record.key(), record.value(), record.timestamp(), headers);
        store.put(storeKey, pending);
        submit(storeKey, pending);
        drain(false);
    }

    /** Only the tagger runs on a worker: the stream thread would otherwise wait for it with nothing to do. */
    private void submit(String storeKey, Pending pending) {
        EnrichStage.Job job = stage.start(pending.key(), pending.article());
        Future<?> result = job.needsAnalysis() ? workers.submit(job::analyse) : CompletableFuture.completedFuture(null);
        inFlight.add(new InFlight(storeKey, pending, job, result));
    }

    /** Forwards the finished articles at the head of the queue; all of them when {@code waitForAll}. */
    private void drain(boolean waitForAll) {
        while (!inFlight.isEmpty() && (waitForAll || inFlight.peek().result().isDone())) {
            forward(inFlight.poll());
        }
    }

    private void forward(InFlight next) {
        Pending p = next.pending();
        context.forward(new Record<>(p.key(), outcome(next), p.timestamp(), StoredHeaders.toKafka(p.headers())));
        store.delete(next.storeKey());
    }

    private Checked<Article> outcome(InFlight next) {
        try {
            next.result().get();
            return next.job().finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for article " + next.pending().key(), e);
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            return stage.rejected(next.pending().key(), next.pending().article(), "enrich worker failed: " + cause);
        }
    }

    @Override
    public void close() {
        // What is still in flight stays in the store; the task's next start enriches it again.
        inFlight.forEach(f -> f.result().cancel(false));
        inFlight.clear();
    }
}
