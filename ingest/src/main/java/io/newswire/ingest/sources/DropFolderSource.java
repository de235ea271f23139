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
 * A watched drop folder. A file is picked up once complete: at once when the sender drops a marker
 * {@code NAME.done} beside it, otherwise once its size and modification time have been unchanged for
 * {@code settle} and are still unchanged after it was read. It is then published, and only after the
 * broker acknowledged every record moved to {@code done/} (or to {@code failed/} with a {@code .reason}
 * file when nothing in it was an article; both are recreated if removed). A crash between publishing and
 * moving leaves the file in place: it is published again on restart under the same article ids, so
 * downstream sees a redelivery, never a loss. Names starting with "." and ending in ".part" or ".tmp"
 * are left alone (files still being written: a sender that writes slowly should write to such a name and
 * rename, or drop the marker when done). Subfolders are not watched, and symbolic links, devices and
 * pipes are never read: each is reported once in the log.
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
    private final java.util.Set<Path> reported = new java.util.HashSet<>();
    static final String MARKER = ".done";
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
                pause();
            } catch (RuntimeException | StackOverflowError e) {
                // No input may stop the folder: later files must still be picked up.
                LOG.error("scanning {} failed; going on", dir, e);
                pause();
            }
        }
    }

    public void stop() {
        running = false;
    }

    private void pause() {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** One pass: process every file that has settled. @return the number of files moved */
    public int scanOnce() throws IOException {
        List<Path> candidates = new java.util.ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path entry : list.sorted().toList()) {
                if (Files.isRegularFile(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    if (isComplete(entry)) {
                        candidates.add(entry);
                    }
                } else if (!entry.equals(done) && !entry.equals(failed) && reported.add(entry)) {
                    LOG.warn("{} is not read: {}", entry.getFileName(), Files.isSymbolicLink(entry)
                            ? "symbolic links are never followed" : Files.isDirectory(entry)
                            ? "subfolders are not watched; drop files into " + dir + " itself"
                            : "not a regular file (a device or a pipe)");
                }
            }
        }
        pending.keySet().retainAll(candidates);
        int moved = 0;
        long now = clock.millis();
        for (Path file : candidates) {
            Seen seen = stat(file, now);
            if (Files.exists(marker(file))) {
                pending.remove(file);
                moved += process(file, null) ? 1 : 0;
                continue;
            }
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
                moved += process(file, before) ? 1 : 0;
            }
        }
        return moved;
    }

    private static Seen stat(Path file, long now) throws IOException {
        return new Seen(Files.size(file), Files.getLastModifiedTime(file).toMillis(), now);
    }

    private static Path marker(Path file) {
        return file.resolveSibling(file.getFileName() + MARKER);
    }

    /** @param settled what the file looked like when it settled (null: its marker says it is complete) */
    private boolean process(Path file, Seen settled) throws IOException {
        Delivery delivery = new Delivery(publisher);
        long size = Files.size(file);
        if (size == 0 || size > files.maxBytes()) {
            files.read(List.of(file), delivery); // dead-lettered with the reason, without loading it
            return finish(file, delivery);
        }
        byte[] bytes = Files.readAllBytes(file);
        if (settled != null) {
            Seen after = stat(file, settled.since());
            if (after.size() != settled.size() || after.modified() != settled.modified()
                    || bytes.length != settled.size()) {
                LOG.info("{} changed while it was read: still being written, taken later", file.getFileName());
                return false;
            }
        }
        files.readBytes(bytes, file.toUri().toString(), dir.getFileName().toString(), delivery);
        return finish(file, delivery);
    }

    private boolean finish(Path file, Delivery delivery) throws IOException {
        if (!delivery.await(ACK_TIMEOUT)) {
            // Not acknowledged: leave the file where it is; the next scan publishes it again.
            LOG.warn("{} not acknowledged by the broker; will retry", file.getFileName());
            return false;
        }
        boolean anyArticle = !delivery.ids().isEmpty() || !delivery.skipped().isEmpty();
        Path target = Files.createDirectories(anyArticle ? done : failed).resolve(file.getFileName());
        if (!delivery.reasons().isEmpty()) {
            Files.writeString(target.resolveSibling(file.getFileName() + ".reason"),
                    String.join("\n", delivery.reasons()) + "\n", StandardCharsets.UTF_8);
        }
        Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(marker(file));
        LOG.info("{}: {} article(s), {} dead letter(s), {} skipped -> {}", file.getFileName(), delivery.ids().size(),
                delivery.reasons().size(), delivery.skipped().size(), dir.relativize(target.getParent()));
        return true;
    }

    private static boolean isComplete(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && !name.endsWith(".part") && !name.endsWith(".tmp") && !name.endsWith(MARKER);
    }
}
