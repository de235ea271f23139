package io.newswire.processors.nlp;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Nationality words and the country page they stand for in news copy ("German officials" → Germany, "Britons" →
 * United Kingdom): the alias dictionary sends many of them to the language ("German" → German language) or to
 * the people, and a nationality tagged MISC is about the country. A plural of people ("Germans", "Britons",
 * "Danes") counts as its singular. Titles are Wikipedia's (2022); "Irish" is the state, "English", "Scottish"
 * and "Welsh" are the home nations.
 */
final class Demonyms {

    private static final Map<String, String> COUNTRY = build();

    private Demonyms() {
    }

    /** The country page of a nationality word, if it is one. */
    static Optional<String> country(String surface) {
        String word = surface.strip();
        if (word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT))) {
            word = word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT); // "POLISH" in a headline
        }
        String page = COUNTRY.get(word);
        if (page == null && word.length() > 3 && word.endsWith("s")) {
            page = COUNTRY.get(word.substring(0, word.length() - 1));
        }
        return Optional.ofNullable(page);
    }

    private static Map<String, String> build() {
        String[][] rows = {
                {"Afghanistan", "Afghan"}, {"Albania", "Albanian"}, {"Algeria", "Algerian"},
                {"United States", "American"}, {"Argentina", "Argentine", "Argentinian"}, {"Armenia", "Armenian"},
                {"Australia", "Australian"}, {"Austria", "Austrian"}, {"Azerbaijan", "Azerbaijani"},
                {"Bangladesh", "Bangladeshi"}, {"Belarus", "Belarusian"}, {"Belgium", "Belgian"},
                {"Bolivia", "Bolivian"}, {"Bosnia and Herzegovina", "Bosnian"}, {"Brazil", "Brazilian"},
                {"United Kingdom", "British", "Briton"}, {"Bulgaria", "Bulgarian"}, {"Myanmar", "Burmese"},
                {"Cambodia", "Cambodian"}, {"Cameroon", "Cameroonian"}, {"Canada", "Canadian"}, {"Chile", "Chilean"},
                {"China", "Chinese"}, {"Colombia", "Colombian"}, {"Croatia", "Croatian", "Croat"}, {"Cuba", "Cuban"},
                {"Cyprus", "Cypriot"}, {"Democratic Republic of the Congo", "Zairean", "Zairian"}, {"Czech Republic", "Czech"}, {"Denmark", "Danish", "Dane"},
                {"Netherlands", "Dutch"}, {"Ecuador", "Ecuadorian"}, {"Egypt", "Egyptian"}, {"England", "English"},
                {"Eritrea", "Eritrean"}, {"Estonia", "Estonian"}, {"Ethiopia", "Ethiopian"},
                {"Philippines", "Filipino"}, {"Finland", "Finnish", "Finn"}, {"France", "French"},
                {"Germany", "German"}, {"Ghana", "Ghanaian"}, {"Greece", "Greek"}, {"Haiti", "Haitian"},
                {"Hungary", "Hungarian"}, {"Iceland", "Icelandic", "Icelander"}, {"India", "Indian"},
                {"Indonesia", "Indonesian"}, {"Iran", "Iranian"}, {"Iraq", "Iraqi"}, {"Republic of Ireland", "Irish"},
                {"Israel", "Israeli"}, {"Italy", "Italian"}, {"Jamaica", "Jamaican"}, {"Japan", "Japanese"},
                {"Jordan", "Jordanian"}, {"Kazakhstan", "Kazakh"}, {"Kenya", "Kenyan"}, {"Kuwait", "Kuwaiti"},
                {"Latvia", "Latvian"}, {"Lebanon", "Lebanese"}, {"Libya", "Libyan"}, {"Lithuania", "Lithuanian"},
                {"Malaysia", "Malaysian"}, {"Mexico", "Mexican"}, {"Morocco", "Moroccan"},
                {"Nepal", "Nepalese", "Nepali"}, {"New Zealand", "New Zealander"}, {"Nigeria", "Nigerian"},
                {"Norway", "Norwegian"}, {"Pakistan", "Pakistani"}, {"Peru", "Peruvian"},
                {"Poland", "Polish", "Pole"}, {"Portugal", "Portuguese"}, {"Qatar", "Qatari"},
                {"Romania", "Romanian"}, {"Russia", "Russian"}, {"Rwanda", "Rwandan"}, {"Saudi Arabia", "Saudi"},
                {"Scotland", "Scottish", "Scot"}, {"Serbia", "Serbian", "Serb"}, {"Singapore", "Singaporean"},
                {"Slovakia", "Slovak"}, {"Slovenia", "Slovenian", "Slovene"}, {"Somalia", "Somali"},
                {"South Africa", "South African"}, {"Spain", "Spanish", "Spaniard"}, {"Sri Lanka", "Sri Lankan"},
                {"Sudan", "Sudanese"}, {"Sweden", "Swedish", "Swede"}, {"Switzerland", "Swiss"},
                {"Syria", "Syrian"}, {"Taiwan", "Taiwanese"}, {"Thailand", "Thai"}, {"Tunisia", "Tunisian"},
                {"Turkey", "Turkish", "Turk"}, {"Uganda", "Ugandan"}, {"Ukraine", "Ukrainian"},
                {"Uruguay", "Uruguayan"}, {"Venezuela", "Venezuelan"}, {"Vietnam", "Vietnamese"},
                {"Wales", "Welsh"}, {"Yemen", "Yemeni"}, {"Zimbabwe", "Zimbabwean"}};
        Map<String, String> map = new HashMap<>();
        for (String[] row : rows) {
            for (int i = 1; i < row.length; i++) {
                map.put(row[i], row[0]);
            }
        }
        return Map.copyOf(map);
    }
}
