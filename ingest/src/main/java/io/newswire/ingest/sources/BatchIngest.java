package io.newswire.ingest.sources;

import io.newswire.ingest.IngestListener;
import io.newswire.ingest.Publisher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import io.newswire.common.Article;
import io.newswire.common.DeadLetter;

/**
 * Reads a set of files and folders once and publishes every article (or dead letter), then waits for
 * the broker to acknowledge all of them. The report counts only acknowledged records.
 */
public final class BatchIngest {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BatchIngest.class);

    /** What one batch did. {@code failed} counts records the broker never acknowledged. */
    public record Report(int files, int published, int rejected, int skipped, int failed) {
    }

    private final FileSource files;
    private final Publisher publisher;
    private final Progress progress;

    public BatchIngest(FileSource files, Publisher publisher) {
        this(files, publisher, Progress.onTerminal());
    }

    public BatchIngest(FileSource files, Publisher publisher, Progress progress) {
        this.files = files;
        this.publisher = publisher;
        this.progress = progress;
    }

    public Report run(List<Path> inputs) throws IOException {
        List<CompletableFuture<?>> articles = new ArrayList<>();
        List<CompletableFuture<?>> rejections = new ArrayList<>();
        int[] skipped = {0};
        int fileCount = files.read(inputs, new IngestListener() {
            @Override
            public void accepted(Article article) {
                articles.add(publisher.publish(article));
                progress.update(articles.size(), rejections.size());
            }

            @Override
            public void rejected(DeadLetter deadLetter) {
                rejections.add(publisher.publish(deadLetter));
                progress.update(articles.size(), rejections.size());
            }

            @Override
            public void skipped(String origin, String reason) {
                skipped[0]++;
                LOG.info("skipped {}: {}", origin, reason);
            }
        });
        progress.done(articles.size(), rejections.size());
        int failedArticles = failures(articles);
        int failedRejections = failures(rejections);
        return new Report(fileCount, articles.size() - failedArticles, rejections.size() - failedRejections,
                skipped[0], failedArticles + failedRejections);
    }

    private static int failures(List<CompletableFuture<?>> sends) {
        int failed = 0;
        for (CompletableFuture<?> send : sends) {
            try {
                send.get();
            } catch (ExecutionException e) {
                failed++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for acknowledgements", e);
            }
        }
        return failed;
    }
}
