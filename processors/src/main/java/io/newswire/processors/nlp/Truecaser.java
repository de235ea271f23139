package io.newswire.processors.nlp;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Restores ordinary case in a Title-Cased headline before tagging, using the article's own
 * body as the dictionary: a word takes the form it most often has in the body; a word the body never
 * uses is lower-cased. Title case glues common words onto names ("Netanyahu Engage") and all caps hides
 * names altogether; the body knows which words are names. The result has exactly the input's length,
 * so character offsets stay valid. A headline in ordinary case is returned unchanged.
 */
public final class Truecaser {

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’]*");
    private static final Pattern SENTENCE_BREAK = Pattern.compile("[.!?\\n\"“]\\s*$");
    private static final double TITLE_CASE_SHARE = 0.6;
    private static final double UPPER_CASE_SHARE = 0.8;

    public String truecase(String headline, String body) {
        Mode mode = mode(headline);
        // ALL-CAPS headlines are left alone: the CRF was trained on CoNLL copy full of them and reads them
        // better than a guess at their case (measured: truecasing them cost F1 on CoNLL valid).
        if (mode != Mode.TITLE) {
            return headline;
        }
        Map<String, Map<String, Integer>> formsByLower = bodyForms(body);
        StringBuilder out = new StringBuilder(headline);
        Matcher word = WORD.matcher(headline);
        boolean first = true;
        while (word.find()) {
            String original = word.group();
            String replacement = bestForm(original, formsByLower, first);
            first = false;
            if (replacement.length() == original.length()) {
                out.replace(word.start(), word.end(), replacement);
            }
        }
        return out.toString();
    }

    private static String bestForm(String word, Map<String, Map<String, Integer>> formsByLower, boolean first) {
        String lower = word.toLowerCase(Locale.ROOT);
        Map<String, Integer> forms = formsByLower.get(lower);
        if (forms == null || forms.isEmpty()) {
            if (first) {
                return word.substring(0, 1) + lower.substring(1);
            }
            return lower;
        }
        return forms.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).orElse(word);
    }

    /** Word forms of the body, skipping sentence-initial words whose capital says nothing. */
    private static Map<String, Map<String, Integer>> bodyForms(String body) {
        Map<String, Map<String, Integer>> forms = new HashMap<>();
        Matcher word = WORD.matcher(body);
        int previousEnd = 0;
        while (word.find()) {
            String between = body.substring(previousEnd, word.start());
            boolean sentenceStart = previousEnd == 0 || SENTENCE_BREAK.matcher(between).find();
            previousEnd = word.end();
            if (sentenceStart) {
                continue;
            }
            forms.computeIfAbsent(word.group().toLowerCase(Locale.ROOT), k -> new HashMap<>())
                    .merge(word.group(), 1, Integer::sum);
        }
        return forms;
    }

    enum Mode { ORDINARY, TITLE, UPPER }

    static Mode mode(String headline) {
        Matcher word = WORD.matcher(headline);
        int words = 0;
        int capitalised = 0;
        int upperLetters = 0;
        int letters = 0;
        boolean first = true;
        while (word.find()) {
            String w = word.group();
            for (int i = 0; i < w.length(); i++) {
                if (Character.isLetter(w.charAt(i))) {
                    letters++;
                    if (Character.isUpperCase(w.charAt(i))) {
                        upperLetters++;
                    }
                }
            }
            if (!first && w.length() > 3) {
                words++;
                if (Character.isUpperCase(w.charAt(0))) {
                    capitalised++;
                }
            }
            first = false;
        }
        if (letters >= 8 && upperLetters >= UPPER_CASE_SHARE * letters) {
            return Mode.UPPER;
        }
        if (words >= 3 && capitalised >= TITLE_CASE_SHARE * words) {
            return Mode.TITLE;
        }
        return Mode.ORDINARY;
    }
}
