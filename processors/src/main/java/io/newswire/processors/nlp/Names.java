package io.newswire.processors.nlp;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Small name utilities shared by within-article resolution and the cross-article registry. */
public final class Names {

    /** Common English given-name hypocorisms, plus well-known public nicknames. Keys and values lower case. */
    private static final Map<String, Set<String>> NICKNAMES = Map.ofEntries(
            Map.entry("benjamin", Set.of("ben", "benny", "bibi")),
            Map.entry("joseph", Set.of("joe", "joey")),
            Map.entry("william", Set.of("bill", "will", "billy", "willy")),
            Map.entry("robert", Set.of("bob", "rob", "bobby", "robbie")),
            Map.entry("richard", Set.of("dick", "rick", "rich")),
            Map.entry("james", Set.of("jim", "jimmy", "jamie")),
            Map.entry("michael", Set.of("mike", "mick")),
            Map.entry("thomas", Set.of("tom", "tommy")),
            Map.entry("edward", Set.of("ed", "ted", "eddie")),
            Map.entry("elizabeth", Set.of("liz", "beth", "betty", "lizzie")),
            Map.entry("katherine", Set.of("kate", "kathy", "katie")),
            Map.entry("catherine", Set.of("kate", "cathy")),
            Map.entry("margaret", Set.of("maggie", "meg", "peggy")),
            Map.entry("alexander", Set.of("alex", "sasha")),
            Map.entry("anthony", Set.of("tony")),
            Map.entry("antony", Set.of("tony")),
            Map.entry("charles", Set.of("charlie", "chuck")),
            Map.entry("daniel", Set.of("dan", "danny")),
            Map.entry("david", Set.of("dave")),
            Map.entry("donald", Set.of("don")),
            Map.entry("gabriel", Set.of("gabi", "gabe")),
            Map.entry("jennifer", Set.of("jen", "jenny")),
            Map.entry("john", Set.of("jack", "johnny")),
            Map.entry("jonathan", Set.of("jon")),
            Map.entry("lawrence", Set.of("larry")),
            Map.entry("matthew", Set.of("matt")),
            Map.entry("nicholas", Set.of("nick")),
            Map.entry("patrick", Set.of("pat")),
            Map.entry("peter", Set.of("pete")),
            Map.entry("samuel", Set.of("sam")),
            Map.entry("stephen", Set.of("steve")),
            Map.entry("steven", Set.of("steve")),
            Map.entry("timothy", Set.of("tim")),
            Map.entry("vladimir", Set.of("vlad")));

    // Compiled once: these run for every mention of every article.
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern NON_ALNUM = java.util.regex.Pattern.compile("[^a-z0-9]+");
    private static final java.util.regex.Pattern EDGE_DASHES = java.util.regex.Pattern.compile("(^-|-$)");

    private Names() {
    }

    /** True when {@code shortForm} is a nickname or initial of {@code formal} (case-insensitive). */
    public static boolean isNicknameOf(String shortForm, String formal) {
        String s = shortForm.toLowerCase(Locale.ROOT).replace(".", "");
        String f = formal.toLowerCase(Locale.ROOT);
        if (s.length() == 1) {
            return f.startsWith(s);
        }
        return NICKNAMES.getOrDefault(f, Set.of()).contains(s);
    }

    /** Same given name, a nickname of it, or a one-letter spelling variant (Anthony / Antony). */
    public static boolean compatibleGivenNames(String a, String b) {
        return a.equalsIgnoreCase(b) || isNicknameOf(a, b) || isNicknameOf(b, a) || similar(a, b);
    }

    /**
     * Spelling variants of one name: same first letter and an edit distance (with transpositions) of 1,
     * or 2 for names of 8 letters or more. Short names must match exactly.
     */
    public static boolean similar(String a, String b) {
        // Names are compared per pair of every candidate in a registry block: ASCII names (most) are compared
        // as folded without building the folded strings.
        if (isAscii(a) && isAscii(b)) {
            return similarFolded(a, b, true);
        }
        return similarFolded(fold(a), fold(b), false);
    }

    private static boolean similarFolded(String x, String y, boolean asciiCase) {
        if (asciiCase ? x.equalsIgnoreCase(y) : x.equals(y)) {
            return true;
        }
        int shorter = Math.min(x.length(), y.length());
        if (shorter < 5 || at(x, 0, asciiCase) != at(y, 0, asciiCase)) {
            return false;
        }
        int allowed = shorter >= 8 ? 2 : 1;
        return Math.abs(x.length() - y.length()) <= allowed && withinDistance(x, y, allowed, asciiCase);
    }

    /** Lower case without accents: the form names are compared in. */
    public static String fold(String text) {
        if (isAscii(text)) {
            return text.toLowerCase(Locale.ROOT);
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** The last word of a name: a person's surname. The same as the last of {@link #words}, without the split. */
    public static String lastWord(String name) {
        String s = name.strip();
        int start = s.length();
        while (start > 0 && !isSpace(s.charAt(start - 1))) {
            start--;
        }
        return s.substring(start);
    }

    /** The first word of a name: a person's given name. The same as the first of {@link #words}. */
    public static String firstWord(String name) {
        String s = name.strip();
        int end = 0;
        while (end < s.length() && !isSpace(s.charAt(end))) {
            end++;
        }
        return s.substring(0, end);
    }

    /** Whether the name has more than one word ({@link #words} longer than one). */
    public static boolean severalWords(String name) {
        String s = name.strip();
        for (int i = 0; i < s.length(); i++) {
            if (isSpace(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The white space {@link #words} splits on: the regular expression's {@code \s}. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\013' || c == '\f' || c == '\r';
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    private static char at(String s, int i, boolean asciiCase) {
        char c = s.charAt(i);
        return asciiCase && c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** Words of a name, split on white space. */
    public static String[] words(String name) {
        return WHITESPACE.split(name.strip());
    }

    /** A key fragment: folded, non-alphanumerics as single dashes. */
    public static String slug(String text) {
        return EDGE_DASHES.matcher(NON_ALNUM.matcher(fold(text)).replaceAll("-")).replaceAll("");
    }

    /**
     * Whether {@link #distance} is at most {@code limit}, ASCII letters compared regardless of case when asked:
     * three rows instead of the whole table, stopping once two rows in turn are all past the limit (no later
     * cell can come back under it).
     */
    static boolean withinDistance(String a, String b, int limit, boolean asciiCase) {
        int m = b.length();
        int[] before = new int[m + 1];
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        int previousMin = 0;
        for (int i = 1; i <= a.length(); i++) {
            char ai = at(a, i - 1, asciiCase);
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= m; j++) {
                char bj = at(b, j - 1, asciiCase);
                int cell = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (ai == bj ? 0 : 1));
                if (i > 1 && j > 1 && ai == at(b, j - 2, asciiCase) && at(a, i - 2, asciiCase) == bj) {
                    cell = Math.min(cell, before[j - 2] + 1);
                }
                current[j] = cell;
                rowMin = Math.min(rowMin, cell);
            }
            if (rowMin > limit && previousMin > limit) {
                return false;
            }
            int[] spare = before;
            before = previous;
            previous = current;
            current = spare;
            previousMin = rowMin;
        }
        return previous[m] <= limit;
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
