package io.newswire.ingest.formats;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import io.newswire.common.ItemMeta;

/**
 * Ritzau's XML: one {@code RBNews} item, or a news-queue response ({@code XMLNewsQueuedResponse}) holding
 * any number of them with an error code. The body is escaped HTML in {@code content}; a missing headline
 * falls back to the {@code subtitle} (the ingest step derives one from the text when both are missing, as
 * flashes come); {@code PublishDate} is Copenhagen local time; {@code Annuleret} true is a kill.
 */
public final class RitzauFormat implements ItemFormat {

    static final List<String> ROOTS = List.of("RBNews", "XMLNewsQueuedResponse");
    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    @Override
    public String name() {
        return "ritzau";
    }

    @Override
    public List<ParsedItem> parse(byte[] bytes) {
        Element root = SafeXml.parse(bytes).getDocumentElement();
        String rootName = SafeXml.name(root);
        if (rootName.equals("RBNews")) {
            return List.of(item(root));
        }
        if (!rootName.equals("XMLNewsQueuedResponse")) {
            throw new RejectedInputException("not Ritzau XML: the root element is <" + rootName + ">");
        }
        String error = SafeXml.text(SafeXml.first(root, "error"));
        if (error != null && !error.equals("0")) {
            String message = SafeXml.text(SafeXml.first(root, "errormsg"));
            throw new RejectedInputException("Ritzau queue response with error " + error
                    + (message == null ? "" : ": " + message));
        }
        List<ParsedItem> items = new ArrayList<>();
        for (Element news : SafeXml.all(root, "RBNews")) {
            items.add(item(news));
        }
        if (items.isEmpty()) {
            throw new NotANewsItemException("an empty Ritzau queue response");
        }
        return items;
    }

    private static ParsedItem item(Element news) {
        String guid = field(news, "NewsID");
        if (guid == null) {
            throw new RejectedInputException("Ritzau item without NewsID");
        }
        String headline = NewsMlG2Format.firstNonNull(field(news, "headline"), field(news, "subtitle"));
        String html = field(news, "content");
        List<String> body = html == null ? List.of() : Html.paragraphs(html);
        boolean killed = "true".equalsIgnoreCase(field(news, "Annuleret"));
        Instant published = copenhagen(field(news, "PublishDate"));
        List<String> subjects = new ArrayList<>();
        String section = field(news, "section");
        if (section != null) {
            subjects.add(section);
        }
        ItemMeta meta = new ItemMeta("Ritzau", subjects, NitfFormat.integer(field(news, "Priority")),
                killed ? ItemMeta.CANCELED : ItemMeta.USABLE, null, published, published);
        return new ParsedItem(guid, NitfFormat.integer(field(news, "version")), ParsedItem.Kind.TEXT, headline, body,
                field(news, "byLine"), null, published, null, meta);
    }

    /** A child's text; empty ({@code i:nil="true"}) and blank elements are absent. */
    private static String field(Element parent, String name) {
        List<Element> found = SafeXml.children(parent, name);
        return found.isEmpty() ? null : SafeXml.text(found.get(0));
    }

    private static Instant copenhagen(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text).atZone(COPENHAGEN).toInstant();
        } catch (DateTimeParseException e) {
            return Times.parse(text);
        }
    }
}
