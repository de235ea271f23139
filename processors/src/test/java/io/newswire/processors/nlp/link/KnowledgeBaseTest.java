package io.newswire.processors.nlp.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseTest {

    @TempDir
    Path folder;

    @Test
    void shouldDropOnlyTheIndexesOfOlderFormats() throws Exception {
        Path older = Files.writeString(folder.resolve("wikipedia-aliases-" + (WikiDictionary.FORMAT - 1) + ".idx"), "x");
        Path current = Files.writeString(folder.resolve(KnowledgeBase.INDEX_FILE), "x");
        Path newer = Files.writeString(folder.resolve("wikipedia-aliases-" + (WikiDictionary.FORMAT + 1) + ".idx"), "x");
        Path other = Files.writeString(folder.resolve("wikipedia-aliases-notes.idx"), "x");

        assertThat(KnowledgeBase.dropOlderFormats(folder)).containsExactly(older);
        assertThat(older).doesNotExist();
        assertThat(current).exists();
        assertThat(newer).as("a newer version sharing the folder keeps its index").exists();
        assertThat(other).exists();
    }
}
