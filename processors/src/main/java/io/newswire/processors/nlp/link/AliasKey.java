package io.newswire.processors.nlp.link;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The form in which an alias is looked up: in Unicode's composed form without invisible format
 * characters, curly quotes as straight ones, runs of white space as one space, case and accents kept ("SEC"
 * is not "sec", "Göd" is not "God"), and a 64-bit hash of that. The dictionary stores only hashes: at 64
 * bits the chance that two of its ~15 M keys collide, or that an unknown name hits one, is about 10⁻⁵.
 */
public final class AliasKey {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0]+");
    private static final Pattern FORMAT_CHARS = Pattern.compile("\\p{Cf}+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private AliasKey() {
    }

    public static String normalise(String alias) {
        String text = alias.strip().replace('’', '\'').replace('‘', '\'');
        if (!ascii(text)) {
            text = FORMAT_CHARS.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll("").strip();
        }
        return SPACES.matcher(text).replaceAll(" ");
    }

    /**
     * The alias as wire copy writes it, which drops accents ("Juan Gonzalez" for Juan González): letters
     * without their diacritics, and the few Latin letters that have none to drop as their usual ASCII.
     */
    public static String withoutAccents(String alias) {
        if (ascii(alias)) {
            return alias;
        }
        String stripped = withoutMarks(alias);
        StringBuilder out = new StringBuilder(stripped.length());
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            switch (c) {
                case 'ø' -> out.append('o');
                case 'Ø' -> out.append('O');
                case 'ł' -> out.append('l');
                case 'Ł' -> out.append('L');
                case 'đ' -> out.append('d');
                case 'Đ' -> out.append('D');
                case 'ı' -> out.append('i');
                case 'ß' -> out.append("ss");
                default -> out.append(c);
            }
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /** The text with its combining marks dropped after decomposition ("González" → "Gonzalez"), letters as they are. */
    public static String withoutMarks(String text) {
        return ascii(text) ? text : MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    public static long hash(String alias) {
        return hashNormalised(normalise(alias));
    }

    /** FNV-1a over the UTF-16 units, then a 64-bit finaliser (SplitMix64's) to spread the low bits. */
    static long hashNormalised(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
