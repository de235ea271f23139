package io.newswire.ingest.sources;

import io.newswire.ingest.IngestListener;
import io.newswire.ingest.formats.RejectedInputException;
import io.newswire.ingest.formats.WebChromeCleaner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import io.newswire.common.Article;
import io.newswire.common.ArticleIds;
import io.newswire.common.DeadLetter;
import io.newswire.ingest.formats.Formats;
import io.newswire.ingest.formats.ItemFormat;
import io.newswire.ingest.formats.ParsedItem;

/**
 * One-shot read of files and folders (recursively, in name order), in any supported format, detected
 * per file unless one is forced. A file may hold several items (a NewsML message, a feed). Each text item
 * becomes one article; a picture, video or package item is reported as skipped; anything unreadable
 * becomes one dead letter with the reason. One bad file never stops the others.
 *
 * <p>An article's source is its provider when the format names one, otherwise the name of the folder the
 * file sits in; its id is the item's own GUID/URI, otherwise a hash of source and text, so reading the
 * same file again gives the same id.
 */
public final class FileSource {

    public static final String STAGE = "ingest";

    private final Formats formats;
    private final Optional<ItemFormat> forced;
    private final long maxBytes;
    private final Clock clock;

    public FileSource(Formats formats, Optional<ItemFormat> forced, long maxBytes, Clock clock) {
        this.formats = formats;
        this.forced = forced;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /** Plain-text-or-detected reading with the default cleaner: what most callers want. */
    public static FileSource detecting(long maxBytes, Clock clock) {
        return new FileSource(new Formats(new WebChromeCleaner()), Optional.empty(), maxBytes, clock);
    }

    /** @return the number of files read */




    /**
     * The article's size as it goes to Kafka, computed only when it could exceed the limit: JSON escapes a
     * character in at most 6 bytes, so text of under a sixth of the limit always fits.
     */
    private long serializedSize(Article article) {
        long chars = article.headline().length() + (article.url() == null ? 0 : article.url().length())
                + (article.byline() == null ? 0 : article.byline().length()) + 4096;
        for (String paragraph : article.body()) {
            chars += paragraph.length() + 4;
        }
        if (chars * 6 <= maxBytes) {
            return chars;
        }
        try {
            return io.newswire.common.Json.MAPPER.writeValueAsBytes(article).length;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The largest input read; larger ones are dead-lettered. */
    public long maxBytes() {
        return maxBytes;
    }

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
        byte[] bytes;
        try {
            // Checked before reading, so a huge file is refused without being loaded.
            long size = Files.size(file);
            if (size == 0) {
                throw new RejectedInputException("empty file");
            }
            if (size > maxBytes) {
                throw new RejectedInputException("file of " + size + " bytes exceeds the limit of " + maxBytes);
            }
            bytes = Files.readAllBytes(file);
        } catch (RejectedInputException e) {
            listener.rejected(DeadLetter.of(STAGE, e.getMessage(), origin, null, new byte[0], received));
            return;
        } catch (IOException e) {
            listener.rejected(DeadLetter.of(STAGE, "cannot read file: " + e.getMessage(), origin, null, new byte[0],
                    received));
            return;
        }
        readBytes(bytes, origin, file.toAbsolutePath().getParent().getFileName().toString(), listener);
    }

    /**
     * Reads one document that arrived as bytes (a file's content, stdin, an HTTP request body).
     *
     * @param origin     where it came from, for dead letters and article URLs
     * @param sourceName the article source when the format names no provider
     */
    public void readBytes(byte[] bytes, String origin, String sourceName, IngestListener listener) {
        readBytes(bytes, origin, sourceName, null, listener);
    }

    /** @param transportCharset the charset the transport declared (HTTP {@code Content-Type}), or null */
    public void readBytes(byte[] bytes, String origin, String sourceName, String transportCharset,
                          IngestListener listener) {
        Instant received = clock.instant();
        try {
            if (bytes.length == 0) {
                throw new RejectedInputException("empty input");
            }
            if (bytes.length > maxBytes) {
                throw new RejectedInputException("input of " + bytes.length + " bytes exceeds the limit of " + maxBytes);
            }
            Formats.Read read = formats.read(bytes, forced, transportCharset);
            ItemFormat format = read.format();
            List<ParsedItem> items = read.items();
            if (items.isEmpty()) {
                throw new RejectedInputException("no items in this " + format.name() + " document");
            }
            for (ParsedItem item : items) {
                accept(item, format, sourceName, origin, received, bytes, listener);
            }
        } catch (RejectedInputException e) {
            listener.rejected(DeadLetter.of(STAGE, e.getMessage(), origin, null, bytes, received));
        } catch (RuntimeException e) {
            // A parser bug on one hostile file must not stop the source: dead-letter it with the cause.
            listener.rejected(DeadLetter.of(STAGE, "cannot parse: " + e, origin, null, bytes, received));
        } catch (StackOverflowError e) {
            // Recursion a depth limit did not catch: the input, not the source, is at fault.
            listener.rejected(DeadLetter.of(STAGE, "cannot parse: nested too deeply", origin, null, bytes, received));
        }
    }

    private void accept(ParsedItem item, ItemFormat format, String folder, String origin, Instant received,
                        byte[] bytes, IngestListener listener) {
        String where = item.guid() == null ? origin : origin + "#" + item.guid();
        switch (item.kind()) {
            case TEXT -> {
                if (!item.hasText()) {
                    listener.rejected(DeadLetter.of(STAGE, "text item without " + (item.headline() == null
                            || item.headline().isBlank() ? "a headline" : "a body"), where, item.guid(), bytes, received));
                    return;
                }
                item = item.checked(received);
                Instant published = item.published();
                String source = item.meta() != null && item.meta().provider() != null ? item.meta().provider() : folder;
                String id = ArticleIds.of(item.guid(), source, item.headline(), item.body());
                Article article = Article.ingested(id, item.version() == null ? 1 : Math.max(1, item.version()), source,
                        format.name(), item.url() != null ? item.url() : origin, item.headline(), item.body(),
                        item.byline(), item.language(), published != null ? published : received, received);
                Article out = item.meta() == null ? article : article.withMeta(item.meta());
                long size = serializedSize(out);
                if (size > maxBytes) {
                    listener.rejected(DeadLetter.of(STAGE, "article of " + size + " bytes as JSON exceeds the limit of "
                            + maxBytes + " (control characters and markup take more room escaped)", where, item.guid(),
                            bytes, received));
                    return;
                }
                listener.accepted(out);
            }
            case NO_CONTENT -> listener.rejected(DeadLetter.of(STAGE, "text item carries no text in the file",
                    where, item.guid(), bytes, received));
            case LINK -> listener.skipped(where, "feed entry without content: its text is on the linked page");
            default -> listener.skipped(where, item.kind().name().toLowerCase(Locale.ROOT) + " item without text");
        }
    }

}
