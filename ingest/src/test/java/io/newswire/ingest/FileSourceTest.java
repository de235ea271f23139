package io.newswire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import io.newswire.common.Article;
import io.newswire.common.DeadLetter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceTest {

    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path dir;

    private final List<Article> accepted = new ArrayList<>();
    private final List<DeadLetter> rejected = new ArrayList<>();
    private final IngestListener listener = new IngestListener() {
        @Override
        public void accepted(Article article) {
            accepted.add(article);
        }

        @Override
        public void rejected(DeadLetter deadLetter) {
            rejected.add(deadLetter);
        }
    };

    private FileSource source(long maxBytes) {
        return FileSource.detecting(maxBytes, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void shouldTurnEachGoodFileIntoOneArticleWithAStableId() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("wire"));
        Files.writeString(inbox.resolve("a.txt"), "Talks resume\n\nOfficials met in Cairo.\n");
        int files = source(10_000).read(List.of(inbox), listener);
        source(10_000).read(List.of(inbox), listener);

        assertThat(files).isEqualTo(1);
        assertThat(rejected).isEmpty();
        assertThat(accepted).hasSize(2);
        Article a = accepted.get(0);
        assertThat(a.id()).isEqualTo(accepted.get(1).id());
        assertThat(a.source()).isEqualTo("wire");
        assertThat(a.headline()).isEqualTo("Talks resume");
        assertThat(a.received()).isEqualTo(NOW);
        assertThat(a.published()).isEqualTo(NOW);
        assertThat(a.url()).endsWith("/wire/a.txt");
    }

    @Test
    void shouldDeadLetterBadFilesAndGoOn() throws Exception {
        Files.write(dir.resolve("1-empty.txt"), new byte[0]);
        Files.write(dir.resolve("2-binary.bin"), new byte[] {1, 0, 2, 0});
        Files.writeString(dir.resolve("3-headline-only.txt"), "Just a headline");
        Files.writeString(dir.resolve("4-huge.txt"), "H\n\n" + "x".repeat(200));
        Files.writeString(dir.resolve("5-good.txt"), "Headline\n\nBody.");

        source(100).read(List.of(dir), listener);

        assertThat(accepted).extracting(Article::headline).containsExactly("Headline");
        assertThat(rejected).extracting(DeadLetter::reason).containsExactly(
                "empty file", "binary content (NUL bytes): not a text article", "no body: only a headline was found",
                "file of 203 bytes exceeds the limit of 100");
        assertThat(rejected).allSatisfy(d -> assertThat(d.stage()).isEqualTo("ingest"));
        assertThat(rejected.get(2).payload()).isEqualTo("Just a headline");
    }

    @Test
    void shouldReadUndeclaredLatin1() throws Exception {
        Files.write(dir.resolve("latin1.txt"), "Café talks\n\nThe minister’s café.".getBytes("windows-1252"));
        source(10_000).read(List.of(dir), listener);
        assertThat(accepted.get(0).headline()).isEqualTo("Café talks");
        assertThat(accepted.get(0).body()).containsExactly("The minister’s café.");
    }

    @Test
    void shouldReadUtf8WithABom() throws Exception {
        byte[] text = "\uFEFFTalks\n\nBody é.".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("bom.txt"), text);
        source(10_000).read(List.of(dir), listener);
        assertThat(accepted.get(0).headline()).isEqualTo("Talks");
    }
}
