package io.newswire.app.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import io.newswire.common.Entity;
import io.newswire.common.Entity.EntityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkingEvaluationTest {

    @TempDir
    Path dir;

    /** Links every occurrence of "Germany" in the body, and nothing else. */
    private static List<Entity> linkGermany(String headline, List<String> body) {
        String text = body.get(0);
        int at = text.indexOf("Germany");
        return at < 0 ? List.of() : List.of(new Entity("location:wiki:Germany", EntityType.LOCATION, "Germany",
                List.of("Germany"), 1, 0.5, List.of(new Entity.Mention(Entity.Mention.Field.BODY, at, at + 7)),
                "https://en.wikipedia.org/wiki/Germany"));
    }

    @Test
    void shouldGiveTheShareOfCoNllMentionsALinkedPredictionOverlapsAndWriteEachMention() throws Exception {
        Path conll = dir.resolve("x.conll");
        Files.writeString(conll, """
                -DOCSTART- -X- -X- O

                SOCCER NN O O
                - : O O
                Germany NNP I-NP I-LOC
                beat VBD I-VP O
                Peter NNP I-NP I-PER
                Smith NNP I-NP I-PER
                . . O O
                """);
        ByteArrayOutputStream details = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        double share;
        try (PrintStream detailLines = new PrintStream(details, true, StandardCharsets.UTF_8)) {
            share = new LinkingEvaluation(LinkingEvaluationTest::linkGermany, detailLines)
                    .coverage(conll, new PrintStream(out, true, StandardCharsets.UTF_8));
        }
        assertThat(share).isEqualTo(0.5);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("linked share 0.500");
        assertThat(details.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "0\tGermany\t?LOC\tGermany\tLOCATION", "0\tPeter Smith\t?PER\t\t");
    }
}
