package io.newswire.processors.nlp.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small dictionary in the KBP format (test resource), built into an index once per JVM. */
public final class FixtureDictionary {

    static final String RESOURCE = "/kb/wikidict-fixture.tab";
    private static WikiDictionary shared;

    private FixtureDictionary() {
    }

    public static synchronized WikiDictionary shared() {
        if (shared == null) {
            try (InputStream in = FixtureDictionary.class.getResourceAsStream(RESOURCE)) {
                Path folder = Files.createTempDirectory("kb-fixture");
                folder.toFile().deleteOnExit();
                Path index = folder.resolve("fixture.idx");
                WikiDictionaryBuilder.build(in, index);
                index.toFile().deleteOnExit();
                shared = WikiDictionary.open(index);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }
}
