package io.newswire.ingest.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.newswire.common.ItemMeta;

/**
 * RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 via ROME; one item per entry, body from the entry's content or, failing
 * that, its description (the summary). ROME refuses DOCTYPE declarations by default, the XXE guard.
 */
public final class FeedFormat implements ItemFormat {

    @Override
    public String name() {
        return "feed";
    }

    @Override
    public List<ParsedItem> parse(byte[] bytes) {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new XmlReader(new ByteArrayInputStream(XmlEncoding.asParsable(bytes))));
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new RejectedInputException("invalid RSS/Atom feed: " + e.getMessage());
        }
        List<ParsedItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            items.add(item(feed, entry));
        }
        return items;
    }

    private static ParsedItem item(SyndFeed feed, SyndEntry entry) {
        List<String> body = new ArrayList<>();
        for (SyndContent content : entry.getContents()) {
            body.addAll(Html.paragraphs(content.getValue()));
        }
        if (body.isEmpty() && entry.getDescription() != null) {
            body.addAll(Html.paragraphs(entry.getDescription().getValue()));
        }
        List<String> subjects = new ArrayList<>();
        for (SyndCategory c : entry.getCategories()) {
            if (c.getName() != null && !c.getName().isBlank()) {
                subjects.add(c.getName().strip());
            }
        }
        Instant published = entry.getPublishedDate() != null ? entry.getPublishedDate().toInstant()
                : entry.getUpdatedDate() != null ? entry.getUpdatedDate().toInstant() : null;
        Instant updated = entry.getUpdatedDate() != null ? entry.getUpdatedDate().toInstant() : null;
        String guid = entry.getUri() != null && !entry.getUri().isBlank() ? entry.getUri() : entry.getLink();
        String title = entry.getTitle() == null ? null : Html.paragraphs(entry.getTitle()).stream().findFirst().orElse(null);
        ItemMeta meta = new ItemMeta(feed.getTitle(), subjects, null, null, null, published, updated);
        return new ParsedItem(guid, null, ParsedItem.Kind.TEXT, title, body,
                entry.getAuthor() == null || entry.getAuthor().isBlank() ? null : entry.getAuthor(),
                feed.getLanguage(), published, entry.getLink(), meta).classifiedBy(ParsedItem.Kind.LINK);
    }
}
