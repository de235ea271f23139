package io.newswire.processors.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Test helper: "Joe/PERSON Biden/PERSON spoke/O ./O" to tokens over the space-joined text; "|" starts a sentence. */
final class Tokens {

    private Tokens() {
    }

    static List<Token> parse(String spec) {
        List<Token> tokens = new ArrayList<>();
        int offset = 0;
        int sentence = 0;
        for (String item : spec.trim().split("\\s+")) {
            if (item.equals("|")) {
                sentence++;
                continue;
            }
            int slash = item.lastIndexOf('/');
            String word = item.substring(0, slash);
            tokens.add(new Token(word, offset, offset + word.length(), sentence, item.substring(slash + 1)));
            offset += word.length() + 1;
        }
        return tokens;
    }

    static String text(List<Token> tokens) {
        StringBuilder out = new StringBuilder();
        for (Token t : tokens) {
            while (out.length() < t.start()) {
                out.append(' ');
            }
            out.append(t.text());
        }
        return out.toString();
    }

    /** A tagger that labels known names wherever they occur, by exact token text; all else O. */
    static Function<String, List<Token>> gazetteer(java.util.Map<String, String> labelByWord) {
        return text -> {
            List<Token> out = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\S+").matcher(text);
            int sentence = 0;
            int lastEnd = 0;
            while (m.find()) {
                if (text.substring(lastEnd, m.start()).contains("\n")) {
                    sentence++;
                }
                lastEnd = m.end();
                String word = m.group().replaceAll("[.,]$", "");
                out.add(new Token(word, m.start(), m.start() + word.length(), sentence,
                        labelByWord.getOrDefault(word, Token.NONE)));
            }
            return out;
        };
    }
}
