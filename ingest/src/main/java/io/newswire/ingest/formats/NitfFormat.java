package io.newswire.ingest.formats;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import io.newswire.common.ItemMeta;

/**
 * NITF (News Industry Text Format) 3.x: head/docdata for the identifier, urgency, status and dates,
 * body.head for headline and byline, body.content for the paragraphs. Also reads NITF embedded in
 * NewsML ({@link #item(Element)}).
 */
public final class NitfFormat implements ItemFormat {

    @Override
    public String name() {
        return "nitf";
    }

    @Override
    public List<ParsedItem> parse(byte[] bytes) {
        Element root = SafeXml.parse(bytes).getDocumentElement();
        if (!SafeXml.name(root).equals("nitf")) {
            throw new RejectedInputException("not NITF: the root element is <" + SafeXml.name(root) + ">");
        }
        return List.of(item(root));
    }

    static ParsedItem item(Element nitf) {
        Element docdata = SafeXml.first(nitf, "docdata");
        Element docId = docdata == null ? null : SafeXml.first(docdata, "doc-id");
        String headline = SafeXml.text(SafeXml.first(nitf, "hl1"));
        if (headline == null) {
            headline = SafeXml.text(SafeXml.first(nitf, "title"));
        }
        String byline = SafeXml.text(SafeXml.first(nitf, "byline"));
        Element content = SafeXml.first(nitf, "body.content");
        List<String> body = content == null ? List.of() : Dom.paragraphs(content);
        Element urgency = docdata == null ? null : SafeXml.first(docdata, "urgency");
        Element issue = docdata == null ? null : SafeXml.first(docdata, "date.issue");
        Element release = docdata == null ? null : SafeXml.first(docdata, "date.release");
        Element copyright = docdata == null ? null : SafeXml.first(docdata, "doc.copyright");
        List<String> subjects = new ArrayList<>();
        for (Element s : SafeXml.all(nitf, "tobject.subject")) {
            String code = SafeXml.attr(s, "tobject.subject.refnum");
            if (code != null) {
                subjects.add("subj:" + code);
            }
        }
        for (Element k : SafeXml.all(nitf, "keyword")) {
            String key = SafeXml.attr(k, "key");
            if (key != null) {
                subjects.add(key);
            }
        }
        String status = docdata == null ? null : SafeXml.attr(docdata, "management-status");
        ItemMeta meta = new ItemMeta(SafeXml.attr(copyright, "holder"), subjects,
                integer(SafeXml.attr(urgency, "ed-urg")), pubstatus(status),
                releaseIfLater(Times.parse(SafeXml.attr(issue, "norm")), Times.parse(SafeXml.attr(release, "norm"))),
                Times.parse(SafeXml.attr(issue, "norm")), null);
        return new ParsedItem(SafeXml.attr(docId, "id-string"), null, ParsedItem.Kind.TEXT, headline, body,
                stripBy(byline), Dom.language(nitf), Times.parse(SafeXml.attr(issue, "norm")), null, meta);
    }

    /** A release time after the issue time is an embargo. */
    private static java.time.Instant releaseIfLater(java.time.Instant issue, java.time.Instant release) {
        return release != null && issue != null && release.isAfter(issue) ? release : null;
    }

    static String stripBy(String byline) {
        return byline == null ? null : byline.replaceFirst("(?i)^by\\s+", "").strip();
    }

    static String pubstatus(String status) {
        if (status == null) {
            return null;
        }
        String s = status.toLowerCase(java.util.Locale.ROOT).replaceFirst("^stat:", "");
        return switch (s) {
            case "usable" -> ItemMeta.USABLE;
            case "canceled", "cancelled", "kill", "killed", "withdrawn" -> ItemMeta.CANCELED;
            case "withheld", "embargoed" -> ItemMeta.WITHHELD;
            default -> s;
        };
    }

    static Integer integer(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
