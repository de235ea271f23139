package io.newswire.app.eval;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import io.newswire.app.eval.ConllReader.Document;
import io.newswire.app.eval.ConllReader.Span;
import io.newswire.processors.nlp.AnalyzedText;
import io.newswire.processors.nlp.DocumentConsistency;
import io.newswire.processors.nlp.Mention;
import io.newswire.processors.nlp.NerAnalyzer;
import io.newswire.processors.nlp.Token;

/**
 * {@code eval ner}: runs the stream's own NER ({@link NerAnalyzer}: truecasing + document consistency
 * around the CRF) and, in the same run, the bare CRF on the same rebuilt texts, and scores both against
 * the gold spans.
 */
public final class NerEvaluation {

    private final Function<String, List<Token>> tagger;

    /** @param tagger the CRF: text to labelled tokens */
    public NerEvaluation(Function<String, List<Token>> tagger) {
        this.tagger = tagger;
    }

    /** @return the pipeline's overall F1 */
    public double run(Path conll, PrintStream out) throws Exception {
        List<Document> documents = ConllReader.read(conll);
        NerAnalyzer analyzer = new NerAnalyzer(tagger);
        SpanScore stock = new SpanScore();
        SpanScore ours = new SpanScore();
        long started = System.nanoTime();
        int tokens = 0;
        for (Document doc : documents) {
            String text = doc.text();
            List<Token> bare = tagger.apply(text);
            tokens += bare.size();
            stock.add(doc.gold(), spans(DocumentConsistency.mentions(bare, text)));
            AnalyzedText analyzed = analyzer.analyze(doc.headline(), doc.body());
            ours.add(doc.gold(), spans(analyzed.mentions()));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("%s: %d documents, %d tokens, %.1f s for both passes%n%n", conll, documents.size(), tokens, seconds);
        out.println(stock.table("stock CoreNLP CRF (english.conll.4class.distsim), same text and tokenizer:"));
        out.println(ours.table("newswire NER (truecased headlines + document consistency):"));
        out.printf("stock F1 %.3f%n", stock.f1(null));
        out.printf("overall F1 %.3f%n", ours.f1(null));
        return ours.f1(null);
    }

    static List<Span> spans(List<Mention> mentions) {
        return mentions.stream().map(m -> new Span(m.start(), m.end(), conllType(m.label()))).toList();
    }

    static String conllType(String label) {
        return switch (label) {
            case "PERSON" -> "PER";
            case "ORGANIZATION" -> "ORG";
            case "LOCATION" -> "LOC";
            default -> "MISC";
        };
    }
}
