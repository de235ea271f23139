package io.newswire.ingest.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Element;
import io.newswire.common.ItemMeta;

/**
 * IPTC NewsML 1.x: NewsItems with Identification, NewsManagement and a NewsComponent tree whose text
 * ContentItem carries NITF, XHTML or plain text in DataContent.
 */
public final class NewsMl1Format implements ItemFormat {

    @Override
    public String name() {
        return "newsml-1";
    }

    @Override
    public List<ParsedItem> parse(byte[] bytes) {
        Element root = SafeXml.parse(bytes).getDocumentElement();
        if (!SafeXml.name(root).equals("NewsML")) {
            throw new RejectedInputException("not NewsML 1.x: the root element is <" + SafeXml.name(root) + ">");
        }
        List<ParsedItem> items = new ArrayList<>();
        for (Element item : SafeXml.children(root, "NewsItem")) {
            items.add(item(item));
        }
        if (items.isEmpty()) {
            throw new RejectedInputException("NewsML 1.x document without a NewsItem");
        }
        return items;
    }

    private static ParsedItem item(Element item) {
        Element id = SafeXml.first(item, "NewsIdentifier");
        Element management = SafeXml.first(item, "NewsManagement");
        String guid = SafeXml.text(id == null ? null : SafeXml.first(id, "PublicIdentifier"));
        String headline = SafeXml.text(SafeXml.first(item, "HeadLine"));
        String byline = NitfFormat.stripBy(SafeXml.text(SafeXml.first(item, "ByLine")));

        List<String> body = new ArrayList<>();
        ParsedItem.Kind kind = ParsedItem.Kind.OTHER;
        for (Element content : SafeXml.all(item, "ContentItem")) {
            String media = SafeXml.attr(SafeXml.first(content, "MediaType"), "FormalName");
            Element data = SafeXml.first(content, "DataContent");
            if (media != null && media.equalsIgnoreCase("Text") && data != null && body.isEmpty()) {
                Element nitf = SafeXml.first(data, "nitf");
                if (nitf != null) {
                    ParsedItem inner = NitfFormat.item(nitf);
                    body.addAll(inner.body());
                    headline = headline != null ? headline : inner.headline();
                    byline = byline != null ? byline : inner.byline();
                } else {
                    body.addAll(Dom.paragraphs(data));
                }
                kind = ParsedItem.Kind.TEXT;
            } else if (kind == ParsedItem.Kind.OTHER && media != null) {
                kind = switch (media.toLowerCase(Locale.ROOT)) {
                    case "photo", "image", "picture" -> ParsedItem.Kind.PICTURE;
                    case "video" -> ParsedItem.Kind.VIDEO;
                    case "audio" -> ParsedItem.Kind.AUDIO;
                    case "graphic" -> ParsedItem.Kind.GRAPHIC;
                    default -> ParsedItem.Kind.OTHER;
                };
            }
        }
        List<String> subjects = new ArrayList<>();
        for (String tag : List.of("Subject", "SubjectMatter", "SubjectDetail")) {
            for (Element s : SafeXml.all(item, tag)) {
                String code = SafeXml.attr(s, "FormalName");
                if (code != null && !subjects.contains("subj:" + code)) {
                    subjects.add("subj:" + code);
                }
            }
        }
        Element status = management == null ? null : SafeXml.first(management, "Status");
        Element urgency = management == null ? null : SafeXml.first(management, "Urgency");
        Element firstCreated = management == null ? null : SafeXml.first(management, "FirstCreated");
        Element revision = management == null ? null : SafeXml.first(management, "ThisRevisionCreated");
        Element party = SafeXml.first(item, "Provider");
        ItemMeta meta = new ItemMeta(
                NewsMlG2Format.firstNonNull(SafeXml.attr(party == null ? null : SafeXml.first(party, "Party"), "FormalName"),
                        SafeXml.text(id == null ? null : SafeXml.first(id, "ProviderId"))),
                subjects, NitfFormat.integer(SafeXml.attr(urgency, "FormalName")),
                NitfFormat.pubstatus(SafeXml.attr(status, "FormalName")), null,
                Times.parse(SafeXml.text(firstCreated)), Times.parse(SafeXml.text(revision)));
        Element language = SafeXml.first(item, "Language");
        return new ParsedItem(guid, NitfFormat.integer(SafeXml.text(id == null ? null : SafeXml.first(id, "RevisionId"))),
                kind, headline, body, byline,
                NewsMlG2Format.firstNonNull(SafeXml.attr(language, "FormalName"), Dom.language(item)),
                NewsMlG2Format.firstNonNull(Times.parse(SafeXml.text(firstCreated)), Times.parse(SafeXml.text(revision))),
                null, meta);
    }
}
