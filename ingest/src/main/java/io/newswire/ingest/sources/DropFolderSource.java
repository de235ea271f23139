package io.newswire.ingest.sources;

import io.newswire.ingest.Delivery;
import io.newswire.ingest.Publisher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A watched drop folder. A file is picked up once complete — its size and modification time unchanged
 * for {@code settle} — read, published, and only after the broker acknowledged every record moved to
 * {@code done/} (or to {@code failed/} with a {@code .reason} file when nothing in it was an article).
 * A crash between publishing and moving leaves the file in place: it is published again on restart under
 * the same article ids, so downstream sees a redelivery, never a loss. Names starting with "." and ending
 * in ".part" or ".tmp" are left alone (files still being written by the sender).
 */
public final class DropFolderSource implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(DropFolderSource.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

    /** Size and modification time seen at the last scan. */
    private record Seen(long size, long modified, long since) {
    }

    private final Path dir;
    private final Path done;
    private final Path failed;
    private final FileSource files;
    private final Publisher publisher;
    private final Duration poll;
    private final Duration settle;
    private final Clock clock;
    private final Map<Path, Seen> pending = new HashMap<>();
    private volatile boolean running = true;

    public DropFolderSource(Path dir, FileSource files, Publisher publisher, Duration poll, Duration settle, Clock clock)
            throws IOException {
        this.dir = dir;
        this.done = Files.createDirectories(dir.resolve("done"));
        this.failed = Files.createDirectories(dir.resolve("failed"));
        this.files = files;
        this.publisher = publisher;
        this.poll = poll;
        this.settle = settle;
        this.clock = clock;
    }

    @Override
    public void run() {
        while (running) {
            try {
                scanOnce();
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException e) {
                LOG.warn("cannot scan {}: {}; retrying", dir, e.getMessage());
            }
        }
    }

    public void stop() {
        running = false;
    }

    /** One pass: process every file that has settled. @return the number of files moved */
    public int scanOnce() throws IOException {
        List<Path> candidates;
        try (Stream<Path> list = Files.list(dir)) {
            candidates = list.filter(Files::isRegularFile).filter(DropFolderSource::isComplete).sorted().toList();
        }
        pending.keySet().retainAll(candidates);
        int moved = 0;
        long now = clock.millis();
        for (Path file : candidates) {
            Seen seen = new Seen(Files.size(file), Files.getLastModifiedTime(file).toMillis(), now);
            Seen before = pending.get(file);
            if (before == null || before.size() != seen.size() || before.modified() != seen.modified()) {
                pending.put(file, seen);
                if (!settle.isZero()) {
                    continue;
                }
                before = seen;
            }
            if (now - before.since() >= settle.toMillis()) {
                pending.remove(file);
                moved += process(file) ? 1 : 0;
            }
        }
        return moved;
    }

    private boolean process(Path file) throws IOException {
        Delivery delivery = new Delivery(publisher);
        files.read(List.of(file), delivery);
        if (!delivery.await(ACK_TIMEOUT)) {
            // Not acknowledged: leave the file where it is; the next scan publishes it again.
            LOG.warn("{} not acknowledged by the broker; will retry", file.getFileName());
            return false;
        }
        boolean anyArticle = !delivery.ids().isEmpty() || !delivery.skipped().isEmpty();
        Path target = (anyArticle ? done : failed).resolve(file.getFileName());
        if (!delivery.reasons().isEmpty()) {
            Files.writeString(target.resolveSibling(file.getFileName() + ".reason"),
                    String.join("\n", delivery.reasons()) + "\n", StandardCharsets.UTF_8);
        }
        Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        LOG.info("{}: {} article(s), {} dead letter(s), {} skipped -> {}", file.getFileName(), delivery.ids().size(),
                delivery.reasons().size(), delivery.skipped().size(), dir.relativize(target.getParent()));
        return true;
    }

    private static boolean isComplete(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && !name.endsWith(".part") && !name.endsWith(".tmp");
    }
}
