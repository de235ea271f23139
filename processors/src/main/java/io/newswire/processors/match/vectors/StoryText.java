package io.newswire.processors.match.vectors;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of an article that story clustering counts: letters (any script) and numbers, lower-cased,
 * without English function words and one-character tokens. Headline words count twice: the headline
 * names the event. Pure and thread-safe.
 */
public final class StoryText {

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’-]*|\\p{N}+(?:[.,]\\p{N}+)?");
    private static final int HEADLINE_WEIGHT = 2;
    private static final Set<String> STOP = Set.of(("a an the of to in on for and or but is are was were be been "
            + "being by with at from as that this these those it its he she they we you i his her their our your my "
            + "me him them us not no have has had do does did will would can could should may might must shall said "
            + "says say also than then there here who whom which what when where why how all any some more most other "
            + "into over after before about up down out off again further once only own same so too very just "
            + "s t n't 's").split(" "));

    private StoryText() {
    }

    /** Term counts of the headline (twice) and the body paragraphs. */
    public static Map<String, Integer> counts(String headline, List<String> body) {
        Map<String, Integer> counts = new HashMap<>();
        add(counts, headline, HEADLINE_WEIGHT);
        for (String paragraph : body) {
            add(counts, paragraph, 1);
        }
        return counts;
    }

    private static void add(Map<String, Integer> counts, String text, int weight) {
        if (text == null) {
            return;
        }
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT);
            if (word.length() > 1 && !STOP.contains(word)) {
                counts.merge(word, weight, Integer::sum);
            }
        }
    }
}
