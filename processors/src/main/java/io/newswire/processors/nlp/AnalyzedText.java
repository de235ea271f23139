package io.newswire.processors.nlp;

import java.util.List;

/**
 * An article's text as tagged: the document is the headline, a blank line, then the body paragraphs
 * separated by blank lines; {@code bodyOffset} is where the body starts in it.
 */
public record AnalyzedText(String text, int bodyOffset, List<Token> tokens, List<Mention> mentions) {
}
