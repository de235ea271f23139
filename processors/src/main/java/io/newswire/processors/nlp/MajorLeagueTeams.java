package io.newswire.processors.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sides of baseball's, basketball's, ice hockey's and American football's major leagues as their results
 * tables name them: "HOUSTON 3 Chicago 4" in a baseball report is the Astros and the Cubs. The dictionary has
 * no such sense for a city's name, and its club titles follow football's patterns, so the leagues' sides come
 * from a table of their own ({@code major-league-teams.tsv}), titled as Wikipedia titles the franchises now.
 */
final class MajorLeagueTeams {

    private static final String RESOURCE = "major-league-teams.tsv";

    private record Side(String league, String title) {
    }

    private static final Map<NewsSenses.Sport, Map<String, List<Side>>> SIDES = load();

    private MajorLeagueTeams() {
    }

    /**
     * The side an entity's names stand for in a report on the sport; where a city has a side in each of
     * baseball's leagues, the one whose league heads the first of its names that comes under a league's heading
     * ("AMERICAN LEAGUE … CHICAGO 71 64"); none where no heading says.
     */
    static Optional<String> side(NewsSenses.Sport sport, Collection<String> forms, String text) {
        List<Side> named = named(sport, forms);
        if (named.size() < 2) {
            return named.stream().map(Side::title).findFirst();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int first = Integer.MAX_VALUE;
        String league = null;
        for (String form : forms) {
            for (int at = text.indexOf(form); at >= 0 && at < first; at = text.indexOf(form, at + 1)) {
                String heading = leagueAbove(lower, at);
                if (heading != null) {
                    first = at;
                    league = heading;
                }
            }
        }
        return titleIn(named, league);
    }

    /**
     * The side a city's mention at {@code at} names, by the league heading nearest before it, where the city has
     * a side in each league ("NEW YORK" under "AMERICAN LEAGUE" is the Yankees, under "NATIONAL LEAGUE" the Mets);
     * empty where it has one side or no heading precedes the mention.
     */
    static Optional<String> sideAt(NewsSenses.Sport sport, Collection<String> forms, String text, int at) {
        List<Side> named = named(sport, forms);
        return named.size() < 2 ? Optional.empty() : titleIn(named, leagueAbove(text.toLowerCase(Locale.ROOT), at));
    }

    /** The sides the first of the names that has any stands for in the sport; empty where none has. */
    private static List<Side> named(NewsSenses.Sport sport, Collection<String> forms) {
        Map<String, List<Side>> sides = sport == null ? null : SIDES.get(sport);
        if (sides != null) {
            for (String form : forms) {
                List<Side> named = sides.get(key(form));
                if (named != null) {
                    return named;
                }
            }
        }
        return List.of();
    }

    /** "AL" or "NL", by the league heading nearest before a position of the lower-cased text; null for none. */
    private static String leagueAbove(String lower, int at) {
        int american = lower.lastIndexOf("american league", at);
        int national = lower.lastIndexOf("national league", at);
        return american < 0 && national < 0 ? null : american > national ? "AL" : "NL";
    }

    private static Optional<String> titleIn(List<Side> named, String league) {
        return league == null ? Optional.empty()
                : named.stream().filter(s -> s.league().equals(league)).map(Side::title).findFirst();
    }

    /** Case, dots and the short forms of New York and Los Angeles folded: "N.Y. RANGERS" → "ny rangers". */
    static String key(String form) {
        String key = Names.fold(form).replace(".", "").replaceAll("\\s+", " ").strip();
        if (key.startsWith("new york ") && key.length() > "new york ".length()) {
            key = "ny " + key.substring("new york ".length());
        } else if (key.startsWith("los angeles ") && key.length() > "los angeles ".length()) {
            key = "la " + key.substring("los angeles ".length());
        }
        return key.replace("saint ", "st ");
    }

    private static Map<NewsSenses.Sport, Map<String, List<Side>>> load() {
        Map<NewsSenses.Sport, Map<String, List<Side>>> sides = new EnumMap<>(NewsSenses.Sport.class);
        InputStream in = MajorLeagueTeams.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the processors jar");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                NewsSenses.Sport sport = NewsSenses.Sport.valueOf(columns[0]);
                Side side = new Side(columns[1], columns[3]);
                for (String name : columns[2].split("\\|")) {
                    sides.computeIfAbsent(sport, s -> new HashMap<>())
                            .computeIfAbsent(key(name), k -> new ArrayList<>()).add(side);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return sides;
    }
}
