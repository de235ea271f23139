package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import io.newswire.app.eval.EvalDocuments;
import io.newswire.common.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCorpusFilesTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadAnEvaluationFilesDocumentsBesideTheFilesAsArticlesOfOneParagraphASentence() throws Exception {
        Path jsonl = dir.resolve("docs.jsonl");
        Files.writeString(jsonl, """
                {"doc_id": "1_1", "cluster_id": "1", "text": "A quake shook Qeshm island on Sunday .\\nIt killed 10 people .\\nRescuers dug through rubble ."}

                {"doc_id": "2_1", "cluster_id": "2", "text": "Lindsay Lohan entered rehab .\\nHer lawyer confirmed it ."}
                """);

        List<Article> corpus = BenchCommand.corpus(EvalDocuments.texts(jsonl), List.of(Path.of("../seeds")), 0);

        assertThat(corpus).hasSize(2 + 5);
        Article quake = corpus.get(0);
        assertThat(quake.headline()).isEqualTo("A quake shook Qeshm island on Sunday .");
        assertThat(quake.body()).containsExactly("It killed 10 people .", "Rescuers dug through rubble .");
        assertThat(corpus.get(1).body()).containsExactly("Her lawyer confirmed it .");
        assertThat(BenchCommand.corpus(EvalDocuments.texts(jsonl), List.of(Path.of("../seeds")), 12)).hasSize(12);
    }
}
