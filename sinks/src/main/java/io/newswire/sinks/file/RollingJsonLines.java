package io.newswire.sinks.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One folder of JSON Lines files, a file a day ({@code 2026-11-22-000.jsonl}) continued in
 * {@code 2026-11-22-001.jsonl}, {@code -002}, … once a file reaches the roll size (names sort in write order). Idempotent: a document whose
 * identity is already in today's or yesterday's files is not written again (a redelivery after a crash
 * only ever repeats the last uncommitted batch, so two days of identities are enough and memory stays
 * bounded by two days of output). Not thread-safe.
 */
public final class RollingJsonLines implements AutoCloseable {

    private final Path folder;
    private final long rollBytes;
    private final Clock clock;
    private final Function<JsonNode, String> identity;
    /** identities by the day of the file they were written to */
    private final Map<LocalDate, Set<String>> identities = new HashMap<>();
    private JsonLinesFile current;
    private LocalDate currentDay;
    private int currentIndex;

    public RollingJsonLines(Path folder, long rollBytes, Clock clock, Function<JsonNode, String> identity)
            throws IOException {
        this.folder = folder;
        this.rollBytes = rollBytes;
        this.clock = clock;
        this.identity = identity;
        Files.createDirectories(folder);
        LocalDate today = today();
        for (LocalDate day : List.of(today.minusDays(1), today)) {
            Set<String> seen = identities.computeIfAbsent(day, d -> new java.util.HashSet<>());
            for (Path file : filesOf(day)) {
                JsonLinesFile.readDocuments(file, json -> seen.add(identity.apply(json)));
            }
        }
    }

    /** @return false when a document with this identity was written today or yesterday already */
    public boolean write(JsonNode json) throws IOException {
        String id = identity.apply(json);
        LocalDate today = today();
        if (!today.equals(currentDay)) {
            identities.keySet().removeIf(day -> day.isBefore(today.minusDays(1)));
        }
        for (Set<String> seen : identities.values()) {
            if (seen.contains(id)) {
                return false;
            }
        }
        fileFor(today).append(json);
        identities.computeIfAbsent(today, d -> new java.util.HashSet<>()).add(id);
        return true;
    }

    public void flush() throws IOException {
        if (current != null) {
            current.force();
        }
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    private JsonLinesFile fileFor(LocalDate day) throws IOException {
        if (current != null && day.equals(currentDay) && current.size() < rollBytes) {
            return current;
        }
        close();
        int index = day.equals(currentDay) ? currentIndex + 1 : lastIndex(day);
        Path file = fileName(day, index);
        if (Files.exists(file) && Files.size(file) >= rollBytes) {
            index++;
            file = fileName(day, index);
        }
        current = new JsonLinesFile(file);
        currentDay = day;
        currentIndex = index;
        return current;
    }

    private Path fileName(LocalDate day, int index) {
        return folder.resolve(String.format(java.util.Locale.ROOT, "%s-%03d.jsonl", day, index));
    }

    private int lastIndex(LocalDate day) throws IOException {
        return filesOf(day).stream().mapToInt(f -> indexOf(day, f)).max().orElse(0);
    }

    /** The day's files, oldest first. */
    private List<Path> filesOf(LocalDate day) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> indexOf(day, f) >= 0)
                    .sorted(java.util.Comparator.comparingInt(f -> indexOf(day, f))).toList();
        }
    }

    /** The file's index within the day, or -1 when it is not one of the day's files. */
    private static int indexOf(LocalDate day, Path file) {
        String name = file.getFileName().toString();
        String prefix = day + "-";
        if (!name.startsWith(prefix) || !name.endsWith(".jsonl")) {
            return -1;
        }
        try {
            return Integer.parseInt(name.substring(prefix.length(), name.length() - ".jsonl".length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
