package io.newswire.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.newswire.common.Article;
import io.newswire.common.DeadLetter;

/**
 * Reads one input and publishes what it yields, keeping the outcome: accepted article ids, dead-letter
 * reasons, skipped items, and whether every record was acknowledged. Sources that must not let go of
 * their input before the broker has it (the drop folder, the HTTP endpoint) use {@link #await}.
 */
public final class Delivery implements IngestListener {

    private final Publisher publisher;
    private final List<String> ids = new ArrayList<>();
    private final List<String> reasons = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final List<CompletableFuture<?>> sends = new ArrayList<>();

    public Delivery(Publisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void accepted(Article article) {
        ids.add(article.id());
        sends.add(publisher.publish(article));
    }

    @Override
    public void rejected(DeadLetter deadLetter) {
        reasons.add(deadLetter.reason());
        sends.add(publisher.publish(deadLetter));
    }

    @Override
    public void skipped(String origin, String reason) {
        skipped.add(reason);
    }

    /** @return true when every record was acknowledged within the timeout */
    public boolean await(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (CompletableFuture<?> send : sends) {
            try {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    public List<String> ids() {
        return List.copyOf(ids);
    }

    public List<String> reasons() {
        return List.copyOf(reasons);
    }

    public List<String> skipped() {
        return List.copyOf(skipped);
    }
}
