package io.newswire.processors.nlp;

import java.util.List;
import java.util.function.Function;

/**
 * Tagging with the methods that carry over to unseen news, around a CRF tagger:
 * headline truecasing before tagging, then document-level label consistency.
 * Thread-safe when the tagger is.
 */
public final class NerAnalyzer {

    private final Function<String, List<Token>> tagger;
    private final Truecaser truecaser = new Truecaser();
    private final DocumentConsistency consistency = new DocumentConsistency();

    /** @param tagger text to labelled tokens whose offsets index into the text */
    public NerAnalyzer(Function<String, List<Token>> tagger) {
        this.tagger = tagger;
    }

    public AnalyzedText analyze(String headline, List<String> body) {
        String bodyText = String.join("\n\n", body);
        String document = headline + "\n\n" + bodyText;
        String tagged = truecaser.truecase(headline, bodyText) + "\n\n" + bodyText;
        List<Token> tokens = consistency.apply(originalSurface(tagger.apply(tagged), document));
        return new AnalyzedText(document, headline.length() + 2, tokens,
                DocumentConsistency.mentions(tokens, document));
    }

    /** Token texts as written in the original (the tagger saw a truecased headline of the same length). */
    private static List<Token> originalSurface(List<Token> tokens, String document) {
        return tokens.stream()
                .map(t -> new Token(document.substring(t.start(), t.end()), t.start(), t.end(), t.sentence(), t.label()))
                .toList();
    }
}
