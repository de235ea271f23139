package io.newswire.processors.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The names a company's page goes by, from the name the copy gives it: financial copy adds the legal form
 * ("Lear Corp", "Magna International Inc"), which page titles and their aliases spell out ("Lear Corporation")
 * or leave off ("Magna International").
 */
final class CompanyForms {

    /** Legal forms, and the word a page title spells each out as (empty: titles leave it off). */
    private static final Map<String, String> LEGAL_FORMS = Map.ofEntries(Map.entry("Corp", "Corporation"),
            Map.entry("Co", "Company"), Map.entry("Inc", "Inc."), Map.entry("Ltd", "Limited"), Map.entry("Plc", ""),
            Map.entry("PLC", ""), Map.entry("AG", ""), Map.entry("SA", ""), Map.entry("S.A", ""), Map.entry("NV", ""),
            Map.entry("N.V", ""), Map.entry("Cos", "Companies"), Map.entry("LLC", ""), Map.entry("L.P", ""),
            Map.entry("SpA", ""), Map.entry("AB", ""), Map.entry("GmbH", ""), Map.entry("BV", ""), Map.entry("ASA", ""),
            Map.entry("Oyj", ""), Map.entry("Bhd", ""));

    private CompanyForms() {
    }

    /**
     * The forms to look a company's name up by besides itself: the legal form spelt out, and the name without it
     * where two words or more remain (a lone word, "Lear" of "Lear Corp", names too much else); none when the
     * name ends in no legal form.
     */
    static List<String> variants(String name) {
        String trimmed = name.strip();
        int space = trimmed.lastIndexOf(' ');
        if (space < 0) {
            return List.of();
        }
        String last = trimmed.substring(space + 1);
        String bare = last.endsWith(".") ? last.substring(0, last.length() - 1) : last;
        String spelt = LEGAL_FORMS.get(bare);
        if (spelt == null) {
            return List.of();
        }
        String stem = trimmed.substring(0, space).strip();
        if (stem.endsWith(" &") || stem.endsWith(",")) {
            stem = stem.substring(0, stem.length() - 1).strip();
        }
        List<String> out = new ArrayList<>(2);
        if (!spelt.isEmpty()) {
            out.add(stem + " " + spelt);
        }
        if (stem.indexOf(' ') > 0) {
            out.add(stem);
        }
        return out;
    }
}
