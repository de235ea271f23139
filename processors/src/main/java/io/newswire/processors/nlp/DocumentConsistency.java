package io.newswire.processors.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Document-level label consistency: a name is the same kind of thing everywhere in one article.
 * <ol>
 *   <li>A multi-word, mixed-case name tagged with different types takes the type most of its mentions
 *       have, when one of the types is PERSON. LOCATION/ORGANIZATION disagreements are left alone: a
 *       city is a place in a dateline and a team or government elsewhere (metonymy), and the CRF's
 *       context reads that better than a vote.</li>
 *   <li>A multi-word mixed-case name left untagged somewhere gets the type it has elsewhere (the CRF sees
 *       one sentence at a time and misses names in thin context).</li>
 *   <li>The surname of a full PERSON name, left untagged alone, is that person.</li>
 *   <li>A PERSON coordinated with a place after a locative preposition ("in Gaza and Khan Younis") is a
 *       place: coordination joins like with like.</li>
 *   <li>First of all: a name tagged as an organisation, place or other that runs on through a lower-case job
 *       title into capitalised words ("State Department spokesperson Ned Price") is that name, the title,
 *       and a person: the CRF joins adjacent names when nothing capitalised stands between them.</li>
 * </ol>
 * Pure; works on tokens so offsets are untouched.
 */
public final class DocumentConsistency {

    private static final String PERSON = "PERSON";
    private static final String LOCATION = "LOCATION";
    /** Lower-case job titles that stand between an institution and the person who holds the job. */
    static final java.util.Set<String> ROLES = java.util.Set.of("spokesperson", "spokesman", "spokeswoman",
            "minister", "secretary", "president", "chairman", "chairwoman", "chair", "chief", "director", "leader",
            "ambassador", "governor", "senator", "official", "correspondent", "reporter", "analyst", "editor",
            "executive", "commissioner", "prosecutor", "lawyer", "attorney", "coach", "captain", "manager",
            "founder", "head", "adviser", "advisor", "envoy", "mayor", "deputy", "candidate", "judge", "economist",
            "researcher", "professor", "scientist", "commander", "general", "striker", "midfielder", "defender",
            "goalkeeper", "quarterback", "pitcher", "forward", "guard", "owner", "ceo", "cfo", "chancellor");
    private static final int MAX_NAME_WORDS = 4;

    public List<Token> apply(List<Token> tokens) {
        List<Token> out = new ArrayList<>(tokens);
        rolesBeforeNames(out);
        majorityType(out);
        propagate(out);
        surnamesTakenForPlaces(out);
        placesInCoordination(out);
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
            List<int[]> parts = LOCATION.equals(t.label()) ? countries(tokens, i, j, text) : List.of();
            if (parts.isEmpty()) {
                parts = List.of(new int[] {i, j});
            }
            for (int[] part : parts) {
                Token first = tokens.get(part[0]);
                Token last = tokens.get(part[1]);
                mentions.add(new Mention(text.substring(first.start(), last.end()), t.label(), first.start(),
                        last.end(), part[0], part[1]));
            }
            i = j + 1;
        }
        return mentions;
    }

    /**
     * A run of place tokens that is two or more countries side by side, as lists and draws put them once their
     * lines are joined ("United States at Netherlands Czech Republic at Germany"): the countries' token ranges,
     * longest name first from the left; empty when the run is one name or not all countries.
     */
    private static List<int[]> countries(List<Token> tokens, int from, int to, String text) {
        if (from == to || Countries.lookup(text.substring(tokens.get(from).start(), tokens.get(to).end())).isPresent()) {
            return List.of();
        }
        List<int[]> parts = new ArrayList<>();
        int at = from;
        while (at <= to) {
            int end = -1;
            for (int k = to; k >= at; k--) {
                if (Countries.lookup(text.substring(tokens.get(at).start(), tokens.get(k).end())).isPresent()) {
                    end = k;
                    break;
                }
            }
            if (end < 0) {
                return List.of();
            }
            parts.add(new int[] {at, end});
            at = end + 1;
        }
        return parts;
    }

    private static void rolesBeforeNames(List<Token> tokens) {
        for (Mention m : mentions(tokens, joined(tokens))) {
            if (m.label().equals(PERSON)) {
                continue;
            }
            for (int k = m.firstToken() + 1; k < m.lastToken(); k++) {
                String word = tokens.get(k).text();
                int nameWords = m.lastToken() - k;
                if (ROLES.contains(word) && nameWords <= MAX_NAME_WORDS && capitalised(tokens, k + 1, m.lastToken())) {
                    // "Goldman Sachs chief executive Lloyd Blankfein": the whole lower-case title is no name.
                    for (int b = k; b > m.firstToken() && !capitalised(tokens, b, b); b--) {
                        tokens.set(b, tokens.get(b).withLabel(Token.NONE));
                    }
                    for (int n = k + 1; n <= m.lastToken(); n++) {
                        tokens.set(n, tokens.get(n).withLabel(PERSON));
                    }
                    break;
                }
            }
        }
    }

    private static boolean capitalised(List<Token> tokens, int from, int to) {
        for (int k = from; k <= to; k++) {
            String w = tokens.get(k).text();
            if (w.isEmpty() || !Character.isUpperCase(w.charAt(0))) {
                return false;
            }
        }
        return true;
    }

    private static void majorityType(List<Token> tokens) {
        List<Mention> mentions = mentions(tokens, joined(tokens));
        Map<String, Map<String, Integer>> votes = new HashMap<>();
        for (Mention m : mentions) {
            if (isMixedCaseName(tokens, m)) {
                votes.computeIfAbsent(key(tokens, m), k -> new HashMap<>()).merge(m.label(), 1, Integer::sum);
            }
        }
        for (Mention m : mentions) {
            Map<String, Integer> v = votes.get(key(tokens, m));
            if (v == null) {
                continue;
            }
            String best = v.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            boolean involvesPerson = best.equals(PERSON) || m.label().equals(PERSON);
            if (!best.equals(m.label()) && involvesPerson && v.get(best) > v.get(m.label())) {
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
            if (isMixedCaseName(tokens, m)) {
                known.putIfAbsent(words, m.label());
            }
            String surname = words.get(words.size() - 1);
            if (m.label().equals(PERSON) && words.size() > 1 && surname.length() > 2 && !isUpperCase(surname)) {
                known.putIfAbsent(List.of(surname), PERSON);
            }
        }
        // Index the names by first word, so one pass over the tokens finds every occurrence.
        Map<String, List<List<String>>> byFirstWord = new HashMap<>();
        for (List<String> words : known.keySet()) {
            byFirstWord.computeIfAbsent(words.get(0), k -> new ArrayList<>()).add(words);
        }
        for (int i = 0; i < tokens.size(); i++) {
            List<List<String>> names = byFirstWord.get(tokens.get(i).text());
            if (names == null || tokens.get(i).isEntity()) {
                continue;
            }
            for (List<String> words : names) {
                if (i + words.size() <= tokens.size() && matchesUntagged(tokens, i, words)
                        && !extendsAName(tokens, i, words.size())) {
                    String label = known.get(words);
                    for (int k = i; k < i + words.size(); k++) {
                        tokens.set(k, tokens.get(k).withLabel(label));
                    }
                    break;
                }
            }
        }
    }

    /**
     * A one-word "place" that is the surname of a person the copy names in full is that person ("Wimbledon
     * finalist MaliVai Washington … The 11th-seeded Washington fell short"), unless a locative preposition
     * leads it anywhere in the copy ("in Washington") or it is written in capitals (a dateline).
     */
    private static void surnamesTakenForPlaces(List<Token> tokens) {
        java.util.Set<String> surnames = new java.util.HashSet<>();
        List<Mention> mentions = mentions(tokens, joined(tokens));
        for (Mention m : mentions) {
            if (m.label().equals(PERSON) && m.lastToken() > m.firstToken() && isMixedCaseName(tokens, m)) {
                surnames.add(tokens.get(m.lastToken()).text());
            }
        }
        // A word the copy puts after "in", "at" or "to" even once is a place in this copy ("in Dubai"), whatever
        // person shares it; not so before a possessive, where the preposition governs what follows ("in Jordan 's
        // film").
        java.util.Set<String> places = new java.util.HashSet<>();
        for (int k = 1; k < tokens.size(); k++) {
            boolean possessive = k + 1 < tokens.size() && POSSESSIVE.contains(tokens.get(k + 1).text());
            if (!possessive && LOCATIVE.contains(tokens.get(k - 1).text().toLowerCase(java.util.Locale.ROOT))) {
                places.add(tokens.get(k).text());
            }
        }
        for (Mention m : mentions) {
            if (!m.label().equals(LOCATION) || m.firstToken() != m.lastToken()) {
                continue;
            }
            String word = tokens.get(m.firstToken()).text();
            if (surnames.contains(word) && !isUpperCase(word) && !places.contains(word)) {
                tokens.set(m.firstToken(), tokens.get(m.firstToken()).withLabel(PERSON));
            }
        }
    }

    private static final java.util.Set<String> LOCATIVE = java.util.Set.of("in", "at", "near", "from", "to", "across");
    private static final java.util.Set<String> POSSESSIVE = java.util.Set.of("'s", "’s", "'", "’");
    private static final java.util.Set<String> COORDINATION = java.util.Set.of("and", "or");

    private static void placesInCoordination(List<Token> tokens) {
        List<Mention> mentions = mentions(tokens, joined(tokens));
        for (int i = 1; i < mentions.size(); i++) {
            Mention place = mentions.get(i - 1);
            Mention person = mentions.get(i);
            boolean coordinated = person.firstToken() == place.lastToken() + 2
                    && COORDINATION.contains(tokens.get(place.lastToken() + 1).text().toLowerCase(java.util.Locale.ROOT));
            boolean locative = place.firstToken() > 0
                    && LOCATIVE.contains(tokens.get(place.firstToken() - 1).text().toLowerCase(java.util.Locale.ROOT));
            if (place.label().equals(LOCATION) && person.label().equals(PERSON) && coordinated && locative
                    && tokens.get(place.firstToken()).sentence() == tokens.get(person.lastToken()).sentence()) {
                for (int k = person.firstToken(); k <= person.lastToken(); k++) {
                    tokens.set(k, tokens.get(k).withLabel(LOCATION));
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

    /** Two or more words, each capitalised, not all in capitals (headlines and datelines are). */
    private static boolean isMixedCaseName(List<Token> tokens, Mention m) {
        List<String> words = words(tokens, m.firstToken(), m.lastToken());
        return words.size() > 1 && words.stream().allMatch(DocumentConsistency::capitalised)
                && !words.stream().allMatch(DocumentConsistency::isUpperCase);
    }

    private static boolean isUpperCase(String word) {
        return word.equals(word.toUpperCase(java.util.Locale.ROOT));
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
