package io.newswire.processors.nlp;

import java.util.Set;

/**
 * Words the CRF tags as entities that no dashboard wants as one: time zones ("GMT" as an organisation),
 * weekdays and months, and holidays ("Christmas" as a person). Compared case-insensitively, without a
 * leading "the".
 */
final class NotNames {

    private static final Set<String> WORDS = Set.of(
            "gmt", "utc", "bst", "cet", "cest", "eet", "eest", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt",
            "ist", "jst", "aest", "aedt", "hkt", "sgt", "msk",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "june", "july", "august", "september", "october",
            "november", "december",
            "christmas", "christmas eve", "christmas day", "new year", "new year's day", "new year's eve",
            "easter", "easter sunday", "good friday", "thanksgiving", "halloween", "ramadan", "eid",
            "eid al-fitr", "eid al-adha", "hanukkah", "passover", "yom kippur", "rosh hashanah", "diwali",
            "lunar new year", "valentine's day", "boxing day", "labor day", "labour day", "memorial day");

    private NotNames() {
    }

    static boolean contains(String mention) {
        String folded = Names.fold(mention.strip()).replace('’', '\'');
        if (folded.startsWith("the ")) {
            folded = folded.substring(4);
        }
        return WORDS.contains(folded);
    }
}
