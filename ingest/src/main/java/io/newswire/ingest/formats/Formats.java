package io.newswire.ingest.formats;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every supported format, and automatic detection from the first bytes: JSON is ninjs, or the AP Media
 * API's when it carries {@code api_version}; XML is told by its root element (nitf, NewsML, a NewsML-G2
 * item or message, rss/feed/RDF, Ritzau's RBNews); HTML by its doctype or
 * html element; anything else is plain text. Documents that are plainly not news items (schemas) are
 * rejected with that reason.
 */
public final class Formats {

    private static final int SNIFF_BYTES = 8192;
    private static final Pattern ROOT = Pattern.compile(
            "<(?![?!])(?:[\\w.-]+:)?([A-Za-z_][\\w.-]*)");
    private static final Pattern LEADING_MARKUP = Pattern.compile(
            "\\A(\\s|<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE[^\\[>]*(\\[.*?\\])?\\s*>)*", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private final Map<String, ItemFormat> byName = new LinkedHashMap<>();

    public Formats(WebChromeCleaner cleaner) {
        for (ItemFormat f : List.of(new PlainTextFormat(cleaner), new NinjsFormat(), new NewsMlG2Format(),
                new NitfFormat(), new NewsMl1Format(), new FeedFormat(), new HtmlFormat(cleaner), new ApMediaFormat(),
                new RitzauFormat())) {
            byName.put(f.name(), f);
        }
    }

    /** A document read: the format it was read as and its items, each made readable. */
    public record Read(ItemFormat format, List<ParsedItem> items) {
    }

    /**
     * Reads a document: its encoding reconciled ({@link Encodings}), binary content refused, its format
     * detected (unless forced), its items parsed and made readable; what was overruled is noted on each item.
     *
     * @throws RejectedInputException for binary content or a document no format can read
     */
    public Read read(byte[] bytes, java.util.Optional<ItemFormat> forced) {
        return read(bytes, forced, null);
    }

    /** @param transportCharset the charset the transport declared (HTTP {@code Content-Type}), or null */
    public Read read(byte[] bytes, java.util.Optional<ItemFormat> forced, String transportCharset) {
        Encodings.Reconciled text = Encodings.reconcile(bytes, transportCharset);
        String binary = forced.isPresent() ? null : binaryReason(text.bytes());
        if (binary != null) {
            throw new RejectedInputException("binary content (" + binary + "): not a text article");
        }
        ItemFormat format = forced.orElseGet(() -> detect(text.bytes()));
        List<ParsedItem> items = format.items(text.bytes());
        if (text.note() != null) {
            items = items.stream().map(i -> i.noted(text.note())).toList();
        }
        return new Read(format, items);
    }

    /**
     * Why the first 8 KB look like binary rather than text, or null. Random bytes without a NUL would
     * otherwise decode as Windows-1252 "text": text has almost no C0 control characters besides tab, line
     * feed, form feed and carriage return, random bytes ~10%. UTF-16 and UTF-32 text arrive here already
     * re-encoded from their byte order mark.
     */
    static String binaryReason(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        int controls = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return "NUL bytes";
            }
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B) || b == 0x7F) {
                controls++;
            }
        }
        return controls > Math.max(4, n / 100) ? controls + " control characters in the first " + n + " bytes" : null;
    }

    public Set<String> names() {
        return byName.keySet();
    }

    /** @throws IllegalArgumentException for a name that is not a format */
    public ItemFormat named(String name) {
        ItemFormat f = byName.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown format '" + name + "'; known: " + String.join(", ", names()));
        }
        return f;
    }

    /** @throws RejectedInputException for XML or JSON that is no news format we know */
    public ItemFormat detect(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        if (head.startsWith("\u00ef\u00bb\u00bf")) {
            head = head.substring(3);
        }
        String trimmed = head.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            if (trimmed.contains("\"$schema\"") && trimmed.contains("\"properties\"")) {
                throw new NotANewsItemException("a JSON Schema");
            }
            return byName.get(ApMediaFormat.looksLike(trimmed) ? "ap-media" : "ninjs");
        }
        if (!trimmed.startsWith("<")) {
            return byName.get("text");
        }
        String afterProlog = LEADING_MARKUP.matcher(head).replaceFirst("");
        if (head.toLowerCase(Locale.ROOT).contains("<!doctype html")) {
            return byName.get("html");
        }
        Matcher root = ROOT.matcher(afterProlog);
        boolean prolog = trimmed.startsWith("<?xml");
        if (!root.lookingAt()) {
            if (!prolog) {
                return byName.get("text"); // "<<< URGENT >>>", "<3": text that merely starts with '<'
            }
            throw new RejectedInputException("markup without a root element");
        }
        String name = root.group(1);
        return switch (name) {
            case "nitf" -> byName.get("nitf");
            case "NewsML" -> byName.get("newsml-1");
            case "rss", "feed", "RDF" -> byName.get("feed");
            case "html", "HTML" -> byName.get("html");
            case "schema" -> throw new NotANewsItemException("an XML Schema");
            default -> {
                if (NewsMlG2Format.ROOTS.contains(name) || NewsMlG2Format.FRAGMENTS.contains(name)) {
                    yield byName.get("newsml-g2");
                }
                if (RitzauFormat.ROOTS.contains(name)) {
                    yield byName.get("ritzau");
                }
                throw new RejectedInputException("unknown XML document: root element <" + name + ">");
            }
        };
    }
}
