package io.newswire.ingest.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import io.newswire.common.ItemMeta;

/**
 * A web page: the main text found by Readability4J (a port of Mozilla's Readability, the reader view's
 * extractor), boilerplate removed; title, byline, canonical URL, language and publication time from the
 * page's own metadata (Open Graph, article:*, schema.org). The charset comes from the page (jsoup).
 */
public final class HtmlFormat implements ItemFormat {

    private static final String BASE_URI = "https://localhost/";

    private final io.newswire.ingest.formats.WebChromeCleaner cleaner;

    public HtmlFormat(io.newswire.ingest.formats.WebChromeCleaner cleaner) {
        this.cleaner = cleaner;
    }

    @Override
    public String name() {
        return "html";
    }

    @Override
    public List<ParsedItem> parse(byte[] bytes) {
        Document page;
        try {
            Limits.checkHtml(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
            page = Jsoup.parse(new ByteArrayInputStream(bytes), null, BASE_URI);
        } catch (IOException e) {
            throw new RejectedInputException("cannot read HTML: " + e.getMessage());
        }
        // Readability4J walks the tree recursively: a deep one would overflow the stack.
        Limits.checkTree(page);
        String canonical = firstNonBlank(attr(page, "link[rel=canonical]", "href"), meta(page, "og:url"));
        Article article = new Readability4J(canonical != null ? canonical : BASE_URI, page.outerHtml()).parse();
        // Readability removes the page's frame; the cleaner removes what it leaves in the text (comment forms).
        List<String> body = article.getContent() == null ? List.of()
                : cleaner.clean(Html.paragraphs(article.getContent())).paragraphs();
        String headline = firstNonBlank(meta(page, "og:title"), article.getTitle(), page.title());
        String published = firstNonBlank(meta(page, "article:published_time"), meta(page, "datePublished"),
                attr(page, "[itemprop=datePublished]", "content"), attr(page, "time[datetime]", "datetime"));
        String modified = firstNonBlank(meta(page, "article:modified_time"), meta(page, "dateModified"));
        String language = firstNonBlank(page.select("html").attr("lang"), meta(page, "og:locale"));
        ItemMeta meta = new ItemMeta(meta(page, "og:site_name"),
                page.select("meta[property=article:tag]").eachAttr("content"), null, null, null,
                Times.parse(published), Times.parse(modified));
        return List.of(new ParsedItem(canonical, null, ParsedItem.Kind.TEXT, headline, body,
                firstNonBlank(article.getByline(), meta(page, "author")), language, Times.parse(published), canonical,
                meta));
    }

    private static String meta(Document page, String name) {
        Element e = page.selectFirst("meta[property=" + name + "], meta[name=" + name + "], meta[itemprop=" + name + "]");
        return e == null ? null : e.attr("content");
    }

    private static String attr(Document page, String selector, String attribute) {
        Element e = page.selectFirst(selector);
        return e == null ? null : e.attr(attribute);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
