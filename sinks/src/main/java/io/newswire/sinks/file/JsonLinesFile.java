package io.newswire.sinks.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.Json;

/**
 * One JSON Lines file open for appending. Not thread-safe.
 */
final class JsonLinesFile implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;

    JsonLinesFile(Path file) throws IOException {
        this.file = file;
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    Path path() {
        return file;
    }

    long size() throws IOException {
        return channel.size();
    }

    void append(JsonNode json) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap((Json.MAPPER.writeValueAsString(json) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    void force() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        try {
            force();
        } finally {
            channel.close();
        }
    }

    /**
     * Hands every document of an existing file to {@code each}. A torn last line (a crash mid-write) is
     * cut off, so the file stays one valid document per line and that record is written again.
     */
    static void readDocuments(Path file, Consumer<JsonNode> each) throws IOException {
        boolean tornTail = false;
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    each.accept(Json.MAPPER.readTree(line));
                } catch (JsonProcessingException e) {
                    tornTail = true;
                }
            }
        }
        if (tornTail) {
            truncateAfterLastNewline(file);
        }
    }

    private static void truncateAfterLastNewline(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int lastNewline = bytes.length - 1;
        while (lastNewline >= 0 && bytes[lastNewline] != '\n') {
            lastNewline--;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(lastNewline + 1L);
        }
    }
}
