package io.newswire.app.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CoNLL-2003 files ({@code token POS chunk NER} per line, blank lines between sentences,
 * {@code -DOCSTART-} between documents; IOB1 or IOB2 tags) into documents whose text is rebuilt the way
 * the pipeline sees an article: the first sentence is the headline, each further sentence a paragraph.
 */
public final class ConllReader {

    /** A gold or predicted entity: characters [start, end) of the document text, and its CoNLL type. */
    public record Span(int start, int end, String type) {
    }

    /** One document: headline, body paragraphs, and the gold spans over headline + "\n\n" + body. */
    public record Document(String headline, List<String> body, List<Span> gold) {
        public String text() {
            return headline + "\n\n" + String.join("\n\n", body);
        }
    }

    private ConllReader() {
    }

    public static List<Document> read(Path file) throws IOException {
        List<Document> documents = new ArrayList<>();
        List<List<String[]>> sentences = new ArrayList<>();
        List<String[]> sentence = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("-DOCSTART-")) {
                flushSentence(sentences, sentence);
                flushDocument(documents, sentences);
            } else if (trimmed.isEmpty()) {
                flushSentence(sentences, sentence);
            } else {
                String[] columns = trimmed.split("\\s+");
                sentence.add(new String[] {columns[0], columns[columns.length - 1]});
            }
        }
        flushSentence(sentences, sentence);
        flushDocument(documents, sentences);
        return documents;
    }

    private static void flushSentence(List<List<String[]>> sentences, List<String[]> sentence) {
        if (!sentence.isEmpty()) {
            sentences.add(new ArrayList<>(sentence));
            sentence.clear();
        }
    }

    private static void flushDocument(List<Document> documents, List<List<String[]>> sentences) {
        if (sentences.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        List<String> paragraphs = new ArrayList<>();
        List<Span> gold = new ArrayList<>();
        for (int s = 0; s < sentences.size(); s++) {
            if (s > 0) {
                text.append("\n\n");
            }
            int sentenceStart = text.length();
            String openType = null;
            int openStart = -1;
            int previousEnd = -1;
            for (int t = 0; t < sentences.get(s).size(); t++) {
                String[] token = sentences.get(s).get(t);
                if (t > 0) {
                    text.append(' ');
                }
                int start = text.length();
                text.append(token[0]);
                String tag = token[1];
                String type = tag.equals("O") ? null : tag.substring(2);
                boolean continues = type != null && tag.startsWith("I-") && type.equals(openType);
                if (openType != null && !continues) {
                    gold.add(new Span(openStart, previousEnd, openType));
                    openType = null;
                }
                if (type != null && !continues) {
                    openType = type;
                    openStart = start;
                }
                previousEnd = text.length();
            }
            if (openType != null) {
                gold.add(new Span(openStart, previousEnd, openType));
            }
            paragraphs.add(text.substring(sentenceStart));
        }
        documents.add(new Document(paragraphs.get(0), List.copyOf(paragraphs.subList(1, paragraphs.size())),
                gold));
        sentences.clear();
    }
}
