package io.newswire.common;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Stable article ids and content fingerprints.
 *
 * <p>The id prefers what the source says (its GUID or URI) so that a later version of the same item
 * lands on the same key; without one, the id is a hash of source + normalized text, so re-reading the
 * same file gives the same id. The content hash ignores the source: the same text from two sources
 * has one content hash, which is what exact deduplication keys on.
 */
public final class ArticleIds {

    private ArticleIds() {
    }

    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):.*",
            java.util.regex.Pattern.DOTALL);

    /**
     * Whether an identifier that has a URI scheme is one consumers may show or follow: http, https, urn or
     * tag. Identifiers without a scheme (agency doc-ids) are not URIs and are not judged here.
     */
    public static boolean isSafeUri(String id) {
        java.util.regex.Matcher m = SCHEME.matcher(id);
        if (!m.matches()) {
            return false;
        }
        String scheme = m.group(1).toLowerCase(java.util.Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https") || scheme.equals("urn") || scheme.equals("tag");
    }

    /** Whether an identifier starts with a URI scheme ({@code javascript:}, {@code http:}, {@code urn:}). */
    public static boolean hasScheme(String id) {
        return SCHEME.matcher(id).matches();
    }

    public static String of(String sourceGuid, String source, String headline, List<String> body) {
        if (sourceGuid != null && !sourceGuid.isBlank()) {
            return sourceGuid.strip();
        }
        return Hashing.sha256Hex(source + "\n" + normalize(headline) + "\n" + normalize(String.join("\n", body)))
                .substring(0, 32);
    }

    public static String contentHash(String headline, List<String> body) {
        return Hashing.sha256Hex(normalize(headline) + "\n" + normalize(String.join("\n", body)));
    }

    /**
     * Case-folded, NFKC, punctuation and spacing removed: typographic quotes, dashes and re-wrapping
     * do not make two copies of a text look different.
     */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        // One pass instead of regexes: this runs over every article's full text (ids, hashes, shingles).
        String folded = isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        boolean pendingSpace = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || isPunctuationOrSymbol(cp)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(Character.toLowerCase(cp));
        }
        return out.toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPunctuationOrSymbol(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }
}
