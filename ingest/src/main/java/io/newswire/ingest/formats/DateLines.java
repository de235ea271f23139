package io.newswire.ingest.formats;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates written at the top of a text article: a line that is only a date ("May 03, 2013",
 * "Last Updated: Monday, 28 November 2005, 02:24 GMT", "Sat Nov 12 2011, 01:19 hrs", "2013-09-26"), or a
 * dateline opening the lead ("WASHINGTON, DC, April 28, 2009 - The Obama administration…"). Copy without
 * metadata often carries its date this way, and a story's date is what keeps two same-kind events years
 * apart from joining one story. Numeric dates other than ISO ("09/10/2013") are ambiguous and ignored.
 * Spacing around punctuation is tolerated (tokenized text writes "May 03 , 2013"). Stateless.
 */
public final class DateLines {

    /** What a paragraph says about the date: a date line (chrome, to drop) or a dateline (prose, to keep). */
    public record Found(Instant date, boolean dateOnly) {
    }

    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
    private static final String YEAR = "((?:19|20)\\d\\d)";
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?i)\\b" + MONTH + "\\s+" + DAY + "\\s*,?\\s*" + YEAR + "\\b");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?i)\\b" + DAY + "\\s+" + MONTH + "\\s*,?\\s*" + YEAR + "\\b");
    private static final Pattern ISO = Pattern.compile("\\b" + YEAR + "\\s*-\\s*(\\d\\d)\\s*-\\s*(\\d\\d)\\b");
    /** What may sit beside the date on a date line: labels, weekdays, a time, a zone, punctuation. */
    private static final Pattern DATE_LINE_NOISE = Pattern.compile("(?i)\\b(last|published|posted|updated|modified"
            + "|date|on|at|mon(day)?|tue(s(day)?)?|wed(nesday)?|thu(rs(day)?)?|fri(day)?|sat(urday)?|sun(day)?"
            + "|[0-2]?\\d\\s*[:.]\\s*\\d\\d(\\s*[:.]\\s*\\d\\d)?|a\\.?m\\.?|p\\.?m\\.?|hrs|gmt|utc|[ecmp][sd]?t|ist|bst|cet"
            + "|[+-]\\d\\d\\s*:?\\s*\\d\\d)\\b|[|,:;()\\[\\]/•·–—-]");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_DATE_LINE_WORDS = 3;
    private static final int MAX_DATELINE_PREFIX = 50;
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    private DateLines() {
    }

    /** The date a paragraph gives as a date line or a dateline; empty for prose that merely mentions one. */
    public static Optional<Found> find(String paragraph) {
        for (Pattern pattern : new Pattern[] {MONTH_DAY_YEAR, DAY_MONTH_YEAR, ISO}) {
            Matcher m = pattern.matcher(paragraph);
            if (!m.find()) {
                continue;
            }
            Optional<Instant> date = date(pattern, m);
            if (date.isEmpty()) {
                continue;
            }
            String rest = paragraph.substring(0, m.start()) + " " + paragraph.substring(m.end());
            if (words(DATE_LINE_NOISE.matcher(rest).replaceAll(" ")) <= MAX_DATE_LINE_WORDS) {
                return Optional.of(new Found(date.get(), true));
            }
            if (isPlace(paragraph.substring(0, m.start()))) {
                return Optional.of(new Found(date.get(), false));
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> date(Pattern pattern, Matcher m) {
        try {
            LocalDate d;
            if (pattern == ISO) {
                d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } else {
                String month = pattern == MONTH_DAY_YEAR ? m.group(1) : m.group(2);
                String day = pattern == MONTH_DAY_YEAR ? m.group(2) : m.group(1);
                d = LocalDate.of(Integer.parseInt(m.group(3)),
                        MONTHS.get(month.substring(0, 3).toLowerCase(Locale.ROOT)), Integer.parseInt(day));
            }
            // A date without a time or zone: the start of that day in UTC, the zone ingest assumes elsewhere.
            return Optional.of(d.atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A dateline's place: a few capitalised words and commas before the date ("WASHINGTON, DC,"). */
    private static boolean isPlace(String prefix) {
        String p = prefix.strip();
        if (p.isEmpty() || p.length() > MAX_DATELINE_PREFIX || !p.endsWith(",")) {
            return false;
        }
        Matcher w = WORD.matcher(p);
        boolean any = false;
        while (w.find()) {
            any = true;
            if (!Character.isUpperCase(w.group().codePointAt(0))) {
                return false;
            }
        }
        return any;
    }

    private static int words(String text) {
        int n = 0;
        Matcher w = WORD.matcher(text);
        while (w.find()) {
            n++;
        }
        return n;
    }
}
