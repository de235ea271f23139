package io.newswire.processors.nlp;

/**
 * One token of a document with its character span [start, end) and NER label ("O" for none, otherwise
 * PERSON, ORGANIZATION, LOCATION or MISC). {@code sentence} numbers the sentence it belongs to.
 */
public record Token(String text, int start, int end, int sentence, String label) {

    public static final String NONE = "O";

    public Token withLabel(String newLabel) {
        return new Token(text, start, end, sentence, newLabel);
    }

    public boolean isEntity() {
        return !NONE.equals(label);
    }
}
