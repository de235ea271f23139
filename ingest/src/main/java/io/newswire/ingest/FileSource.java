package io.newswire.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import io.newswire.common.Article;
import io.newswire.common.ArticleIds;
import io.newswire.common.DeadLetter;

/**
 * One-shot read of files and folders (recursively, in name order). Each file becomes one article or
 * one dead letter with the reason; one bad file never stops the others.
 *
 * <p>The article's source is the name of the folder the file sits in, its URL the file's URI, and its
 * id a hash of source and text, so reading the same file again gives the same id.
 */
public final class FileSource {

    public static final String STAGE = "ingest";
    public static final String FORMAT = "text";

    private final PlainTextFormat format;
    private final long maxBytes;
    private final Clock clock;

    public FileSource(PlainTextFormat format, long maxBytes, Clock clock) {
        this.format = format;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /** @return the number of files read */
    public int read(List<Path> inputs, IngestListener listener) throws IOException {
        int files = 0;
        for (Path file : expand(inputs)) {
            files++;
            readOne(file, listener);
        }
        return files;
    }

    static List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new IOException("input not found: " + input);
            }
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted()
                            .forEach(files::add);
                }
            } else {
                files.add(input);
            }
        }
        return files;
    }

    void readOne(Path file, IngestListener listener) {
        String origin = file.toUri().toString();
        Instant received = clock.instant();
        byte[] bytes = new byte[0];
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new RejectedInputException("empty file");
            }
            if (size > maxBytes) {
                throw new RejectedInputException("file of " + size + " bytes exceeds the limit of " + maxBytes);
            }
            bytes = Files.readAllBytes(file);
            ParsedText parsed = format.parse(TextDecoder.decode(bytes));
            String source = file.toAbsolutePath().getParent().getFileName().toString();
            String id = ArticleIds.of(null, source, parsed.headline(), parsed.body());
            listener.accepted(Article.ingested(id, 1, source, FORMAT, origin, parsed.headline(), parsed.body(),
                    null, null, parsed.published().orElse(received), received));
        } catch (RejectedInputException e) {
            listener.rejected(DeadLetter.of(STAGE, e.getMessage(), origin, null, bytes, received));
        } catch (IOException e) {
            listener.rejected(DeadLetter.of(STAGE, "cannot read file: " + e.getMessage(), origin, null, bytes,
                    received));
        }
    }
}
