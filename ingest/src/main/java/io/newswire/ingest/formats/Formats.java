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
        if (!root.lookingAt()) {
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
