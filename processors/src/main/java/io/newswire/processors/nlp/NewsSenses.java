package io.newswire.processors.nlp;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import io.newswire.common.Entity;
import io.newswire.common.Entity.EntityType;

/**
 * What a page the alias dictionary chose means in news copy, and what Wikipedia calls that page today. The
 * dictionary gives one page per name, as Wikipedia's links used it about 2011; news uses some names otherwise:
 * <ul>
 *   <li><b>Sides.</b> In a report on cricket, football or rugby, a place that has a side in that sport is the side:
 *       a country its national team ("England" → England cricket team), an English county its county cricket club
 *       ("Essex" → Essex County Cricket Club), where the dictionary has that side's page.</li>
 *   <li><b>The newsroom's city.</b> "New York" and "Washington" as places are the cities (New York City,
 *       Washington, D.C.) unless the copy speaks of the state.</li>
 *   <li><b>Pages renamed since.</b> The cities the AP Stylebook lets stand alone in a dateline are titled
 *       without their state ("Atlanta, Georgia" → Atlanta; Phoenix keeps it), and a few countries were renamed
 *       ("Côte d'Ivoire" → Ivory Coast; the Irish state is Republic of Ireland, "Ireland" the island).</li>
 * </ul>
 * Titles are as Wikipedia had them in 2022.
 */
final class NewsSenses {

    /** A report's sport and the title patterns of its national teams, most specific first. */
    enum Sport {
        CRICKET(Set.of("cricket", "wicket", "wickets", "innings", "batsman", "bowler", "bowled", "odi", "t20"),
                List.of("%s national cricket team", "%s cricket team", "%s County Cricket Club")),
        FOOTBALL(Set.of("football", "soccer", "striker", "midfielder", "fifa", "uefa", "goalkeeper", "penalty"),
                List.of("%s national football team")),
        RUGBY(Set.of("rugby", "scrum", "lineout", "sevens"),
                List.of("%s national rugby union team", "%s national rugby league team"));

        final Set<String> words;
        final List<String> teams;

        Sport(Set<String> words, List<String> teams) {
            this.words = words;
            this.teams = teams;
        }

        /** The sport two or more of whose words the report uses, the one with most; null when none. */
        static Sport of(Set<String> context) {
            Sport best = null;
            long most = 1;
            for (Sport sport : values()) {
                long n = sport.words.stream().filter(context::contains).count();
                if (n > most) {
                    best = sport;
                    most = n;
                }
            }
            return best;
        }
    }

    /** Countries whose sides play under another name. */
    private static final Map<String, String> SIDE_NAMES = Map.of("Republic of Ireland", "Ireland",
            "United Kingdom", "Great Britain");
    private static final Set<String> AP_CITIES = Set.of("Atlanta", "Baltimore", "Boston", "Chicago", "Cincinnati",
            "Cleveland", "Dallas", "Denver", "Detroit", "Honolulu", "Houston", "Indianapolis", "Las Vegas",
            "Los Angeles", "Miami", "Milwaukee", "Minneapolis", "New Orleans", "Oklahoma City", "Philadelphia",
            "Pittsburgh", "St. Louis", "Salt Lake City", "San Antonio", "San Diego", "San Francisco", "Seattle");
    private static final Map<String, String> RENAMED = Map.of("Côte d'Ivoire", "Ivory Coast",
            "Republic of Macedonia", "North Macedonia", "Swaziland", "Eswatini", "Burma", "Myanmar",
            "Washington (U.S. state)", "Washington (state)");

    private NewsSenses() {
    }

    /**
     * @param exists whether the dictionary has a page of that exact title
     * @param text   the article's text in lower case
     */
    static String title(String title, Entity entity, Sport sport, String text, Predicate<String> exists) {
        EntityType type = entity.type();
        boolean placeOrSide = type == EntityType.LOCATION || type == EntityType.ORGANIZATION;
        if (sport != null && placeOrSide) {
            // A place with a side of its own in the report's sport: a country's national team, a county's club.
            String side = SIDE_NAMES.getOrDefault(title, title);
            List<String> teams = sport.teams;
            if (sport == Sport.RUGBY && text.contains("rugby league")) {
                teams = new java.util.ArrayList<>(teams);
                java.util.Collections.reverse(teams);
            }
            for (String pattern : teams) {
                String team = String.format(pattern, side);
                if (exists.test(team)) {
                    return team;
                }
            }
        }
        if (type == EntityType.LOCATION && title.equals("New York") && !text.contains("new york state")
                && !text.contains("state of new york") && !text.contains("upstate")) {
            return "New York City";
        }
        if (type == EntityType.LOCATION && title.equals("Washington") && !text.contains("washington state")
                && !text.contains("state of washington")) {
            return "Washington, D.C.";
        }
        if (title.equals("Ireland") && placeOrSide) {
            return "Republic of Ireland";
        }
        int comma = title.indexOf(", ");
        if (comma > 0 && AP_CITIES.contains(title.substring(0, comma))) {
            return title.substring(0, comma);
        }
        return RENAMED.getOrDefault(title, title);
    }
}
