package io.newswire.ingest.formats;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A headline for copy that came without one: its first sentence, cut at a word within the limit. */
final class Headlines {

    static final int MAX = 160;
    /** A sentence ends at . ! or ? followed by a space and a capital, a digit or an opening quote. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s+[\\p{Lu}\\d\"“«])");

    private Headlines() {
    }

    static String firstSentence(List<String> body) {
        String first = body.stream().filter(p -> !p.isBlank()).findFirst().orElse("").strip();
        Matcher end = SENTENCE_END.matcher(first);
        String sentence = end.find() ? first.substring(0, end.start() + 1) : first;
        if (sentence.length() <= MAX) {
            return sentence;
        }
        int cut = sentence.lastIndexOf(' ', MAX - 1);
        return sentence.substring(0, cut > MAX / 2 ? cut : MAX - 1).strip() + "…";
    }
}
