package io.newswire.sinks.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.sinks.SinkRecord;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Full-text search over the enriched articles, with Apache Lucene embedded in the process that serves the
 * dashboard. It is fed like the live view, from {@code news.enriched} read from the beginning, so it is
 * rebuilt from the topic whenever it is missing; an article is kept under its id (a newer version replaces
 * it, a kill removes it). Headline and body are searched (the headline counts twice); source, entity keys
 * and names, story id and publication time filter. Queries use Lucene's simple syntax: words, "phrases",
 * {@code -not}, {@code a | b}, {@code prefix*}. Thread-safe.
 */
public final class SearchIndex implements AutoCloseable {

    /** A match: the article, and its text around the matched words with each match between the markers. */
    public record Hit(String id, String headline, String source, String storyId, Instant published, String snippet) {
    }

    /** What a search asks for; null filters match everything. */
    public record Query(String text, String source, String entity, String storyId, Instant from, Instant to,
                        int limit) {
    }

    public record Result(long total, List<Hit> hits) {
    }

    /** Put around each matched word in a snippet; the page shows them as marks (text, never HTML). */
    public static final String MARK_START = "\u0002";
    public static final String MARK_END = "\u0003";
    private static final int SNIPPET_CHARS = 160;

    private final Directory directory;
    private final Analyzer analyzer = new StandardAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    /** @param dir where to keep the index on disk; empty for memory */
    public SearchIndex(Optional<Path> dir) {
        try {
            this.directory = dir.isPresent() ? FSDirectory.open(dir.get()) : new ByteBuffersDirectory();
            this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index", e);
        }
    }

    /** Takes an enriched article or a kill; other records are not searched. */
    public void apply(SinkRecord record) {
        if (record.kind() != SinkRecord.Kind.ARTICLE) {
            return;
        }
        try {
            if (record.isTombstone()) {
                writer.deleteDocuments(new Term("id", record.key()));
            } else {
                JsonNode a = record.json();
                writer.updateDocument(new Term("id", a.path("id").asText()), document(a));
            }
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index " + record.key(), e);
        }
    }

    private static Document document(JsonNode a) {
        Document d = new Document();
        d.add(new StringField("id", a.path("id").asText(), Field.Store.YES));
        String headline = a.path("headline").asText("");
        StringBuilder body = new StringBuilder();
        a.path("body").forEach(p -> body.append(p.asText()).append("\n\n"));
        d.add(new TextField("headline", headline, Field.Store.YES));
        d.add(new TextField("body", body.toString(), Field.Store.YES));
        d.add(new StringField("source", a.path("source").asText(""), Field.Store.YES));
        if (a.hasNonNull("story_id")) {
            d.add(new StringField("story", a.get("story_id").asText(), Field.Store.YES));
        }
        for (JsonNode e : a.path("entities")) {
            d.add(new StringField("entity", e.path("key").asText(), Field.Store.NO));
            d.add(new StringField("entity", e.path("name").asText().toLowerCase(java.util.Locale.ROOT), Field.Store.NO));
        }
        Instant published = instant(a.path("published").asText(null));
        if (published != null) {
            d.add(new LongPoint("published", published.toEpochMilli()));
            d.add(new StoredField("published_ms", published.toEpochMilli()));
        }
        return d;
    }

    public Result search(Query q) {
        try {
            searchers.maybeRefresh();
            IndexSearcher searcher = searchers.acquire();
            try {
                org.apache.lucene.search.Query query = query(q);
                TopDocs top = searcher.search(query, Math.max(1, Math.min(q.limit(), 100)));
                Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter(MARK_START, MARK_END),
                        new QueryScorer(query));
                List<Hit> hits = new ArrayList<>();
                for (ScoreDoc sd : top.scoreDocs) {
                    Document d = searcher.storedFields().document(sd.doc);
                    String snippet = highlighter.getBestFragment(analyzer, "body", d.get("body"));
                    if (snippet == null) {
                        String body = d.get("body");
                        snippet = body.length() > SNIPPET_CHARS ? body.substring(0, SNIPPET_CHARS) + "…" : body;
                    }
                    var ms = d.getField("published_ms");
                    hits.add(new Hit(d.get("id"), d.get("headline"), d.get("source"), d.get("story"),
                            ms == null ? null : Instant.ofEpochMilli(ms.numericValue().longValue()),
                            snippet.replaceAll("\\s+", " ").strip()));
                }
                return new Result(top.totalHits.value, hits);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException | InvalidTokenOffsetsException e) {
            throw new IllegalStateException("search failed: " + e.getMessage(), e);
        }
    }

    private org.apache.lucene.search.Query query(Query q) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        if (q.text() != null && !q.text().isBlank()) {
            SimpleQueryParser parser = new SimpleQueryParser(analyzer, java.util.Map.of("headline", 2f, "body", 1f));
            parser.setDefaultOperator(BooleanClause.Occur.MUST);
            all.add(parser.parse(q.text()), BooleanClause.Occur.MUST);
        } else {
            all.add(new org.apache.lucene.search.MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        }
        if (q.source() != null && !q.source().isBlank()) {
            all.add(new TermQuery(new Term("source", q.source())), BooleanClause.Occur.FILTER);
        }
        if (q.entity() != null && !q.entity().isBlank()) {
            String e = q.entity().contains(":") ? q.entity() : q.entity().toLowerCase(java.util.Locale.ROOT);
            all.add(new TermQuery(new Term("entity", e)), BooleanClause.Occur.FILTER);
        }
        if (q.storyId() != null && !q.storyId().isBlank()) {
            all.add(new TermQuery(new Term("story", q.storyId())), BooleanClause.Occur.FILTER);
        }
        if (q.from() != null || q.to() != null) {
            all.add(LongPoint.newRangeQuery("published", q.from() == null ? Long.MIN_VALUE : q.from().toEpochMilli(),
                    q.to() == null ? Long.MAX_VALUE : q.to().toEpochMilli()), BooleanClause.Occur.FILTER);
        }
        return all.build();
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
