package io.newswire.app.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import io.newswire.app.eval.ConllReader.Document;
import io.newswire.app.eval.ConllReader.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConllReaderTest {

    @TempDir
    Path dir;

    private List<Document> read(String content) throws Exception {
        Path file = dir.resolve("x.conll");
        Files.writeString(file, content);
        return ConllReader.read(file);
    }

    private static String text(Document d, Span s) {
        return d.text().substring(s.start(), s.end());
    }

    @Test
    void shouldReadIob1WithBOnlyBetweenAdjacentEntitiesOfOneType() throws Exception {
        List<Document> docs = read("""
                -DOCSTART- -X- -X- O

                EU NNP I-NP I-ORG
                rejects VBZ I-VP O
                German JJ I-NP I-MISC
                call NN I-NP O
                . . O O

                Peter NNP I-NP I-PER
                Blackburn NNP I-NP I-PER
                Smith NNP I-NP B-PER
                met VBD I-VP O

                -DOCSTART- -X- -X- O

                Paris NNP I-NP I-LOC
                """);
        assertThat(docs).hasSize(2);
        Document first = docs.get(0);
        assertThat(first.headline()).isEqualTo("EU rejects German call .");
        assertThat(first.body()).containsExactly("Peter Blackburn Smith met");
        assertThat(first.gold()).extracting(s -> text(first, s) + "/" + s.type())
                .containsExactly("EU/ORG", "German/MISC", "Peter Blackburn/PER", "Smith/PER");
        assertThat(docs.get(1).gold()).extracting(Span::type).containsExactly("LOC");
    }

    @Test
    void shouldReadIob2() throws Exception {
        Document d = read("""
                New B-LOC
                York I-LOC
                and O
                Boston B-LOC

                """).get(0);
        assertThat(d.gold()).extracting(s -> text(d, s)).containsExactly("New York", "Boston");
    }

    @Test
    void shouldScoreExactSpanAndTypeOnly() {
        SpanScore score = new SpanScore();
        score.add(List.of(new Span(0, 5, "PER"), new Span(10, 15, "LOC")),
                List.of(new Span(0, 5, "PER"), new Span(10, 15, "ORG"), new Span(20, 22, "MISC")));
        // 1 true positive of 3 predicted and 2 gold: P 1/3, R 1/2, F1 0.4
        assertThat(score.f1(null)).isEqualTo(0.4, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(score.f1("PER")).isEqualTo(1.0);
        assertThat(score.f1("LOC")).isZero();
        assertThat(score.table("t")).contains("overall").contains("0.400");
    }
}
