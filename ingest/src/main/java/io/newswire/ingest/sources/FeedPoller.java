package io.newswire.ingest.sources;

import io.newswire.ingest.Publisher;
import io.newswire.ingest.formats.RejectedInputException;
import io.newswire.ingest.formats.WebChromeCleaner;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.newswire.common.Article;
import io.newswire.common.ArticleIds;
import io.newswire.common.DeadLetter;
import io.newswire.ingest.formats.Encodings;
import io.newswire.ingest.formats.FeedFormat;
import io.newswire.ingest.formats.Formats;
import io.newswire.ingest.formats.HtmlFormat;
import io.newswire.ingest.formats.ParsedItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls RSS/Atom feeds, each on its own interval, with conditional GET (ETag / Last-Modified: an
 * unchanged feed costs a 304) and exponential backoff on errors (doubling up to one hour). Each entry is
 * published once per content: an entry already published with the same text is not sent again. An entry
 * that carries only a link (or, with {@code fetchLinks}, only a summary) can have its page fetched and
 * read as a web page. Not thread-safe: one thread runs {@link #pollDue()}.
 */
public final class FeedPoller implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    /** One deadline for a whole response, headers and body. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final int SUMMARY_CHARS = 600;

    /** Per-feed state: validators for conditional GET, failures for backoff, what was published. */
    private static final class Feed {
        final URI uri;
        final Duration interval;
        String etag;
        String lastModified;
        int failures;
        Instant nextPoll = Instant.EPOCH;
        final Map<String, String> publishedHashById = new HashMap<>();

        Feed(URI uri, Duration interval) {
            this.uri = uri;
            this.interval = interval;
        }
    }

    /** A feed may be this many times the article size limit. */
    static final int FEED_ARTICLES = 50;

    private final List<Feed> feeds = new ArrayList<>();
    private final SafeFetch http;
    private final Publisher publisher;
    private final FeedFormat feedFormat = new FeedFormat();
    private final HtmlFormat pageFormat;
    private final Formats formats;
    private final boolean fetchLinks;
    private final long maxBytes;
    private final Clock clock;
    private volatile boolean running = true;

    public FeedPoller(List<URI> uris, Duration interval, boolean fetchLinks, Publisher publisher,
                      WebChromeCleaner cleaner, long maxBytes, Clock clock, boolean allowPrivate) {
        uris.forEach(u -> feeds.add(new Feed(u, interval)));
        this.http = new SafeFetch(allowPrivate, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
        this.publisher = publisher;
        this.pageFormat = new HtmlFormat(cleaner);
        this.formats = new Formats(cleaner);
        this.fetchLinks = fetchLinks;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    @Override
    public void run() {
        while (running) {
            pollDue();
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public void stop() {
        running = false;
    }

    /** Polls every feed whose time has come. @return articles published in this round */
    public int pollDue() {
        int published = 0;
        for (Feed feed : feeds) {
            if (clock.instant().isBefore(feed.nextPoll)) {
                continue;
            }
            try {
                int sent = poll(feed);
                if (sent > 0) {
                    LOG.info("feed {}: {} new or changed entr{}", feed.uri, sent, sent == 1 ? "y" : "ies");
                }
                published += sent;
                feed.failures = 0;
                feed.nextPoll = clock.instant().plus(feed.interval);
            } catch (IOException | RuntimeException | StackOverflowError e) {
                feed.failures++;
                Duration backoff = feed.interval.multipliedBy(1L << Math.min(feed.failures, 12));
                feed.nextPoll = clock.instant().plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
                LOG.warn("feed {} failed ({}); next try at {}", feed.uri, e instanceof StackOverflowError
                        ? "nested too deeply" : e.getMessage(), feed.nextPoll);
                if (e instanceof RejectedInputException) {
                    publisher.publish(DeadLetter.of(FileSource.STAGE, e.getMessage(), feed.uri.toString(), null,
                            new byte[0], clock.instant()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return published;
            }
        }
        return published;
    }

    private int poll(Feed feed) throws IOException, InterruptedException {
        Map<String, String> conditional = new HashMap<>();
        if (feed.etag != null) {
            conditional.put("If-None-Match", feed.etag);
        }
        if (feed.lastModified != null) {
            conditional.put("If-Modified-Since", feed.lastModified);
        }
        // A feed holds many articles: it may be larger than one, up to a bound read no further than that.
        SafeFetch.Response response = http.get(feed.uri, conditional, feedLimit());
        if (response.status() == 304) {
            return 0;
        }
        if (response.status() != 200) {
            throw new IOException("HTTP " + response.status());
        }
        byte[] body = response.body();
        feed.etag = response.headers().firstValue("ETag").orElse(null);
        feed.lastModified = response.headers().firstValue("Last-Modified").orElse(null);
        String charset = Encodings.charsetOf(response.headers().firstValue("Content-Type").orElse(null));
        List<ParsedItem> items = formats.read(body, java.util.Optional.of(feedFormat), charset).items();
        Map<String, Integer> guidCounts = new HashMap<>();
        items.forEach(i -> guidCounts.merge(String.valueOf(i.guid()), 1, Integer::sum));
        Map<String, String> sentHashById = new HashMap<>();
        Map<String, java.util.concurrent.CompletableFuture<?>> sends = new HashMap<>();
        for (ParsedItem item : items) {
            Instant received = clock.instant();
            ParsedItem readable = (needsPage(item) ? withPage(item) : item).checked(received);
            if (!readable.hasText()) {
                continue;
            }
            String source = feed.uri.getHost();
            // Entries sharing a guid (FeedBurner feeds do) are different entries: each gets an id of its own.
            String guid = readable.guid() != null && guidCounts.get(readable.guid()) > 1
                    ? readable.guid() + "|" + readable.url() + "|" + readable.headline() : readable.guid();
            String id = ArticleIds.of(guid, source, readable.headline(), readable.body());
            String hash = ArticleIds.contentHash(readable.headline(), readable.body());
            if (hash.equals(feed.publishedHashById.get(id))) {
                continue; // already published with this text
            }
            Article article = Article.ingested(id, 1, source, "feed", readable.url(), readable.headline(),
                    readable.body(), readable.byline(), readable.language(),
                    readable.published() != null ? readable.published() : received, received);
            sends.put(id, publisher.publish(readable.meta() == null ? article : article.withMeta(readable.meta())));
            sentHashById.put(id, hash);
        }
        // Only what the broker acknowledged counts as published; the rest is sent again next poll.
        int published = 0;
        for (Map.Entry<String, java.util.concurrent.CompletableFuture<?>> send : sends.entrySet()) {
            try {
                send.getValue().get(REQUEST_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
                feed.publishedHashById.put(send.getKey(), sentHashById.get(send.getKey()));
                published++;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.warn("entry {} of {} not acknowledged; will retry", send.getKey(), feed.uri);
            }
        }
        return published;
    }

    /** The largest feed read: many articles' worth, as each entry is then held to the article limit. */
    private long feedLimit() {
        return maxBytes * FEED_ARTICLES;
    }

    private boolean needsPage(ParsedItem item) {
        if (item.url() == null) {
            return false;
        }
        return item.kind() == ParsedItem.Kind.LINK
                || (fetchLinks && String.join(" ", item.body()).length() < SUMMARY_CHARS);
    }

    /** The entry with its body read from the linked page; the entry unchanged if the page fails. */
    private ParsedItem withPage(ParsedItem item) {
        try {
            SafeFetch.Response page = http.get(URI.create(item.url()), Map.of(), maxBytes);
            if (page.status() != 200) {
                return item;
            }
            ParsedItem read = formats.read(page.body(), java.util.Optional.of(pageFormat),
                    Encodings.charsetOf(page.headers().firstValue("Content-Type").orElse(null))).items().get(0);
            return new ParsedItem(item.guid(), item.version(), ParsedItem.Kind.TEXT, item.headline(), read.body(),
                    item.byline() != null ? item.byline() : read.byline(), item.language(), item.published(),
                    item.url(), item.meta());
        } catch (IOException | IllegalArgumentException | RejectedInputException e) {
            LOG.info("could not fetch {}: {}", item.url(), e.getMessage());
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return item;
        }
    }
}
