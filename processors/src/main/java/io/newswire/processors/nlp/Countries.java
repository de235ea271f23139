package io.newswire.processors.nlp;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Country names to ISO 3166-1 alpha-2 codes, from the JDK's own locale data (English display names)
 * plus the usual short forms of news copy ("US", "U.S.", "UK", "UAE", "Britain"...).
 */
public final class Countries {

    /** A linked country: its code and the name the JDK gives it in English. */
    public record Country(String code, String name) {
    }

    // Declared before CODE_BY_NAME: build() uses them during class initialisation.
    private static final java.util.regex.Pattern LEADING_THE = java.util.regex.Pattern.compile("^the\\s+");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    private static final Map<String, String> CODE_BY_NAME = build();

    private Countries() {
    }

    public static Optional<Country> lookup(String surface) {
        String key = normalise(surface);
        String code = CODE_BY_NAME.get(key);
        if (code == null) {
            return Optional.empty();
        }
        return Optional.of(new Country(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH)));
    }

    private static Map<String, String> build() {
        Map<String, String> map = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            map.put(normalise(new Locale("", code).getDisplayCountry(Locale.ENGLISH)), code);
        }
        String[][] aliases = {
                {"us", "US"}, {"u.s.", "US"}, {"u.s", "US"}, {"usa", "US"}, {"u.s.a.", "US"},
                {"united states of america", "US"}, {"america", "US"},
                {"uk", "GB"}, {"u.k.", "GB"}, {"britain", "GB"}, {"great britain", "GB"},
                {"uae", "AE"}, {"u.a.e.", "AE"}, {"palestine", "PS"}, {"state of palestine", "PS"},
                {"russian federation", "RU"}, {"south korea", "KR"}, {"republic of korea", "KR"},
                {"north korea", "KP"}, {"czech republic", "CZ"}, {"holland", "NL"}, {"the netherlands", "NL"},
                {"ivory coast", "CI"}, {"burma", "MM"}, {"vatican", "VA"}, {"syria", "SY"}, {"iran", "IR"},
                {"turkey", "TR"}, {"türkiye", "TR"}, {"macedonia", "MK"}, {"swaziland", "SZ"},
                {"east timor", "TL"}, {"cape verde", "CV"}, {"congo", "CG"}, {"drc", "CD"},
                {"democratic republic of the congo", "CD"}};
        for (String[] alias : aliases) {
            map.put(alias[0], alias[1]);
        }
        return Map.copyOf(map);
    }

    private static String normalise(String text) {
        return SPACES.matcher(LEADING_THE.matcher(Names.fold(text.strip())).replaceAll("")).replaceAll(" ");
    }
}
