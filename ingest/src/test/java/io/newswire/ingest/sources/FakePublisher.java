package io.newswire.ingest.sources;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import io.newswire.common.Article;
import io.newswire.common.DeadLetter;
import io.newswire.ingest.Publisher;

/** A publisher that keeps what it was sent, and can be told to fail like an unreachable broker. */
final class FakePublisher implements Publisher {

    final List<Article> articles = new CopyOnWriteArrayList<>();
    final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    volatile boolean brokerDown;
    /** While set, sends are held until it completes: a broker that is slow to acknowledge. */
    volatile CompletableFuture<Void> hold;

    @Override
    public CompletableFuture<?> publish(Article article) {
        if (brokerDown) {
            return CompletableFuture.failedFuture(new IllegalStateException("broker down"));
        }
        if (hold != null) {
            articles.add(article);
            return hold;
        }
        articles.add(article);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<?> publish(DeadLetter deadLetter) {
        if (brokerDown) {
            return CompletableFuture.failedFuture(new IllegalStateException("broker down"));
        }
        deadLetters.add(deadLetter);
        return CompletableFuture.completedFuture(null);
    }
}
