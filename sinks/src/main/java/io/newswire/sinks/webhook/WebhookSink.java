package io.newswire.sinks.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.common.Article;
import io.newswire.common.Json;
import io.newswire.sinks.NinjsExport;
import io.newswire.sinks.PermanentWriteException;
import io.newswire.sinks.RecordSink;
import io.newswire.sinks.SinkRecord;

/**
 * POSTs each enriched article as ninjs to a newsroom system's ingest URL, with the configured
 * {@code Authorization} header and an {@code Idempotency-Key} of article id + version, so a receiver can
 * upsert and a redelivery does no harm. A kill is POSTed as a ninjs stub with pubstatus "canceled".
 *
 * <p>A 2xx answer is a durable write. 408, 425, 429, 5xx and network errors are transient (the runner
 * retries with backoff); any other status means the receiver will never take this document, and the
 * record is dead-lettered with the status and the start of the answer.
 *
 * <p>With a secret, each delivery is signed as Standard Webhooks specifies ({@code webhook-id},
 * {@code webhook-timestamp}, {@code webhook-signature}; {@link WebhookSignature}). With CloudEvents on,
 * it is a CloudEvents 1.0 event in binary mode: the ninjs document is the body and the {@code ce-*} headers
 * carry the event's id (the article's id and version), source, type ({@code io.newswire.article} or
 * {@code io.newswire.article.killed}), subject (the article id) and time. Not thread-safe.
 */
public final class WebhookSink implements RecordSink {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_REASON_CHARS = 500;

    private final URI url;
    private final String authorization;
    private final HttpClient client;
    private final WebhookSignature signature;
    private final boolean cloudEvents;
    private final java.time.Clock clock;
    /** Identities the receiver acknowledged in the batch under way: a retried batch does not POST them again. */
    private final java.util.Set<String> acknowledged = new java.util.HashSet<>();

    /** @param authorization the header's value ("Bearer …"), or blank for none */
    public WebhookSink(URI url, String authorization) {
        this(url, authorization, "", false, java.time.Clock.systemUTC());
    }

    /**
     * @param secret      the shared signing secret, or blank to send unsigned
     * @param cloudEvents send each article as a CloudEvents 1.0 event in binary mode
     */
    public WebhookSink(URI url, String authorization, String secret, boolean cloudEvents, java.time.Clock clock) {
        this.url = url;
        this.authorization = authorization;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.signature = secret == null || secret.isBlank() ? null : new WebhookSignature(secret);
        this.cloudEvents = cloudEvents;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public boolean write(SinkRecord record) throws IOException, InterruptedException, PermanentWriteException {
        if (record.kind() != SinkRecord.Kind.ARTICLE || acknowledged.contains(record.identity())) {
            return false;
        }
        JsonNode ninjs = record.isTombstone() ? canceled(record.key())
                : NinjsExport.toNinjs(Json.MAPPER.treeToValue(record.json(), Article.class));
        byte[] body = Json.MAPPER.writeValueAsBytes(ninjs);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", record.identity())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        java.time.Instant now = clock.instant();
        if (signature != null) {
            request.header(WebhookSignature.ID, record.identity())
                    .header(WebhookSignature.TIMESTAMP, Long.toString(now.getEpochSecond()))
                    .header(WebhookSignature.SIGNATURE, signature.sign(record.identity(), now.getEpochSecond(), body));
        }
        if (cloudEvents) {
            request.header("ce-specversion", "1.0")
                    .header("ce-id", record.identity())
                    .header("ce-source", "urn:newswire:news.enriched")
                    .header("ce-type", record.isTombstone() ? "io.newswire.article.killed" : "io.newswire.article")
                    .header("ce-subject", record.key())
                    .header("ce-time", now.toString());
        }
        if (!authorization.isBlank()) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            acknowledged.add(record.identity());
            return true;
        }
        String answer = response.body() == null ? "" : response.body();
        if (answer.length() > MAX_REASON_CHARS) {
            answer = answer.substring(0, MAX_REASON_CHARS);
        }
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            throw new IOException("webhook answered " + status + ": " + answer);
        }
        throw new PermanentWriteException("webhook answered " + status + ": " + answer);
    }

    /** Every POST is acknowledged before {@link #write} returns: nothing is buffered. */
    @Override
    public void flush() {
        acknowledged.clear();
    }

    /** What the receiver acknowledged stays acknowledged: only the rest of the batch is POSTed again. */
    @Override
    public void discard() {
    }

    /** The JDK client (Java 17) holds no resources that need closing. */
    @Override
    public void close() {
    }

    private static ObjectNode canceled(String articleId) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("uri", NinjsExport.articleUri(articleId));
        n.put("type", "text");
        n.put("pubstatus", "canceled");
        return n;
    }
}
