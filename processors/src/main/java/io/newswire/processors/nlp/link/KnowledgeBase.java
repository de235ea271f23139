package io.newswire.processors.nlp.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the alias index lives: built once from the Wikipedia dictionary that ships in CoreNLP's KBP models
 * jar, cached as one file in a data folder, rebuilt when it is missing or unreadable. The folder is
 * {@code NEWSWIRE_KB_DIR} (environment), else the system property {@code newswire.kb.dir}, else
 * {@code ~/.cache/newswire}. A build takes about a minute and some 700 MB of heap; after that, opening is
 * instant and the index is shared through the page cache.
 */
public final class KnowledgeBase {

    /** The dictionary inside {@code edu.stanford.nlp:stanford-corenlp:…:models-english-kbp}. */
    public static final String DICTIONARY_RESOURCE = "edu/stanford/nlp/models/kbp/english/wikidict.tab.gz";
    static final String INDEX_FILE = "wikipedia-aliases-" + WikiDictionary.FORMAT + ".idx";
    private static final Pattern INDEX_NAME = Pattern.compile("wikipedia-aliases-(\\d{1,9})\\.idx");
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBase.class);
    private static volatile WikiDictionary shared;

    private KnowledgeBase() {
    }

    /** The JVM-wide index, built on first use; empty when the dictionary is not on the classpath. */
    public static synchronized Optional<WikiDictionary> shared() {
        if (shared == null) {
            if (KnowledgeBase.class.getClassLoader().getResource(DICTIONARY_RESOURCE) == null) {
                LOG.warn("{} is not on the classpath: entities are not linked to Wikipedia", DICTIONARY_RESOURCE);
                return Optional.empty();
            }
            shared = open(folder());
        }
        return Optional.of(shared);
    }

    public static Path folder() {
        String env = System.getenv("NEWSWIRE_KB_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String property = System.getProperty("newswire.kb.dir");
        return property != null && !property.isBlank() ? Path.of(property)
                : Path.of(System.getProperty("user.home"), ".cache", "newswire");
    }

    /**
     * Deletes the indexes of formats older than this one in {@code folder}: each is some 0.4 GB, and nothing of
     * this version reads them. Newer formats stay, for a newer version that shares the folder.
     *
     * @return the files deleted
     */
    static List<Path> dropOlderFormats(Path folder) throws IOException {
        List<Path> dropped = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "wikipedia-aliases-*.idx")) {
            for (Path file : files) {
                Matcher m = INDEX_NAME.matcher(file.getFileName().toString());
                if (m.matches() && Integer.parseInt(m.group(1)) < WikiDictionary.FORMAT) {
                    Files.deleteIfExists(file);
                    dropped.add(file);
                    LOG.info("deleted the alias index of an older format, {}", file);
                }
            }
        }
        return dropped;
    }

    /** Opens the index in {@code folder}, building it from the classpath dictionary first when needed. */
    public static WikiDictionary open(Path folder) {
        Path index = folder.resolve(INDEX_FILE);
        try {
            if (Files.isRegularFile(index)) {
                try {
                    return WikiDictionary.open(index);
                } catch (IOException e) {
                    LOG.warn("rebuilding the alias index {}: {}", index, e.getMessage());
                }
            }
            Files.createDirectories(folder);
            LOG.info("building the Wikipedia alias index at {} (once; about a minute)", index);
            long started = System.nanoTime();
            try (InputStream raw = KnowledgeBase.class.getClassLoader().getResourceAsStream(DICTIONARY_RESOURCE)) {
                if (raw == null) {
                    throw new IOException(DICTIONARY_RESOURCE + " is not on the classpath");
                }
                WikiDictionaryBuilder.Built built = WikiDictionaryBuilder.build(new GZIPInputStream(raw, 1 << 16), index);
                LOG.info("alias index built in {} s: {} lines, {} titles, {} aliases, {} candidates, {} MB",
                        (System.nanoTime() - started) / 1_000_000_000, built.lines(), built.titles(), built.aliases(),
                        built.candidates(), built.bytes() >> 20);
            }
            dropOlderFormats(folder);
            return WikiDictionary.open(index);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build or open the alias index at " + index
                    + " (set NEWSWIRE_KB_DIR to a writable folder)", e);
        }
    }
}
