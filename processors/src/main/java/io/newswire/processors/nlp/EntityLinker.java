package io.newswire.processors.nlp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import io.newswire.common.Entity;
import io.newswire.common.Entity.EntityType;
import io.newswire.processors.nlp.link.AliasKey;
import io.newswire.processors.nlp.link.ClubTitles;
import io.newswire.processors.nlp.link.WikiDictionary;
import io.newswire.processors.nlp.link.WikiDictionary.Candidate;

/**
 * Links an article's entities to English Wikipedia pages through the alias dictionary. Each entity's
 * candidates come from all of its surface forms in the article (so "Netanyahu" is decided together with
 * "Benjamin Netanyahu"); a candidate is scored by the dictionary's prior P(title | alias), the page's
 * popularity, how much of the title beyond the name the article itself says ("Paris, Texas" in a text that
 * names Texas), and whether the page's kind fits the NER type (a person never links to a country or a
 * film). Below {@link #MIN_SCORE} the entity stays unlinked and goes to the registry as before. A linked
 * entity's key and name come from the page, so they do not depend on which article arrived first.
 * Thread-safe; pure given the dictionary.
 */
public final class EntityLinker {

    static final double MIN_SCORE = 0.15;
    private static final int MAX_POPULARITY = 255;
    /** An initial supports a given name it begins, but weakly: many names share it. */
    private static final double INITIAL_SUPPORT = 0.5;
    /** How much better known (popularity, 0–255) one bearer of a surname must be than the next to be chosen. */
    private static final int BEST_KNOWN_MARGIN = 15;
    private static final double W_POPULARITY = 0.15;
    private static final double W_CONTEXT = 0.6;
    /** A spelling the article did not use is weaker evidence than the one it did. */
    private static final double CASE_VARIANT_DISCOUNT = 0.5;
    /** An organisation named after a place is most often its sports club or team ("Kilmarnock", "Samoa"). */
    private static final double W_CLUB = 1.0;
    /** "Jack Sullivan (literary scholar)" in copy that never speaks of literature is likely someone else. */
    private static final double W_UNSUPPORTED_KIND = 0.6;
    /** How surely a team's name must stand for one page to be taken for that page under its current title. */
    private static final double RENAMED_PAGE_PRIOR = 0.9;
    /** A given name, a nickname and a middle name at most stand between a person's first name and surname. */
    private static final int GIVEN_NAMES_BACK = 3;
    /** What follows a town written as its side: a possessive or a player's role. */
    private static final Set<String> SIDE_MARKS = Set.of("'s", "’s", "striker", "midfielder", "defender",
            "goalkeeper", "forward", "winger", "manager", "coach", "captain", "keeper", "player", "players", "chairman",
            "pitcher", "outfielder", "quarterback", "fans", "supporters");
    private static final Pattern TRANSLITERATED = Pattern.compile("\\p{L}(?:ue|oe|ae)");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> STOP = Set.of("the", "of", "and", "in", "on", "for", "at", "to", "a", "an",
            "de", "la", "le", "du", "von", "van");
    private static final Set<String> PERSON_HINTS = Set.of("footballer", "politician", "actor", "actress", "singer",
            "musician", "cricketer", "boxer", "writer", "author", "journalist", "basketball", "baseball", "golfer",
            "tennis", "rugby", "athlete", "cyclist", "swimmer", "skier", "racing", "driver", "coach", "manager",
            "priest", "bishop", "general", "admiral", "businessman", "economist", "lawyer", "judge", "artist",
            "painter", "composer", "rapper", "comedian", "presenter", "born", "player", "jockey", "sprinter");
    private static final Set<String> WORK_HINTS = Set.of("film", "album", "song", "novel", "band", "series",
            "game", "play", "musical", "magazine", "newspaper", "book", "single", "opera", "comics", "ep",
            "soundtrack", "episode", "character", "ship", "horse", "software", "programming", "mythology", "unit");
    /** Styles of royalty, nobility and clergy written before a name ("Prince Charles", "Pope Benedict"). */
    static final List<String> STYLES = List.of("Crown Prince", "Crown Princess", "Prince", "Princess", "King",
            "Queen", "Pope", "Sheikh", "Emir", "Sultan", "Duke", "Duchess", "Earl", "Countess", "Lord", "Lady", "Sir",
            "Dame", "Cardinal", "Archbishop");
    private static final List<String> STYLES_LONGEST_FIRST = STYLES.stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    private static final Set<String> PLACE_HINTS = Set.of("city", "state", "county", "river", "province", "region",
            "island", "district", "village", "town", "country", "lake", "mountain", "municipality", "parish");

    private final WikiDictionary dictionary;

    public EntityLinker(WikiDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** A linked page: its title and the score that chose it. */
    public record Link(String title, double score) {
    }

    /** {@link #link(List, String, int)} for a text that is all body, as a headline-less article's. */
    public List<Entity> link(List<Entity> entities, String text) {
        return link(entities, text, 0);
    }

    /**
     * The entities with pages where the evidence is strong enough; unlinked ones unchanged.
     *
     * @param text       the article's headline and body as analysed ({@link AnalyzedText#text})
     * @param bodyOffset where the body starts in it, which body mentions are counted from
     */
    public List<Entity> link(List<Entity> entities, String text, int bodyOffset) {
        Context context = new Context(text);
        NewsSenses.Sport sport = context.sport();
        String lower = text.toLowerCase(Locale.ROOT);
        List<Entity> out = new ArrayList<>(entities.size());
        for (Entity entity : entities) {
            Optional<String> nation = nationality(entity, lower);
            if (nation.isPresent()) {
                out.add(linked(entity, nation.get()));
                continue;
            }
            boolean dateline = NewsSenses.datelined(entity, text);
            boolean side = mayBeASide(entity, context, dateline);
            Optional<String> team = side ? MajorLeagueTeams.side(sport, entity.surfaceForms(), text) : Optional.empty();
            if (team.isPresent()) {
                out.addAll(bySide(entity, team.get(), sport, text, bodyOffset));
                continue;
            }
            Link link = best(entity, context, styledForms(entity, text), side);
            NewsSenses.Sport played = dateline ? null : sport;
            out.add(link == null ? entity : linked(entity, NewsSenses.title(link.title(), entity, played, lower,
                    this::pageNamed)));
        }
        return out;
    }

    /**
     * A city's entity linked to its side, or, where its mentions stand under both leagues' headings (a city with a
     * side in each, in standings and results), one entity per side with the mentions under its league.
     */
    private static List<Entity> bySide(Entity entity, String team, NewsSenses.Sport sport, String text,
                                       int bodyOffset) {
        Map<String, List<Entity.Mention>> bySide = new java.util.TreeMap<>();
        for (Entity.Mention m : entity.mentions()) {
            int at = m.field() == Entity.Mention.Field.HEADLINE ? m.start() : bodyOffset + m.start();
            String side = MajorLeagueTeams.sideAt(sport, entity.surfaceForms(), text, at).orElse(team);
            bySide.computeIfAbsent(side, k -> new ArrayList<>()).add(m);
        }
        if (bySide.size() < 2) {
            return List.of(linked(entity, team));
        }
        List<Entity> out = new ArrayList<>();
        bySide.forEach((side, mentions) -> out.add(linked(new Entity(entity.key(), entity.type(), entity.name(),
                entity.surfaceForms(), mentions.size(), entity.salience(), List.copyOf(mentions)), side)));
        return out;
    }

    /**
     * The country a nationality tagged MISC stands for ({@link Demonyms}), unless the copy speaks of a language
     * ("in German", "speaks English", "English-language").
     */
    private Optional<String> nationality(Entity entity, String lower) {
        if (entity.type() != EntityType.MISC) {
            return Optional.empty();
        }
        Set<String> countries = new HashSet<>();
        for (String form : entity.surfaceForms()) {
            Optional<String> country = Demonyms.country(form);
            if (country.isEmpty()) {
                return Optional.empty();
            }
            String word = form.strip().toLowerCase(Locale.ROOT);
            if (lower.contains("in " + word + " ") || lower.contains("in " + word + ".")
                    || lower.contains("speak " + word) || lower.contains("speaks " + word)
                    || lower.contains("speaking " + word) || lower.contains(word + "-language")
                    || lower.contains(word + " language") || lower.contains("from " + word + " into")
                    || lower.contains("translated from " + word)) {
                return Optional.empty();
            }
            countries.add(country.get());
        }
        return countries.size() == 1 && hasPage(countries.iterator().next())
                ? Optional.of(countries.iterator().next()) : Optional.empty();
    }

    /**
     * What the article says: all its words (for a page's kind: "footballer", "film"), and the words it writes
     * capitalised, which alone can support the rest of a title ("Texas" for "Paris, Texas"): "able" in running
     * text does not make "Treasury" the company "Able Treasury", nor "state" "South Carolina" a university.
     */
    record Context(String text, Set<String> words, Set<String> named, NewsSenses.Sport sport) {
        Context(String text) {
            this(text, EntityLinker.words(text), namedWords(text));
        }

        private Context(String text, Set<String> words, Set<String> named) {
            this(text, words, named, NewsSenses.Sport.of(words, text));
            // A report on a sport supports pages of its players, which it never calls "cricketer".
            if (sport != null) {
                words.addAll(sport.players);
            }
        }
    }

    /** Whether the dictionary knows a page of exactly this title. */
    private boolean hasPage(String title) {
        return dictionary.candidates(title).stream().anyMatch(c -> c.title().equals(title));
    }

    /**
     * The page a title names: the page of that title, else the one the name almost always stands for
     * ("England national cricket team" is "England cricket team", and in 2011 "New Zealand national rugby union
     * team" was "All Blacks").
     */
    private Optional<String> pageNamed(String title) {
        List<Candidate> found = dictionary.candidates(title);
        if (found.stream().anyMatch(c -> c.title().equals(title))) {
            return Optional.of(title);
        }
        return found.stream().filter(c -> c.prior() >= RENAMED_PAGE_PRIOR).map(Candidate::title).findFirst();
    }

    /**
     * A one-word person's name with the style the copy puts before it ("Prince Charles", "Queen Rania"): the
     * tagger leaves the style out of the name, yet it is the alias that names the page.
     */
    static List<String> styledForms(Entity entity, String text) {
        if (entity.type() != EntityType.PERSON || Names.words(entity.name()).length != 1) {
            return List.of();
        }
        // A scan for the name, then a look at the words before it: a regex led by an alternation of styles
        // cannot skip ahead, and ran over the whole text for every one-word person.
        String name = entity.name();
        LinkedHashSet<String> found = new LinkedHashSet<>();
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            int end = at + name.length();
            if (at < 2 || text.charAt(at - 1) != ' ' || (end < text.length() && isWordChar(text.charAt(end)))) {
                continue;
            }
            for (String style : STYLES_LONGEST_FIRST) {
                int start = at - 1 - style.length();
                if (start >= 0 && text.startsWith(style, start) && (start == 0 || !isWordChar(text.charAt(start - 1)))) {
                    found.add(text.substring(start, end));
                    break;
                }
            }
        }
        return List.copyOf(found);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /**
     * The best page for an entity given the article, or null when none is good enough.
     *
     * @param side whether the entity may name a side of the report's sport ({@link #mayBeASide})
     */
    private Link best(Entity entity, Context context, List<String> styled, boolean side) {
        LinkedHashSet<String> forms = new LinkedHashSet<>(styled);
        forms.add(entity.name());
        forms.addAll(entity.surfaceForms());
        if (entity.type() == EntityType.PERSON && Names.words(entity.name()).length > 1) {
            // A surname alone names a page about the surname, or someone else; the full name decides.
            forms.removeIf(f -> Names.words(f).length == 1);
        }
        // Tokenised copy (as news corpora keep it) parts a possessive from its name: "Lord 's", "Queen 's Park".
        List.copyOf(forms).stream().filter(f -> f.contains(" 's")).forEach(f -> forms.add(f.replace(" 's", "'s")));
        if (entity.type() == EntityType.ORGANIZATION) {
            List.copyOf(forms).forEach(f -> forms.addAll(CompanyForms.variants(f)));
            if (Names.words(entity.name()).length > 1 && forms.stream().anyMatch(f -> Names.words(f).length == 1)) {
                // "Real" after "Real Madrid" is that club: its full name decides, its first word only if the full
                // name finds nothing ("Arriva" is not "Arriva North West").
                LinkedHashSet<String> full = new LinkedHashSet<>(forms);
                full.removeIf(f -> Names.words(f).length == 1);
                Link byFullName = bestAmong(entity, context, full, side);
                if (byFullName != null) {
                    return byFullName;
                }
            }
        }
        return bestAmong(entity, context, forms, side);
    }

    /** The best page the given forms of the entity find, or null when none is good enough. */
    private Link bestAmong(Entity entity, Context context, Set<String> forms, boolean side) {
        Map<String, Candidate> candidates = new HashMap<>();
        List<Candidate> misplaced = new ArrayList<>();
        for (String form : forms) {
            String written = shouted(form) ? capitalised(form) : form;
            LinkedHashSet<String> variants = new LinkedHashSet<>(caseVariants(written));
            variants.add(form);
            for (String variant : variants) {
                double discount = variant.equals(written) ? 1 : CASE_VARIANT_DISCOUNT;
                for (Candidate c : dictionary.candidates(variant)) {
                    Candidate seen = new Candidate(c.title(), c.prior() * discount, c.popularity());
                    candidates.merge(c.title(), seen, (a, b) -> a.prior() >= b.prior() ? a : b);
                }
            }
            NewsSenses.placeNamed(written, entity.type())
                    .ifPresent(title -> misplaced.add(new Candidate(title, 1.0, MAX_POPULARITY)));
        }
        // After the dictionary's candidates, so that a corrected page replaces what the dictionary says of it.
        misplaced.forEach(c -> candidates.put(c.title(), c));
        Set<String> given = entity.type() == EntityType.PERSON ? givenNamesBefore(forms, context.text()) : Set.of();
        Link best = null;
        for (Candidate c : candidates.values()) {
            double score = score(entity, c, forms, given, side, context);
            if (score >= MIN_SCORE && (best == null || score > best.score()
                    || (score == best.score() && c.title().compareTo(best.title()) < 0))) {
                best = new Link(c.title(), score);
            }
        }
        if (best == null && entity.type() == EntityType.PERSON) {
            return bySurname(entity, candidates.values(), context);
        }
        return best;
    }

    /**
     * @param given the given names and initials the copy writes with a person's names ({@link #givenNamesBefore})
     * @param side  whether the entity may name a side of the report's sport ({@link #mayBeASide})
     */
    private static double score(Entity entity, Candidate c, Set<String> forms, Set<String> given, boolean side,
                                Context context) {
        String title = c.title();
        String kind = disambiguator(title);
        Set<String> kindWords = kindWords(kind);
        boolean personPage = kindWords.stream().anyMatch(PERSON_HINTS::contains);
        boolean workPage = kindWords.stream().anyMatch(WORK_HINTS::contains);
        boolean placePage = (title.contains(", ") && !styledTitle(title)) || kindWords.stream().anyMatch(PLACE_HINTS::contains);
        boolean countryPage = Countries.lookup(title).isPresent();
        switch (entity.type()) {
            case PERSON -> {
                if (countryPage || workPage || placePage || isClub(title) || !sharesAName(title, forms)) {
                    return 0;
                }
            }
            case LOCATION -> {
                if (personPage || workPage) {
                    return 0;
                }
            }
            case ORGANIZATION -> {
                // An organisation's acronym is no country's code ("NLD", Burma's National League for Democracy).
                if (personPage || (workPage && !kindWords.contains("band")) || (countryPage && acronym(forms))) {
                    return 0;
                }
            }
            default -> {
                // MISC covers works, events and nationalities: any page kind fits.
            }
        }
        // A club's other words are no evidence: a league table names United, City and Town clubs all down the page.
        Set<String> extra = isClub(title) ? new HashSet<>() : words(title);
        forms.forEach(f -> extra.removeAll(words(f)));
        extra.removeAll(STOP);
        double support = 0;
        for (String w : extra) {
            if (kindWords.contains(w) ? context.words().contains(w)
                    : entity.type() == EntityType.PERSON ? given.contains(w) : context.named().contains(w)) {
                support += 1;
            } else if (entity.type() == EntityType.PERSON && !kindWords.contains(w) && given.contains(w.charAt(0) + ".")) {
                support += INITIAL_SUPPORT; // "G." fits Graham and George alike
            }
        }
        double supported = extra.isEmpty() ? 0 : support / extra.size();
        // A town's club only where the copy is about the club's sport: elsewhere "Shell" is the company, not
        // Shell FC, and in a baseball report "Boston" is no football club.
        double club = side && context.sport().plays(title)
                && (entity.type() == EntityType.ORGANIZATION || !title.contains(" national ")) ? W_CLUB : 0;
        boolean kindUnsupported = !kindWords.isEmpty() && kindWords.stream().noneMatch(context.words()::contains);
        // A place's page says what kind of place it is ("Liège (city)"), which copy naming the place seldom says:
        // less evidence against it than a person's kind ("singer") left unsaid. Not so for a country's name,
        // whose namesakes ("Georgia (U.S. state)") must still be told by the copy.
        double unsupported = !kindUnsupported ? 0
                : entity.type() == EntityType.LOCATION && kindWords.stream().allMatch(PLACE_HINTS::contains)
                && Countries.lookup(entity.name()).isEmpty() ? W_UNSUPPORTED_KIND / 2 : W_UNSUPPORTED_KIND;
        return c.prior() + W_POPULARITY * c.popularity() / (double) MAX_POPULARITY + W_CONTEXT * supported + club
                - unsupported;
    }

    /**
     * The given names the copy writes with a person's names: those of a full form ("R. Croft"), and the
     * capitalised words just before a one-word form, brackets and quotes aside ("Olympic champion Lindsay )
     * Davenport", "Saddam ( Hussein )", "Hector " Macho " Camacho"); an initial as "r.". A person's page is
     * supported by a given name the copy puts beside the surname, not by one written elsewhere, which is most
     * often another person's (the "George" of George Bush does not make "Clinton" George Clinton).
     */
    private static Set<String> givenNamesBefore(Set<String> forms, String text) {
        Set<String> out = new HashSet<>();
        for (String form : forms) {
            String[] words = Names.words(form);
            if (words.length != 1) {
                // The form's own given names and initials ("R. Croft" supports Robert and Richard Croft).
                for (int w = 0; w < words.length - 1; w++) {
                    String given = Names.fold(words[w]);
                    out.add(given.length() == 2 && given.endsWith(".") ? given : given.replace(".", ""));
                }
                continue;
            }
            for (int at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
                int end = at;
                for (int word = 0; word < GIVEN_NAMES_BACK; word++) {
                    while (end > 0 && " ().\"'".indexOf(text.charAt(end - 1)) >= 0) {
                        end--;
                    }
                    int start = end;
                    while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
                        start--;
                    }
                    if (start == end || !Character.isUpperCase(text.charAt(start))) {
                        break;
                    }
                    String given = Names.fold(text.substring(start, end));
                    // An initial ("G. Thorpe") stands for any given name it begins.
                    out.add(given.length() == 1 && end < text.length() && text.charAt(end) == '.' ? given + "." : given);
                    end = start;
                }
            }
        }
        return out;
    }

    /**
     * Whether an entity of a sports report may be one of its sides: an organisation named after a town, or a
     * town the tagger took for a place that the copy writes as a side, with a possessive or a player's role after
     * it ("Norwich striker Keith O'Neill", "Texas 's lead over Seattle", "Birmingham 's Gary Breen"). Countries
     * and datelines are left to their own rules ({@link NewsSenses}).
     */
    private static boolean mayBeASide(Entity entity, Context context, boolean dateline) {
        if (context.sport() == null) {
            return false;
        }
        if (entity.type() == EntityType.ORGANIZATION) {
            return true;
        }
        if (entity.type() != EntityType.LOCATION || entity.key().startsWith("location:iso:")
                || Countries.lookup(entity.name()).isPresent() || dateline) {
            return false;
        }
        String text = context.text();
        for (String form : entity.surfaceForms()) {
            for (int at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
                String[] next = text.substring(at + form.length(), Math.min(text.length(), at + form.length() + 20))
                        .strip().split("\\s+");
                if (next.length > 0 && SIDE_MARKS.contains(next[0].toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the entity is named only by capitals of three or four letters. */
    private static boolean acronym(Set<String> forms) {
        return forms.stream().allMatch(f -> f.length() >= 3 && f.length() <= 4 && f.chars().allMatch(Character::isUpperCase));
    }

    /** "Charles, Prince of Wales": after the comma a style, so a person's page, not a place's ("Paris, Texas"). */
    private static boolean styledTitle(String title) {
        String after = title.substring(title.indexOf(", ") + 2);
        return STYLES.stream().anyMatch(style -> after.startsWith(style + " "));
    }

    /**
     * A full name the dictionary lacks or gives no page enough evidence for, linked through its surname: to the
     * page of that surname whose given name is a spelling variant, a nickname or the initial of the article's
     * ("Antony Blinken" → Anthony Blinken, "S. Waugh" → Steve Waugh), of a kind the copy supports (a scorecard
     * supports a cricketer, not a photographer); of several such pages, the best known by a clear margin.
     */
    private Link bySurname(Entity entity, Collection<Candidate> found, Context context) {
        String[] name = Names.words(entity.name());
        if (name.length < 2) {
            return null;
        }
        String surname = name[name.length - 1];
        Map<String, Candidate> pool = new HashMap<>();
        for (Candidate c : found) {
            pool.putIfAbsent(c.title(), c);
        }
        for (Candidate c : dictionary.candidates(surname)) {
            pool.putIfAbsent(c.title(), c);
        }
        Candidate first = null;
        int second = 0;
        for (Candidate c : pool.values()) {
            String title = c.title();
            int paren = title.indexOf(" (");
            String kind = disambiguator(title);
            String[] page = Names.words(paren > 0 ? title.substring(0, paren) : title);
            Set<String> kindWords = kindWords(kind);
            boolean kindFits = kindWords.isEmpty() || kindWords.stream().anyMatch(context.words()::contains);
            if (page.length < 2 || !kindFits || isClub(title) || Countries.lookup(title).isPresent()
                    || !Names.fold(page[page.length - 1]).equals(Names.fold(surname))
                    || !Names.compatibleGivenNames(page[0], name[0])) {
                continue;
            }
            if (first == null || c.popularity() > first.popularity()) {
                second = first == null ? 0 : Math.max(second, first.popularity());
                first = c;
            } else {
                second = Math.max(second, c.popularity());
            }
        }
        boolean clear = first != null && (second == 0 || first.popularity() >= second + BEST_KNOWN_MARGIN);
        return clear ? new Link(first.title(), MIN_SCORE) : null;
    }

    /**
     * A name written in capitals that is not an acronym: two words or more, or a word of six letters or more
     * ("NEW YORK", "COLOMBO" in a dateline or a headline). The dictionary's all-capitals aliases are mostly
     * acronyms and oddities ("COLOMBO" names a footballer there), so such a name is looked up as running text
     * writes it, capitals only at a discount.
     */
    static boolean shouted(String form) {
        boolean letters = false;
        for (int i = 0; i < form.length(); i++) {
            char c = form.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letters |= Character.isLetter(c);
        }
        if (!letters) {
            return false;
        }
        String[] words = Names.words(form);
        return words.length > 1 || form.strip().length() >= 6;
    }

    /** Each word's first letter kept, the rest in lower case: "NEW YORK" → "New York", "O'NEILL" → "O'Neill". */
    static String capitalised(String form) {
        StringBuilder out = new StringBuilder(form.length());
        boolean start = true;
        for (int i = 0; i < form.length(); i++) {
            char c = form.charAt(i);
            out.append(start ? c : Character.toLowerCase(c));
            start = !Character.isLetter(c);
        }
        return out.toString();
    }

    /**
     * The form as written, then as the dictionary's other spellings of names go: words capitalised, and all
     * upper case for short forms (acronyms the copy wrote in lower case).
     */
    static List<String> caseVariants(String form) {
        LinkedHashSet<String> variants = new LinkedHashSet<>();
        variants.add(form);
        StringBuilder capitalised = new StringBuilder(form.length());
        boolean start = true;
        for (int i = 0; i < form.length(); i++) {
            char c = form.charAt(i);
            capitalised.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ' || c == '-';
        }
        variants.add(capitalised.toString());
        if (form.length() <= 5) {
            variants.add(form.toUpperCase(Locale.ROOT));
        }
        variants.add(AliasKey.withoutMarks(form));
        if (form.indexOf('.') != form.lastIndexOf('.')) {
            variants.add(form.replace(".", "")); // "U.S. Open" is titled "US Open (tennis)"
        }
        if (TRANSLITERATED.matcher(form).find()) {
            // Wires write German umlauts as two letters: "Luebeck", "Kuehbauer" are Lübeck and Kühbauer.
            variants.add(form.replace("ue", "ü").replace("oe", "ö").replace("ae", "ä"));
        }
        return List.copyOf(variants);
    }

    /**
     * A person's page carries one of the names the article uses, or a spelling variant of one ("Natanyahu"
     * reaches Netanyahu's page, "Bibi" alone does not).
     */
    private static boolean sharesAName(String title, Set<String> forms) {
        Set<String> titleWords = words(title);
        return forms.stream().anyMatch(f -> words(f).stream().anyMatch(w -> w.length() > 1
                && titleWords.stream().anyMatch(t -> t.equals(w) || Names.similar(t, w))));
    }

    private static boolean isClub(String title) {
        return ClubTitles.isClub(title);
    }

    /** The words of a disambiguator that say what the page is: "(the younger)" says "younger", "(D)" nothing. */
    private static Set<String> kindWords(String kind) {
        Set<String> out = words(kind);
        out.removeAll(STOP);
        out.removeIf(w -> w.length() < 2);
        return out;
    }

    private static String disambiguator(String title) {
        int paren = title.indexOf(" (");
        return paren > 0 && title.endsWith(")") ? title.substring(paren + 2, title.length() - 1) : "";
    }

    /** The words the text writes with a capital first letter, folded as {@link #words} folds them. */
    static Set<String> namedWords(String text) {
        Set<String> out = new HashSet<>();
        for (String w : NON_WORD.split(text)) {
            if (!w.isEmpty() && Character.isUpperCase(w.codePointAt(0))) {
                out.add(Names.fold(w));
            }
        }
        return out;
    }

    static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : NON_WORD.split(Names.fold(text))) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * The entity as the page names and types it ({@link PageTypes}: "White House" is an organisation); countries
     * keep their ISO key and name.
     */
    static Entity linked(Entity entity, String title) {
        String url = url(title);
        if (entity.key().startsWith("location:iso:") && !isClub(title)) {
            return new Entity(entity.key(), entity.type(), entity.name(), entity.surfaceForms(), entity.mentionCount(),
                    entity.salience(), entity.mentions(), url);
        }
        EntityType type = PageTypes.of(entity.type(), title);
        String key = type.name().toLowerCase(Locale.ROOT) + ":wiki:" + title.replace(' ', '_');
        return new Entity(key, type, title, entity.surfaceForms(), entity.mentionCount(), entity.salience(),
                entity.mentions(), url);
    }

    /** The page's address as Wikipedia writes it: spaces as underscores, the rest percent-encoded where needed. */
    public static String url(String title) {
        String path = URLEncoder.encode(title.replace(' ', '_'), StandardCharsets.UTF_8)
                .replace("%2C", ",").replace("%28", "(").replace("%29", ")").replace("%27", "'").replace("%3A", ":");
        return "https://en.wikipedia.org/wiki/" + path;
    }

    /** A key is linked when the linker made it (or it is a country's); the registry leaves such keys alone. */
    public static boolean isLinkedKey(String key) {
        return key.startsWith("location:iso:") || key.contains(":wiki:");
    }

}
