package io.newswire.processors.nlp;

/** A maximal run of tokens with one entity label: the span [start, end) of the document text. */
public record Mention(String text, String label, int start, int end, int firstToken, int lastToken) {
}
