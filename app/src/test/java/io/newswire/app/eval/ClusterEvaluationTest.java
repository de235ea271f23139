package io.newswire.app.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.newswire.common.Article;
import io.newswire.common.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scoring of first decisions against the final state, and what the revisions between them were. */
class ClusterEvaluationTest {

    @TempDir
    Path dir;

    /**
     * Two events of two reports each; the runner puts the second event's later report in the first event's
     * story when that has started, then moves it by a split.
     */
    private static List<Decision> decide(List<Article> articles) {
        List<Decision> first = new ArrayList<>();
        List<Decision> revisions = new ArrayList<>();
        String quake = null;
        String vote = null;
        for (Article a : articles) {
            boolean isQuake = a.id().startsWith("q");
            String story = isQuake ? quake : vote;
            if (story == null) {
                story = a.id();
                if (isQuake) {
                    quake = story;
                } else {
                    vote = story;
                }
                first.add(new Decision(a.id(), 1, Decision.Kind.NEW, null, story, "x", 0, 0.17));
            } else if (!isQuake && quake != null) {
                first.add(new Decision(a.id(), 1, Decision.Kind.SAME_STORY, quake, quake, "x", 0.2, 0.17));
                revisions.add(first.get(first.size() - 1).revised(story, Decision.METHOD_STORY_SPLIT, 0.05, 0.1, 1));
            } else {
                first.add(new Decision(a.id(), 1, Decision.Kind.SAME_STORY, story, story, "x", 0.5, 0.17));
            }
        }
        first.addAll(revisions);
        return first;
    }

    @Test
    void shouldScoreTheFinalStateAfterRevisionsAndSayWhatTheRevisionsWere() throws Exception {
        Path jsonl = dir.resolve("set.jsonl");
        Files.writeString(jsonl, """
                {"doc_id": "q1", "cluster_id": "quake", "text": "Quake hits island\\nTen died."}
                {"doc_id": "q2", "cluster_id": "quake", "text": "Island counts quake dead\\nTen died."}
                {"doc_id": "v1", "cluster_id": "vote", "text": "Budget passes\\nLawmakers voted."}
                {"doc_id": "v2", "cluster_id": "vote", "text": "Lawmakers pass budget\\nThe vote was late."}
                """);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        double f1 = new ClusterEvaluation(ClusterEvaluationTest::decide, "a test runner", null, 3, false)
                .run(jsonl, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(f1).isEqualTo(1.0);
        assertThat(out).contains("final  B3          P 1.000 R 1.000 F1 1.000");
        assertThat(out).as("file order: q1 q2 v1 v2, only v2 after q1 started a story and v1 its own")
                .contains("revisions per article 0.250 (story-split 0.250)");
        assertThat(out).as("file order's first decisions: {q1 q2 v2} {v1}")
                .contains("first decisions  B3 P 0.667 R 0.750 F1 0.706");
        assertThat(out).containsPattern("over 3 shuffled orders: .* revisions per article 0\\.\\d{3} "
                + "\\(story-split 0\\.\\d{3}\\)");
    }
}
