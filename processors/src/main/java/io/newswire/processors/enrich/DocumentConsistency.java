package io.newswire.processors.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Document-level label consistency: a name is the same kind of thing everywhere in one article.
 * <ol>
 *   <li>Every mention of the same text takes the type most of its mentions have.</li>
 *   <li>A capitalised token sequence left untagged somewhere gets the type it has elsewhere in the
 *       document (the CRF sees one sentence at a time and misses names in thin context).</li>
 * </ol>
 * Pure; works on tokens so offsets are untouched.
 */
public final class DocumentConsistency {

    public List<Token> apply(List<Token> tokens) {
        List<Token> out = new ArrayList<>(tokens);
        majorityType(out);
        propagate(out);
        return out;
    }

    public static List<Mention> mentions(List<Token> tokens, String text) {
        List<Mention> mentions = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (!t.isEntity()) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < tokens.size() && tokens.get(j + 1).label().equals(t.label())
                    && tokens.get(j + 1).sentence() == t.sentence()) {
                j++;
            }
            Token last = tokens.get(j);
            mentions.add(new Mention(text.substring(t.start(), last.end()), t.label(), t.start(), last.end(), i, j));
            i = j + 1;
        }
        return mentions;
    }

    private static void majorityType(List<Token> tokens) {
        List<Mention> mentions = mentions(tokens, joined(tokens));
        Map<String, Map<String, Integer>> votes = new HashMap<>();
        for (Mention m : mentions) {
            votes.computeIfAbsent(key(tokens, m), k -> new HashMap<>()).merge(m.label(), 1, Integer::sum);
        }
        for (Mention m : mentions) {
            Map<String, Integer> v = votes.get(key(tokens, m));
            String best = v.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            if (!best.equals(m.label()) && v.get(best) > v.get(m.label())) {
                for (int k = m.firstToken(); k <= m.lastToken(); k++) {
                    tokens.set(k, tokens.get(k).withLabel(best));
                }
            }
        }
    }

    private static void propagate(List<Token> tokens) {
        Map<List<String>, String> known = new HashMap<>();
        for (Mention m : mentions(tokens, joined(tokens))) {
            List<String> words = words(tokens, m.firstToken(), m.lastToken());
            if (words.stream().allMatch(DocumentConsistency::capitalised)) {
                known.putIfAbsent(words, m.label());
            }
        }
        for (Map.Entry<List<String>, String> name : known.entrySet()) {
            List<String> words = name.getKey();
            for (int i = 0; i + words.size() <= tokens.size(); i++) {
                if (matchesUntagged(tokens, i, words) && !extendsAName(tokens, i, words.size())) {
                    for (int k = i; k < i + words.size(); k++) {
                        tokens.set(k, tokens.get(k).withLabel(name.getValue()));
                    }
                }
            }
        }
    }

    private static boolean matchesUntagged(List<Token> tokens, int from, List<String> words) {
        for (int k = 0; k < words.size(); k++) {
            Token t = tokens.get(from + k);
            if (t.isEntity() || !t.text().equals(words.get(k)) || t.sentence() != tokens.get(from).sentence()) {
                return false;
            }
        }
        return true;
    }

    /** An untagged capitalised neighbour means the match is part of a longer, different name. */
    private static boolean extendsAName(List<Token> tokens, int from, int length) {
        int before = from - 1;
        int after = from + length;
        return (before >= 0 && tokens.get(before).sentence() == tokens.get(from).sentence()
                && capitalised(tokens.get(before).text()) && !tokens.get(before).isEntity() && !isSentenceStart(tokens, before))
                || (after < tokens.size() && tokens.get(after).sentence() == tokens.get(from).sentence()
                && capitalised(tokens.get(after).text()) && !tokens.get(after).isEntity());
    }

    private static boolean isSentenceStart(List<Token> tokens, int index) {
        return index == 0 || tokens.get(index - 1).sentence() != tokens.get(index).sentence();
    }

    private static boolean capitalised(String word) {
        return !word.isEmpty() && Character.isUpperCase(word.codePointAt(0));
    }

    private static List<String> words(List<Token> tokens, int from, int to) {
        List<String> words = new ArrayList<>();
        for (int k = from; k <= to; k++) {
            words.add(tokens.get(k).text());
        }
        return words;
    }

    private static String key(List<Token> tokens, Mention m) {
        return String.join(" ", words(tokens, m.firstToken(), m.lastToken()));
    }

    /** A stand-in text for mention building where only token indices matter. */
    private static String joined(List<Token> tokens) {
        int end = tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).end();
        return " ".repeat(end);
    }
}
