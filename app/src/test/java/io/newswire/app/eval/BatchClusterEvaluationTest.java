package io.newswire.app.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.newswire.processors.TopologySettings;
import io.newswire.processors.nlp.Enrichment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole set clustered at once: two events of one kind cut apart, the same in every order. */
class BatchClusterEvaluationTest {

    @TempDir
    Path dir;

    /** Six reports of each of two rulings of one kind, and three of an unrelated vote; every report distinct. */
    private static String set() {
        List<String> lines = new ArrayList<>();
        String[][] events = {
                {"bush", "Interior weakens endangered species rule", "Kempthorne signs December wolves change"},
                {"obama", "Interior restores endangered species rule", "Salazar signs April salmon reversal"},
                {"vote", "Parliament passes budget", "Lawmakers approve fuel tax increase"}};
        for (String[] e : events) {
            int reports = e[0].equals("vote") ? 3 : 6;
            for (int i = 0; i < reports; i++) {
                String id = e[0] + i;
                lines.add("{\"doc_id\": \"" + id + "\", \"cluster_id\": \"" + e[0] + "\", \"text\": \"" + e[1]
                        + "\\n" + e[2] + " quoted reporter" + id + " outlet" + id + ".\"}");
            }
        }
        return String.join("\n", lines) + "\n";
    }

    @Test
    void shouldCutTwoEventsOfOneKindApartInEveryOrder() throws Exception {
        Path jsonl = dir.resolve("set.jsonl");
        Files.writeString(jsonl, set());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        double f1 = new BatchClusterEvaluation(Enrichment.none(), TopologySettings.defaults().inProcess(), 3)
                .run(jsonl, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String report = bytes.toString(StandardCharsets.UTF_8);
        assertThat(f1).as(report).isEqualTo(1.0);
        assertThat(report).contains("15 documents, 3 gold clusters", "file order: 3 stories of 15 documents scored",
                "shuffled order (seed 44): 3 stories of 15", "over 3 shuffled orders: B3 F1 1.000 ± 0.000");
    }
}
