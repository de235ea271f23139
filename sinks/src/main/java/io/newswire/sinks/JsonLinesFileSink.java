package io.newswire.sinks;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.Json;

/**
 * Appends one JSON document per line to a file. On open it reads the identities already in the file,
 * so a re-run or a redelivery after a crash adds no second line for the same record. A torn last line
 * (a crash mid-write) is ignored when reading identities and the record is written again.
 *
 * <p>Memory: one identity string per line written; fine for the demo and for daily files.
 */
public final class JsonLinesFileSink implements RecordSink {

    private final Path file;
    private final FileChannel channel;
    private final Set<String> written = new HashSet<>();

    public JsonLinesFileSink(Path file) throws IOException {
        this.file = file;
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (Files.exists(file)) {
            loadIdentities();
        }
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    public Path file() {
        return file;
    }

    @Override
    public boolean write(SinkRecord record) throws IOException {
        if (!written.add(record.identity())) {
            return false;
        }
        byte[] line = (Json.MAPPER.writeValueAsString(record.json()) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        return true;
    }

    @Override
    public void flush() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            channel.close();
        }
    }

    private void loadIdentities() throws IOException {
        boolean tornTail = false;
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode json = Json.MAPPER.readTree(line);
                    written.add(SinkRecord.identityOf(json));
                } catch (JsonProcessingException e) {
                    tornTail = true;
                }
            }
        }
        if (tornTail) {
            truncateTornTail();
        }
    }

    /** Drops a last line left half-written by a crash, so the file stays one valid document per line. */
    private void truncateTornTail() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        int lastNewline = end - 1;
        while (lastNewline >= 0 && bytes[lastNewline] != '\n') {
            lastNewline--;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(lastNewline + 1L);
        }
    }
}
