package io.newswire.processors.nlp;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.newswire.common.Entity;
import io.newswire.common.Entity.EntityType;
import io.newswire.processors.nlp.link.ClubTitles;

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
 *   <li><b>Names the dictionary misplaces.</b> A few of the most used names point at another page in the
 *       dictionary ("San Francisco" at Santa Monica, California; "Honolulu" at one of its mayors; "South Carolina"
 *       at a university there; "IRA" at the given name Ira); and datelines write US states as the AP Stylebook abbreviates them ("IRVINE,
 *       Calif"), which the dictionary takes for other things.</li>
 *   <li><b>Datelines.</b> The place a report was filed from is a place, not a side, even on the sports page
 *       ("LONDON 1996-08-30" over a cricket report is London).</li>
 * </ul>
 * Titles are as Wikipedia had them in 2022.
 */
final class NewsSenses {

    /** How far into a text a sport's name counts as its slug or headline. */
    private static final int OPENING_CHARS = 60;

    /** A report's sport and the title patterns of its national teams, most specific first. */
    enum Sport {
        CRICKET(Set.of("cricket"), Set.of("wicket", "wickets", "innings", "batsman", "bowler", "bowled", "odi", "t20"),
                List.of("%s national cricket team", "%s cricket team", "%s County Cricket Club"), Set.of("cricketer")),
        FOOTBALL(Set.of("football", "soccer"), Set.of("striker", "midfielder", "fifa", "uefa", "goalkeeper", "penalty"),
                List.of("%s national football team", "%s men's national soccer team"), Set.of("footballer", "soccer")),
        RUGBY(Set.of("rugby"), Set.of("scrum", "lineout", "sevens", "try", "tries"),
                List.of("%s national rugby union team", "%s national rugby league team"), Set.of("rugby")),
        // Sports whose sides the dictionary does not name after their towns: told apart so that a football
        // club is not taken for a baseball side, and for the major-league table.
        BASEBALL(Set.of("baseball"), Set.of("inning", "pitcher", "homer", "shortstop", "outfielder", "rbi"), List.of(),
                Set.of("baseball")),
        BASKETBALL(Set.of("basketball", "nba"), Set.of("rebounds", "dunk", "guard", "forward"), List.of(),
                Set.of("basketball")),
        ICE_HOCKEY(Set.of("hockey", "nhl"), Set.of("puck", "goaltender", "rink"), List.of(), Set.of("hockey")),
        AMERICAN_FOOTBALL(Set.of("nfl"), Set.of("quarterback", "touchdown", "touchdowns", "linebacker"), List.of(),
                Set.of("american")),
        // Sports of players, not sides: known so that a results list supports its players' pages ("Michael
        // Johnson (athlete)", "Jonathan Edwards (athlete)"), which the copy never calls athletes.
        ATHLETICS(Set.of("athletics"), Set.of("metres", "hurdles", "marathon", "relay", "sprinter", "javelin",
                "discus", "decathlon", "steeplechase"), List.of(), Set.of("athlete", "sprinter", "runner", "hurdler",
                "jumper", "vaulter", "thrower", "putter", "decathlete", "heptathlete", "racewalker")),
        SWIMMING(Set.of("swimming"), Set.of("freestyle", "backstroke", "breaststroke", "medley"), List.of(),
                Set.of("swimmer")),
        TENNIS(Set.of("tennis"), Set.of("singles", "doubles", "seeded", "seed", "atp", "wta", "tiebreak"), List.of(),
                Set.of("tennis")),
        GOLF(Set.of("golf"), Set.of("birdie", "birdies", "bogey", "bogeys", "pga", "fairway", "putt"), List.of(),
                Set.of("golfer")),
        CYCLING(Set.of("cycling"), Set.of("peloton", "cyclist", "cyclists"), List.of(),
                Set.of("cyclist")),
        BOXING(Set.of("boxing"), Set.of("heavyweight", "middleweight", "welterweight", "knockout", "bout"), List.of(),
                Set.of("boxer"));

        /** The sport's own names: one in a report's first words ("SOCCER - …", a wire slug) settles it. */
        final Set<String> names;
        final Set<String> words;
        final List<String> teams;
        /** What Wikipedia calls its players in a disambiguator ("Nick Knight (cricketer)"). */
        final Set<String> players;

        Sport(Set<String> names, Set<String> words, List<String> teams, Set<String> players) {
            this.names = names;
            this.words = words;
            this.teams = teams;
            this.players = players;
        }

        /**
         * The sport the report speaks of most, by two or more of its words, or named in its first words (results
         * tables say "SOCCER" once and little else); null when none.
         */
        static Sport of(Set<String> context, String text) {
            String start = text.substring(0, Math.min(text.length(), OPENING_CHARS));
            if (start.toLowerCase(Locale.ROOT).contains("american football")) {
                return AMERICAN_FOOTBALL;
            }
            Set<String> opening = EntityLinker.words(start);
            Sport best = null;
            long most = 1;
            for (Sport sport : values()) {
                long n = sport.names.stream().filter(context::contains).count()
                        + sport.words.stream().filter(context::contains).count()
                        + 2 * sport.names.stream().filter(opening::contains).count();
                if (n > most) {
                    best = sport;
                    most = n;
                }
            }
            return best;
        }

        /** Whether a club's or team's page is a side in this sport, by its title. */
        boolean plays(String title) {
            Sport sport = ofSide(title);
            // Rugby union clubs are "F.C." as often as football's ("Saracens F.C.").
            return sport == this || (this == RUGBY && sport == FOOTBALL && title.endsWith(" F.C."));
        }

        /** The sport of a club's or team's page, by its title; null for a title of no sport's side. */
        static Sport ofSide(String title) {
            if (!ClubTitles.isClub(title)) {
                return null;
            }
            String lower = title.toLowerCase(Locale.ROOT);
            if (lower.contains("cricket")) {
                return CRICKET;
            }
            if (lower.contains("rugby") || title.endsWith(" RFC") || title.endsWith(" R.F.C.")) {
                return RUGBY;
            }
            if (lower.contains("hockey")) {
                return ICE_HOCKEY;
            }
            if (lower.contains("basketball")) {
                return BASKETBALL;
            }
            if (lower.contains("baseball")) {
                return BASEBALL;
            }
            if (lower.contains("football")) {
                return FOOTBALL;
            }
            // "… Club" and "… team" of no named sport say nothing; "F.C.", "FC", "OGC …" and the like are football's.
            return lower.endsWith(" club") || lower.endsWith(" team") ? null : FOOTBALL;
        }
    }

    /** Countries whose sides play under another name. */
    private static final Map<String, String> SIDE_NAMES = Map.of("Republic of Ireland", "Ireland",
            "United Kingdom", "Great Britain");
    private static final Set<String> AP_CITIES = Set.of("Atlanta", "Baltimore", "Boston", "Chicago", "Cincinnati",
            "Cleveland", "Dallas", "Denver", "Detroit", "Honolulu", "Houston", "Indianapolis", "Las Vegas",
            "Los Angeles", "Miami", "Milwaukee", "Minneapolis", "New Orleans", "Oklahoma City", "Philadelphia",
            "Pittsburgh", "St. Louis", "Salt Lake City", "San Antonio", "San Diego", "San Francisco", "Seattle");
    private static final Map<String, String> RENAMED = Map.ofEntries(Map.entry("Côte d'Ivoire", "Ivory Coast"),
            Map.entry("Republic of Macedonia", "North Macedonia"), Map.entry("Swaziland", "Eswatini"),
            Map.entry("Burma", "Myanmar"), Map.entry("Washington (U.S. state)", "Washington (state)"),
            Map.entry("Kiev", "Kyiv"), Map.entry("All Blacks", "New Zealand national rugby union team"),
            // Franchises renamed or moved since, under the pages that now carry their history.
            Map.entry("Florida Marlins", "Miami Marlins"), Map.entry("Cleveland Indians", "Cleveland Guardians"),
            Map.entry("Los Angeles Angels of Anaheim", "Los Angeles Angels"),
            Map.entry("Tampa Bay Devil Rays", "Tampa Bay Rays"), Map.entry("Washington Redskins", "Washington Commanders"),
            Map.entry("New Jersey Nets", "Brooklyn Nets"), Map.entry("Washington Bullets", "Washington Wizards"),
            Map.entry("Vancouver Grizzlies", "Memphis Grizzlies"), Map.entry("Phoenix Coyotes", "Arizona Coyotes"),
            Map.entry("Oakland Raiders", "Las Vegas Raiders"), Map.entry("San Diego Chargers", "Los Angeles Chargers"),
            Map.entry("St. Louis Rams", "Los Angeles Rams"),
            // Clubs the dictionary files under another club's title (its "Norwich City" links go to "Norwich F.C.").
            Map.entry("Norwich F.C.", "Norwich City F.C."), Map.entry("Rotherham Town F.C.", "Rotherham United F.C."));

    /** Names the dictionary sends to another page, and the page they name. */
    private static final Map<String, String> MISPLACED = Map.of("San Francisco", "San Francisco",
            "Honolulu", "Honolulu", "South Carolina", "South Carolina", "IRA", "Provisional Irish Republican Army");
    /** The AP Stylebook's abbreviations of US states, without their periods, and the states' titles. */
    private static final Map<String, String> STATES = Map.ofEntries(Map.entry("Ala", "Alabama"),
            Map.entry("Ariz", "Arizona"), Map.entry("Ark", "Arkansas"), Map.entry("Calif", "California"),
            Map.entry("Colo", "Colorado"), Map.entry("Conn", "Connecticut"), Map.entry("Del", "Delaware"),
            Map.entry("Fla", "Florida"), Map.entry("Ga", "Georgia (U.S. state)"), Map.entry("Ill", "Illinois"),
            Map.entry("Ind", "Indiana"), Map.entry("Kan", "Kansas"), Map.entry("Ky", "Kentucky"),
            Map.entry("La", "Louisiana"), Map.entry("Md", "Maryland"), Map.entry("Mass", "Massachusetts"),
            Map.entry("Mich", "Michigan"), Map.entry("Minn", "Minnesota"), Map.entry("Miss", "Mississippi"),
            Map.entry("Mo", "Missouri"), Map.entry("Mont", "Montana"), Map.entry("Neb", "Nebraska"),
            Map.entry("Nev", "Nevada"), Map.entry("N.H", "New Hampshire"), Map.entry("N.J", "New Jersey"),
            Map.entry("N.M", "New Mexico"), Map.entry("N.Y", "New York (state)"), Map.entry("N.C", "North Carolina"),
            Map.entry("N.D", "North Dakota"), Map.entry("Okla", "Oklahoma"), Map.entry("Ore", "Oregon"),
            Map.entry("Pa", "Pennsylvania"), Map.entry("R.I", "Rhode Island"), Map.entry("S.C", "South Carolina"),
            Map.entry("S.D", "South Dakota"), Map.entry("Tenn", "Tennessee"), Map.entry("Vt", "Vermont"),
            Map.entry("Va", "Virginia"), Map.entry("Wash", "Washington (state)"), Map.entry("W.Va", "West Virginia"),
            Map.entry("Wis", "Wisconsin"), Map.entry("Wyo", "Wyoming"));

    /** What follows a dateline's place: a state or country perhaps, then a date or an agency. */
    private static final Pattern DATELINE_TAIL = Pattern.compile(
            "\\s*(?:,\\s*[A-Z][\\w.]*(?:\\s+[A-Z][\\w.]*)?\\s*)?,?\\s*(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4}"
                    + "|\\(\\s*[A-Z][A-Za-z]+\\s*\\)|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d)");

    private NewsSenses() {
    }

    /**
     * The page a name stands for where the dictionary has it wrong: one of the misplaced names above, or, for a
     * place, a state as the AP abbreviates it.
     */
    static Optional<String> placeNamed(String form, EntityType type) {
        String misplaced = MISPLACED.get(form);
        if (misplaced != null) {
            return Optional.of(misplaced);
        }
        if (type == EntityType.LOCATION && form.equals("Gulf")) {
            return Optional.of("Persian Gulf"); // "the Gulf" of foreign news; the dictionary offers it only unranked
        }
        String bare = form.endsWith(".") ? form.substring(0, form.length() - 1) : form;
        return type == EntityType.LOCATION ? Optional.ofNullable(STATES.get(bare)) : Optional.empty();
    }

    /**
     * Whether the copy writes the name as a dateline: in capitals, then perhaps a state or country (", Calif"),
     * then a date ("1996-08-30", "Aug 30") or an agency ("(Reuters)"). A score line ("AUSTRALIA 228") is not one.
     */
    static boolean datelined(Entity entity, String text) {
        for (String form : entity.surfaceForms()) {
            if (form.length() < 3 || !form.equals(form.toUpperCase(Locale.ROOT))) {
                continue;
            }
            for (int at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
                int next = at + form.length();
                Matcher m = DATELINE_TAIL.matcher(text).region(next, Math.min(text.length(), next + 48));
                if (m.lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * @param pages  the page of the dictionary a title names: of that title, or one the name almost always stands
     *               for ("England national cricket team" is "England cricket team")
     * @param text   the article's text in lower case
     */
    static String title(String title, Entity entity, Sport sport, String text,
                        Function<String, Optional<String>> pages) {
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
                // The country's own name first ("Republic of Ireland national football team"), then the name
                // its side plays under in other sports ("Ireland national rugby union team").
                for (String name : List.of(title, side)) {
                    Optional<String> team = pages.apply(String.format(pattern, name));
                    if (team.isPresent()) {
                        return RENAMED.getOrDefault(team.get(), team.get());
                    }
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
