package io.newswire.processors.nlp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import io.newswire.common.Entity;
import io.newswire.common.Entity.EntityType;

/**
 * Turns an article's mentions into one {@link Entity} per distinct entity, with a canonical name and a
 * stable key. Within the article, a person's short mentions resolve to the full name ("Biden" to
 * "Joe Biden", and a lone given name to the one person who bears it: "Sam" to "Sam Altman"), nicknames and spelling variants of one full name merge ("Bibi Netanyahu" into
 * "Benjamin Netanyahu"), but different given names never do ("Joe Biden" / "Hunter Biden").
 * Countries link to ISO 3166 codes. Time zones, weekdays, months and holidays the CRF tags are dropped
 * ({@link NotNames}). Salience weighs mention share, the headline and the lead.
 */
public final class EntityAssembler {

    private static final int MAX_SIGNATURE_WORDS = 4;
    private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("[.!?:;,\"”]$");

    /** Mentions grouped as one entity while resolving. */
    private static final class Group {
        final EntityType type;
        final List<Mention> mentions = new ArrayList<>();
        String name;

        Group(EntityType type, String name) {
            this.type = type;
            this.name = name;
        }
    }

    public List<Entity> assemble(AnalyzedText analyzed, List<String> body) {
        List<Mention> mentions = withoutSignature(analyzed, body).stream().filter(m -> !NotNames.contains(m.text())).toList();
        List<Group> groups = new ArrayList<>();
        List<Mention> shortPersons = new ArrayList<>();
        for (Mention m : mentions) {
            EntityType type = type(m.label());
            if (type == EntityType.PERSON && words(m.text()).length == 1) {
                shortPersons.add(m);
                continue;
            }
            Group group = groups.stream().filter(g -> g.type == type && sameEntity(type, g.name, m.text()))
                    .findFirst().or(() -> type == EntityType.ORGANIZATION ? namedInFull(groups, m.text())
                            : Optional.empty()).orElseGet(() -> {
                        Group g = new Group(type, m.text());
                        groups.add(g);
                        return g;
                    });
            group.mentions.add(m);
        }
        for (Mention m : shortPersons) {
            // Of several people sharing the surname, the one the copy introduced first: news names its
            // principal first and gives a relative or namesake the full name each time ("Boris Yeltsin
            // visited his wife ... Naina Yeltsin had an operation ... Yeltsin said").
            Optional<Group> full = groups.stream()
                    .filter(g -> g.type == EntityType.PERSON && words(g.name).length > 1
                            && Names.similar(Names.lastWord(g.name), m.text()))
                    .findFirst()
                    .or(() -> onlyPersonNamed(groups, m.text()))
                    // "Magna" after "Magna International Inc", taken for a person's surname by the tagger.
                    .or(() -> namedInFull(groups, m.text()));
            Group group = full.orElseGet(() -> groups.stream()
                    .filter(g -> g.type == EntityType.PERSON && g.name.equals(m.text())).findFirst()
                    .orElseGet(() -> {
                        Group g = new Group(EntityType.PERSON, m.text());
                        groups.add(g);
                        return g;
                    }));
            group.mentions.add(m);
        }
        List<Entity> entities = new ArrayList<>();
        int mostMentions = groups.stream().mapToInt(g -> g.mentions.size()).max().orElse(1);
        for (Group g : groups) {
            entities.add(toEntity(g, analyzed, body, mostMentions));
        }
        entities.sort((a, b) -> Double.compare(b.salience(), a.salience()));
        return entities;
    }

    /**
     * The organisation a one-word name stands for when the copy named it in full before ("Lear Corp" ... "Lear",
     * "Real Madrid" ... "Real"): the one organisation so far whose name begins with the word.
     */
    private static Optional<Group> namedInFull(List<Group> groups, String word) {
        if (words(word).length != 1) {
            return Optional.empty();
        }
        List<Group> named = groups.stream().filter(g -> g.type == EntityType.ORGANIZATION && words(g.name).length > 1
                && Names.fold(words(g.name)[0]).equals(Names.fold(word))).toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    /**
     * A lone given name ("Sam") is the one person of the article with that given name ("Sam Altman"); with
     * two or more ("Sam Altman", "Sam Smith") it stays apart, as nothing says which.
     */
    private static Optional<Group> onlyPersonNamed(List<Group> groups, String given) {
        List<Group> named = groups.stream().filter(g -> g.type == EntityType.PERSON && words(g.name).length > 1
                && words(g.name)[0].equals(given)).toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    private static boolean sameEntity(EntityType type, String known, String candidate) {
        if (type != EntityType.PERSON) {
            return Names.fold(known).equals(Names.fold(candidate))
                    || (type == EntityType.LOCATION && Countries.lookup(known).isPresent()
                    && Countries.lookup(known).equals(Countries.lookup(candidate)));
        }
        String[] a = words(known);
        String[] b = words(candidate);
        if (a.length < 2 || b.length < 2) {
            return Names.fold(known).equals(Names.fold(candidate));
        }
        return Names.similar(a[a.length - 1], b[b.length - 1]) && Names.compatibleGivenNames(a[0], b[0]);
    }

    private static Entity toEntity(Group g, AnalyzedText analyzed, List<String> body, int mostMentions) {
        LinkedHashSet<String> surfaces = new LinkedHashSet<>();
        List<Entity.Mention> spans = new ArrayList<>();
        boolean inHeadline = false;
        boolean inLead = false;
        int leadEnd = analyzed.bodyOffset() + (body.isEmpty() ? 0 : body.get(0).length());
        for (Mention m : g.mentions) {
            surfaces.add(m.text());
            if (m.start() < analyzed.bodyOffset()) {
                inHeadline = true;
                spans.add(new Entity.Mention(Entity.Mention.Field.HEADLINE, m.start(), m.end()));
            } else {
                inLead |= m.end() <= leadEnd;
                spans.add(new Entity.Mention(Entity.Mention.Field.BODY, m.start() - analyzed.bodyOffset(),
                        m.end() - analyzed.bodyOffset()));
            }
        }
        String name = g.type == EntityType.LOCATION ? casedPlace(canonicalName(g, surfaces)) : canonicalName(g, surfaces);
        String key;
        Optional<Countries.Country> country = g.type == EntityType.LOCATION ? Countries.lookup(name) : Optional.empty();
        if (country.isPresent()) {
            name = country.get().name();
            key = "location:iso:" + country.get().code();
        } else {
            key = g.type.name().toLowerCase(Locale.ROOT) + ":" + Names.slug(name);
        }
        double salience = 0.5 * g.mentions.size() / mostMentions + (inHeadline ? 0.3 : 0) + (inLead ? 0.2 : 0);
        return new Entity(key, g.type, name, List.copyOf(surfaces), g.mentions.size(),
                Math.round(salience * 1000) / 1000.0, spans);
    }

    /**
     * The most formal full form: more words first, then a given name that is not a nickname of another
     * form's, then the most frequent.
     */
    private static String canonicalName(Group g, LinkedHashSet<String> surfaces) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Mention m : g.mentions) {
            counts.merge(String.join(" ", words(m.text())), 1, Integer::sum);
        }
        return counts.keySet().stream().max((a, b) -> {
            int byLength = Integer.compare(words(a).length, words(b).length);
            if (byLength != 0) {
                return byLength;
            }
            boolean aNick = surfaces.stream().anyMatch(s -> words(s).length > 1 && Names.isNicknameOf(words(a)[0], words(s)[0]));
            boolean bNick = surfaces.stream().anyMatch(s -> words(s).length > 1 && Names.isNicknameOf(words(b)[0], words(s)[0]));
            if (aNick != bNick) {
                return aNick ? -1 : 1;
            }
            return Integer.compare(counts.get(a), counts.get(b));
        }).orElse(g.name);
    }

    /**
     * A place written in capitals, as in a dateline ("WASHINGTON (AP) —"), in the case it is written in
     * running text ("Washington"), so that it is the same entity and the knowledge base knows it. Names of
     * three letters or fewer stay as they are: they are more often abbreviations.
     */
    static String casedPlace(String name) {
        String letters = name.replaceAll("[^\\p{L}]", "");
        if (letters.length() < 4 || !letters.equals(letters.toUpperCase(Locale.ROOT))) {
            return name;
        }
        String[] words = name.toLowerCase(Locale.ROOT).split(" ");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            boolean particle = i > 0 && SMALL_WORDS.contains(w);
            out.append(i > 0 ? " " : "").append(particle || w.isEmpty() ? w
                    : w.substring(0, 1).toUpperCase(Locale.ROOT) + capitalAfterHyphen(w.substring(1)));
        }
        return out.toString();
    }

    private static final java.util.Set<String> SMALL_WORDS = java.util.Set.of("of", "the", "and", "de", "du", "la",
            "le", "del", "da", "on", "upon", "in");

    private static String capitalAfterHyphen(String rest) {
        StringBuilder out = new StringBuilder(rest);
        for (int i = 0; i + 1 < out.length(); i++) {
            if (out.charAt(i) == '-') {
                out.setCharAt(i + 1, Character.toUpperCase(out.charAt(i + 1)));
            }
        }
        return out.toString();
    }

    /** Mentions of a last paragraph that is only a short name: a scraped signature, not the story's. */
    private static List<Mention> withoutSignature(AnalyzedText analyzed, List<String> body) {
        if (body.size() < 2) {
            return analyzed.mentions();
        }
        String last = body.get(body.size() - 1);
        if (words(last).length > MAX_SIGNATURE_WORDS || SENTENCE_END.matcher(last).find()) {
            return analyzed.mentions();
        }
        int lastStart = analyzed.text().length() - last.length();
        return analyzed.mentions().stream().filter(m -> m.start() < lastStart).toList();
    }

    private static EntityType type(String label) {
        return switch (label) {
            case "PERSON" -> EntityType.PERSON;
            case "ORGANIZATION" -> EntityType.ORGANIZATION;
            case "LOCATION" -> EntityType.LOCATION;
            default -> EntityType.MISC;
        };
    }

    private static String[] words(String text) {
        return Names.words(text);
    }
}
