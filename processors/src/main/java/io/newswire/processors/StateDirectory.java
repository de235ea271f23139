package io.newswire.processors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;
import io.newswire.common.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka Streams state directory of one processors instance, claimed for as long as it runs.
 * <ul>
 *   <li>Not configured: a folder of its own under {@code java.io.tmpdir}
 *       ({@code newswire-streams-<pid>-<random>}), removed on close; two instances on one host never share
 *       one, and a restart rebuilds its state from the changelogs. Configure {@code state.dir} to keep local
 *       state across restarts.</li>
 *   <li>Configured: locked ({@code newswire.lock}); a second instance pointed at the same folder is refused
 *       at start with what to set, instead of dying later on a task's lock.</li>
 *   <li>Either way the folder is stamped with the cluster's id; state found there from another cluster (a
 *       broker that was reset, another environment) cannot match its offsets, so it is removed with a warning
 *       and rebuilt rather than failing (an {@code OffsetOutOfRangeException} on a global store).</li>
 * </ul>
 */
public final class StateDirectory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StateDirectory.class);
    static final String LOCK = "newswire.lock";
    static final String CLUSTER = "newswire-cluster-id";

    private final Path path;
    private final boolean temporary;
    private final FileChannel channel;
    private final FileLock lock;

    private StateDirectory(Path path, boolean temporary, FileChannel channel, FileLock lock) {
        this.path = path;
        this.temporary = temporary;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param configured the {@code state.dir} setting; blank for a temporary folder of this instance's own
     * @param clusterId  the id of the cluster the processors run on
     * @throws ConfigException when another running instance holds the folder
     */
    public static StateDirectory claim(String configured, String clusterId) {
        try {
            boolean temporary = configured == null || configured.isBlank();
            Path dir = temporary
                    ? Files.createTempDirectory("newswire-streams-" + ProcessHandle.current().pid() + "-")
                    : Files.createDirectories(Path.of(configured));
            FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new ConfigException("state.dir " + dir + " is in use by another processors instance on this "
                        + "host: give each instance a state.dir of its own, or leave state.dir empty for a temporary one");
            }
            StateDirectory claimed = new StateDirectory(dir, temporary, channel, lock);
            claimed.checkCluster(clusterId);
            return claimed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the state directory", e);
        }
    }

    public Path path() {
        return path;
    }

    private void checkCluster(String clusterId) throws IOException {
        Path stamp = path.resolve(CLUSTER);
        if (Files.exists(stamp)) {
            String before = Files.readString(stamp, StandardCharsets.UTF_8).strip();
            if (before.equals(clusterId)) {
                return;
            }
            LOG.warn("local state in {} belongs to cluster {}, not {}: removing it; it is rebuilt from the changelogs",
                    path, before, clusterId);
            try (Stream<Path> entries = Files.list(path)) {
                for (Path entry : entries.filter(e -> !e.getFileName().toString().equals(LOCK)).toList()) {
                    deleteRecursively(entry);
                }
            }
        } else if (hasState()) {
            LOG.info("local state in {} has no cluster stamp; taking it as {}'s", path, clusterId);
        }
        Files.writeString(stamp, clusterId + "\n", StandardCharsets.UTF_8);
    }

    private boolean hasState() throws IOException {
        try (Stream<Path> entries = Files.list(path)) {
            return entries.anyMatch(e -> Files.isDirectory(e));
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            LOG.debug("could not release {}: {}", path.resolve(LOCK), e.getMessage());
        }
        if (temporary) {
            try {
                deleteRecursively(path);
            } catch (IOException e) {
                LOG.warn("could not remove {}: {}", path, e.getMessage());
            }
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
