package io.newswire.processors.nlp.link;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pages of sports clubs and teams, told by their titles, and the town each bears. Sports copy names a club by
 * its town ("Bolton 2 Ipswich 1", "Karlsruhe beat Nice"), which the dictionary's aliases send to the town; the
 * club's page is found through the town its title bears ("Bolton Wanderers F.C.", "Karlsruher SC", "OGC Nice",
 * "FK Zemun", "Hampshire County Cricket Club", "Samoa national rugby league team").
 */
public final class ClubTitles {

    /** Words a club adds to its town's name ("Bolton Wanderers"): never part of the town. */
    private static final String CLUB_WORDS = "United|City|Town|County|Rovers|Athletic|Wanderers|Albion|Alexandra"
            + "|Academical|Argyle|Orient|Wednesday|Thistle|Hotspur|Rangers|North End";
    private static final String TOWN = "(\\p{Lu}[\\p{L}.'-]*(?: (?!(?:" + CLUB_WORDS + ")\\b)\\p{Lu}[\\p{L}.'-]*)?)";
    /** "Bolton Wanderers F.C.", "Stirling Albion F.C.", "Hull City A.F.C.", "Essex County Cricket Club". */
    private static final Pattern SUFFIXED = Pattern.compile(TOWN
            + "(?: (?:" + CLUB_WORDS + "))?"
            + "(?: (?:Cricket|Football|Rugby|Hockey|Basketball))? (?:F\\.C\\.|A\\.F\\.C\\.|C\\.F\\.|B\\.C\\.|C\\.F\\.C\\.|FC|CF"
            + "|Calcio|Club|national (?:[a-z]+ )*team|(?:[a-z]+ )*team)");
    /** "OGC Nice", "FK Zemun", "A.C. Milan", "AS Monaco FC", "1. FC Köln", "MSV Duisburg", "Borussia Dortmund". */
    private static final Pattern PREFIXED = Pattern.compile("(?:1\\. )?(?:FC|F\\.C\\.|AC|A\\.C\\.|A\\.S\\.|AS"
            + "|OGC|RC|FK|NK|HNK|SK|KS|CD|UD|SD|RCD|AJ|VfB|VfL|TSV|FSV|SV|MSV|SpVgg|SG|U\\.C\\.|SSC|ACF"
            + "|Borussia|Eintracht|Fortuna|Arminia|Alemannia) " + TOWN
            + "(?: (?:FC|F\\.C\\.|CF|C\\.F\\.))?");
    /** "Karlsruher SC", "Hamburger SV": the town as an adjective. */
    private static final Pattern ADJECTIVAL = Pattern.compile("(\\p{Lu}\\p{Ll}+)er (?:SC|SV|FC|BC)");

    private ClubTitles() {
    }

    public static boolean isClub(String title) {
        return title.endsWith(" Club") || title.endsWith(" team") || SUFFIXED.matcher(title).matches()
                || PREFIXED.matcher(title).matches() || ADJECTIVAL.matcher(title).matches();
    }

    /** The town (or country, for a national side) a club's title bears; empty for any other title. */
    public static List<String> towns(String title) {
        Matcher m = SUFFIXED.matcher(title);
        if (m.matches()) {
            return List.of(m.group(1));
        }
        m = PREFIXED.matcher(title);
        if (m.matches()) {
            return List.of(m.group(1));
        }
        m = ADJECTIVAL.matcher(title);
        if (m.matches()) {
            // Karlsruhe+r, Hamburg+er: which ending the adjective added is not in the title.
            List<String> towns = new ArrayList<>(2);
            towns.add(m.group(1) + "e");
            towns.add(m.group(1));
            return towns;
        }
        return List.of();
    }
}
