package io.newswire.app;

import java.nio.file.Path;

/** Folder removal shared by the launcher's temporary folders. */
public final class EmbeddedKafkaFiles {

    private EmbeddedKafkaFiles() {
    }

    public static void delete(Path dir) {
        EmbeddedKafka.deleteRecursively(dir);
    }
}
