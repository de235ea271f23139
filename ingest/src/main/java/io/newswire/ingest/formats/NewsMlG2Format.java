package io.newswire.ingest.formats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;
import io.newswire.common.ItemMeta;

/**
 * IPTC NewsML-G2: a single item (newsItem, packageItem, conceptItem, knowledgeItem, planningItem) or a
 * newsMessage carrying several. Text comes from the contentSet's inline NITF, inline XHTML or inline
 * plain data. Items that are not text (pictures, video, packages, concepts) are returned with their kind
 * so they can be reported rather than treated as errors.
 */
public final class NewsMlG2Format implements ItemFormat {

    static final Set<String> ITEMS = Set.of("newsItem", "packageItem", "conceptItem", "knowledgeItem",
            "planningItem", "catalogItem");
    /** Parts of items that specifications and guidelines quote on their own. */
    static final Set<String> FRAGMENTS = Set.of("contentSet", "inlineXML", "contentMeta", "itemMeta", "groupSet",
            "group", "partMeta", "assert", "concept");
    static final Set<String> ROOTS = Set.of("newsMessage", "newsItem", "packageItem", "conceptItem",
            "knowledgeItem", "planningItem", "catalogItem");

    @Override
    public String name() {
        return "newsml-g2";
    }

    @Override
    public List<ParsedItem> parse(byte[] bytes) {
        Element root = SafeXml.parse(bytes).getDocumentElement();
        String rootName = SafeXml.name(root);
        if (rootName.equals("contentSet") || rootName.equals("inlineXML")) {
            Element nitf = SafeXml.first(root, "nitf");
            if (nitf != null) {
                return List.of(NitfFormat.item(nitf));
            }
        }
        if (FRAGMENTS.contains(rootName)) {
            throw new NotANewsItemException("a NewsML-G2 fragment <" + rootName + ">, not a whole item");
        }
        if (!ROOTS.contains(rootName)) {
            throw new RejectedInputException("not NewsML-G2: the root element is <" + rootName + ">");
        }
        List<ParsedItem> items = new ArrayList<>();
        if (rootName.equals("newsMessage")) {
            // Document order: iterating ITEMS (a Set.of, whose order changes from one JVM to the next) made
            // the order of a message's items vary between runs.
            for (Element item : SafeXml.all(root, ITEMS)) {
                items.add(item(item));
            }
        } else {
            items.add(item(root));
        }
        return items;
    }

    static ParsedItem item(Element item) {
        Element itemMeta = SafeXml.first(item, "itemMeta");
        Element contentMeta = SafeXml.first(item, "contentMeta");
        String itemClass = SafeXml.attr(itemMeta == null ? null : SafeXml.first(itemMeta, "itemClass"), "qcode");
        ParsedItem.Kind kind = switch (SafeXml.name(item)) {
            case "newsItem" -> kind(itemClass);
            case "packageItem" -> ParsedItem.Kind.PACKAGE;
            default -> ParsedItem.Kind.OTHER;
        };

        String headline = contentMeta == null ? null : headline(contentMeta);
        List<String> body = new ArrayList<>();
        Element contentSet = SafeXml.first(item, "contentSet");
        String byline = null;
        if (contentSet != null) {
            Element nitf = SafeXml.first(contentSet, "nitf");
            Element html = SafeXml.first(contentSet, "html");
            if (nitf != null) {
                ParsedItem inner = NitfFormat.item(nitf);
                body.addAll(inner.body());
                byline = inner.byline();
                headline = headline != null ? headline : inner.headline();
            } else if (html != null) {
                Element htmlBody = SafeXml.first(html, "body");
                body.addAll(Dom.paragraphs(htmlBody != null ? htmlBody : html));
            } else {
                Element data = SafeXml.first(contentSet, "inlineData");
                if (data != null) {
                    body.addAll(Dom.paragraphs(data));
                }
            }
        }
        if (contentMeta != null) {
            String by = SafeXml.text(SafeXml.first(contentMeta, "by"));
            if (by == null) {
                Element creator = SafeXml.first(contentMeta, "creator");
                by = creator == null ? null : SafeXml.text(SafeXml.first(creator, "name"));
            }
            byline = byline != null ? byline : NitfFormat.stripBy(by);
        }

        Instant created = Times.parse(SafeXml.text(contentMeta == null ? null : SafeXml.first(contentMeta, "contentCreated")));
        Instant modified = Times.parse(SafeXml.text(itemMeta == null ? null : SafeXml.first(itemMeta, "versionCreated")));
        Instant firstCreated = Times.parse(SafeXml.text(itemMeta == null ? null : SafeXml.first(itemMeta, "firstCreated")));
        Element provider = itemMeta == null ? null : SafeXml.first(itemMeta, "provider");
        List<String> subjects = new ArrayList<>();
        if (contentMeta != null) {
            for (Element s : SafeXml.children(contentMeta, "subject")) {
                String code = SafeXml.attr(s, "qcode") != null ? SafeXml.attr(s, "qcode") : SafeXml.attr(s, "uri");
                if (code != null) {
                    subjects.add(code);
                }
            }
            for (Element k : SafeXml.children(contentMeta, "keyword")) {
                String word = SafeXml.text(k);
                if (word != null) {
                    subjects.add(word);
                }
            }
        }
        String language = contentMeta == null ? null : SafeXml.attr(SafeXml.first(contentMeta, "language"), "tag");
        ItemMeta meta = new ItemMeta(
                provider == null ? null : firstNonNull(SafeXml.attr(provider, "literal"), SafeXml.attr(provider, "qcode"),
                        SafeXml.attr(provider, "uri"), SafeXml.text(SafeXml.first(provider, "name"))),
                subjects,
                NitfFormat.integer(SafeXml.text(contentMeta == null ? null : SafeXml.first(contentMeta, "urgency"))),
                NitfFormat.pubstatus(SafeXml.attr(itemMeta == null ? null : SafeXml.first(itemMeta, "pubStatus"), "qcode")),
                Times.parse(SafeXml.text(itemMeta == null ? null : SafeXml.first(itemMeta, "embargoed"))),
                created != null ? created : firstCreated, modified);
        Instant published = firstNonNull(created, firstCreated, modified);
        ParsedItem parsed = new ParsedItem(SafeXml.attr(item, "guid"), NitfFormat.integer(SafeXml.attr(item, "version")), kind,
                headline, body, byline, language != null ? language : Dom.language(item), published, null, meta);
        // A headline alone is a flash only when the item has no content set: an empty or remote one means
        // the text is elsewhere (a placeholder, remote content).
        return kind == ParsedItem.Kind.TEXT && body.isEmpty() && SafeXml.first(item, "contentSet") != null
                ? parsed.as(ParsedItem.Kind.NO_CONTENT) : parsed.classifiedBy(ParsedItem.Kind.NO_CONTENT);
    }

    /** The main headline: one without a role or with rank 1, else the first. */
    private static String headline(Element contentMeta) {
        List<Element> headlines = SafeXml.children(contentMeta, "headline");
        for (Element h : headlines) {
            String role = SafeXml.attr(h, "role");
            if (role == null || role.endsWith(":main") || "1".equals(SafeXml.attr(h, "rank"))) {
                return SafeXml.text(h);
            }
        }
        return headlines.isEmpty() ? null : SafeXml.text(headlines.get(0));
    }

    static ParsedItem.Kind kind(String itemClass) {
        if (itemClass == null) {
            return ParsedItem.Kind.TEXT;
        }
        String c = itemClass.toLowerCase(java.util.Locale.ROOT);
        if (c.endsWith(":text") || c.endsWith(":composite")) {
            return ParsedItem.Kind.TEXT;
        }
        if (c.endsWith(":picture")) {
            return ParsedItem.Kind.PICTURE;
        }
        if (c.endsWith(":video")) {
            return ParsedItem.Kind.VIDEO;
        }
        if (c.endsWith(":audio")) {
            return ParsedItem.Kind.AUDIO;
        }
        if (c.endsWith(":graphic")) {
            return ParsedItem.Kind.GRAPHIC;
        }
        return ParsedItem.Kind.OTHER;
    }

    @SafeVarargs
    static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
