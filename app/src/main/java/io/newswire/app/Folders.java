package io.newswire.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The temporary folders the launcher makes (broker data, Streams state, benchmark corpora and state). Each
 * is named {@code newswire-<purpose>-<pid>-<random>} under {@code java.io.tmpdir} and removed when the
 * process exits, by its owner or, on SIGTERM, by a shutdown hook; what a killed process left behind is
 * removed by the next command that starts ({@link #sweepLeftovers()}), as no live process has that pid.
 */
public final class Folders {

    private static final Logger LOG = LoggerFactory.getLogger(Folders.class);
    private static final Pattern OURS = Pattern.compile("newswire-[a-z-]+?-(\\d+)-\\d+");
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Folders::deleteRecursively),
                "newswire-temp-cleanup"));
    }

    private Folders() {
    }

    /** A new temporary folder for this process, removed at exit. */
    public static Path temporary(String purpose) throws IOException {
        Path dir = Files.createTempDirectory("newswire-" + purpose + "-" + ProcessHandle.current().pid() + "-");
        LIVE.add(dir);
        return dir;
    }

    /** Removes a temporary folder now (and forgets it). */
    public static void remove(Path dir) {
        LIVE.remove(dir);
        deleteRecursively(dir);
    }

    /** Removes the temporary folders of processes that are gone (killed before they could clean up). */
    public static void sweepLeftovers() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> list = Files.list(tmp)) {
            list.filter(Files::isDirectory).forEach(dir -> {
                Matcher m = OURS.matcher(dir.getFileName().toString());
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                    LOG.info("removing {}, left by a process that is gone", dir);
                    deleteRecursively(dir);
                }
            });
        } catch (IOException | NumberFormatException e) {
            LOG.debug("could not sweep {}: {}", tmp, e.getMessage());
        }
    }

    /** Bytes in the files under a folder (0 if it is gone or unreadable): what a benchmark's state takes. */
    public static long size(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Deletes a folder and everything in it; a failure is logged, not thrown (it is only clean-up). */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not remove {}: {}", dir, e.getMessage());
        }
    }
}
