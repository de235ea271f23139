package io.newswire.app.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.Article;
import io.newswire.common.Json;
import io.newswire.ingest.formats.ParsedText;
import io.newswire.ingest.formats.PlainTextFormat;
import io.newswire.ingest.formats.RejectedInputException;
import io.newswire.ingest.formats.WebChromeCleaner;

/** Evaluation documents in JSON Lines: {@code doc_id}, {@code text} (sentences on lines), gold {@code cluster_id}. */
public final class EvalDocuments {

    private static final PlainTextFormat TEXT = new PlainTextFormat(new WebChromeCleaner());

    record Document(String id, String cluster, String text) {
    }

    private EvalDocuments() {
    }

    /**
     * The file's documents as articles read as text, in file order and undated: each sentence a paragraph,
     * the first the headline (the benchmarks' corpus of real texts).
     */
    public static List<Article> texts(Path jsonl) throws IOException {
        return arriving(read(jsonl), false);
    }

    static List<Document> read(Path jsonl) throws IOException {
        List<Document> docs = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = Json.MAPPER.readTree(line);
            docs.add(new Document(n.path("doc_id").asText(), n.path("cluster_id").asText(), n.path("text").asText()));
        }
        return docs;
    }

    /**
     * An article from sentences: the first is the headline, each further one a paragraph. A first line that
     * is a web address (ECB+ documents from the web start with their tokenized URL) is the article's url.
     */
    static Article article(String id, List<String> sentences, Instant received) {
        String url = url(sentences);
        sentences = url == null ? sentences : sentences.subList(1, sentences.size());
        List<String> body = sentences.size() > 1 ? sentences.subList(1, sentences.size()) : sentences;
        return Article.ingested(id, 1, "eval", "text", url, sentences.get(0), body, null, "en", received, received);
    }

    /**
     * An article from sentences read as ingest reads a text file ({@link PlainTextFormat}): web chrome and
     * date lines are not its headline or body, and with {@code readDates} a date line or dateline at the
     * top is its publication date; without, it is dated by arrival. A one-line document, which ingest
     * would refuse, is read as by {@link #article}.
     */
    static Article readAsText(String id, List<String> sentences, Instant received, boolean readDates) {
        try {
            ParsedText parsed = TEXT.parse(String.join("\n", sentences));
            Instant published = readDates ? parsed.published().orElse(received) : received;
            return Article.ingested(id, 1, "eval", "text", parsed.url().orElse(null), parsed.headline(),
                    parsed.body(), null, "en", published, received);
        } catch (RejectedInputException e) {
            return article(id, sentences, received);
        }
    }

    /**
     * The documents as a stream of articles in the given order, read as text ({@link #readAsText}), arriving a
     * second apart from a fixed start so that runs compare.
     */
    static List<Article> arriving(List<Document> order, boolean readDates) {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        List<Article> stream = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Document d = order.get(i);
            stream.add(readAsText(d.id(), sentences(d.text()), t0.plusSeconds(i), readDates));
        }
        return stream;
    }

    private static String url(List<String> sentences) {
        return sentences.size() > 1 ? PlainTextFormat.url(sentences.get(0)).orElse(null) : null;
    }

    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }
}
