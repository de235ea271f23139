package io.newswire.processors.nlp;

import java.util.Set;
import io.newswire.common.Entity.EntityType;

/**
 * The entity type a linked page implies where the tagger's type is the common mistake. The alias dictionary
 * carries no types, so this reads the title: a seat of government stands for the institution in news copy
 * ("the White House said" is the administration), and a title naming a party, ministry, bank, university or
 * the like is an organisation whatever the tagger called its mention. People keep their type: the linker
 * already refuses to link a person to such a page.
 */
final class PageTypes {

    /** Buildings and addresses that news copy uses for the government in them. */
    private static final Set<String> SEATS = Set.of("White House", "Kremlin", "Moscow Kremlin", "The Pentagon",
            "Pentagon", "Downing Street", "10 Downing Street", "Élysée Palace", "Elysee Palace", "Zhongnanhai",
            "Blue House", "Whitehall", "Quai d'Orsay", "Chigi Palace", "Palazzo Chigi", "Kantei");
    /** The last word of titles that name organisations ("Labour Party", "Bank of England" is caught by its first). */
    private static final Set<String> ORG_HEADS = Set.of("Party", "Ministry", "Department", "Agency", "Council",
            "Committee", "Commission", "Organization", "Organisation", "Corporation", "Company", "Inc.", "Ltd.",
            "Bank", "University", "Institute", "Foundation", "Association", "Federation", "Authority", "Army",
            "Navy", "Police", "Parliament", "Congress", "Senate", "Court", "Airlines", "Airways", "Group", "team");
    private static final Set<String> ORG_FIRSTS = Set.of("Ministry", "Department", "Bank", "University", "Bureau",
            "Office");

    private PageTypes() {
    }

    /** The type the entity should have once linked to {@code title}. */
    static EntityType of(EntityType tagged, String title) {
        if (tagged == EntityType.PERSON || tagged == EntityType.ORGANIZATION) {
            return tagged;
        }
        String plain = withoutDisambiguator(title);
        if (SEATS.contains(plain)) {
            return EntityType.ORGANIZATION;
        }
        String[] words = plain.split(" ");
        if (words.length > 1 && (ORG_HEADS.contains(words[words.length - 1])
                || (ORG_FIRSTS.contains(words[0]) && words[1].equals("of")))) {
            return EntityType.ORGANIZATION;
        }
        return tagged;
    }

    private static String withoutDisambiguator(String title) {
        int paren = title.indexOf(" (");
        return paren > 0 && title.endsWith(")") ? title.substring(0, paren) : title;
    }
}
