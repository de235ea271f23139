package io.newswire.sinks.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.newswire.common.Json;
import io.newswire.sinks.PermanentWriteException;
import io.newswire.sinks.SinkRecord;
import io.newswire.sinks.SinkRecord.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookSinkTest {

    /** What the receiving CMS saw: headers and body of each POST. */
    record Received(String authorization, String idempotencyKey, JsonNode body,
                    com.sun.net.httpserver.Headers headers, byte[] raw) {
    }

    HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger nextStatus = new AtomicInteger(202);

    @BeforeEach
    void receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ingest", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"), Json.MAPPER.readTree(body),
                    exchange.getRequestHeaders(), body));
            byte[] answer = ("status " + nextStatus.get()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(nextStatus.get(), answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    WebhookSink sink() {
        return new WebhookSink(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ingest"),
                "Bearer test-token");
    }

    static SinkRecord article(String id) throws Exception {
        return SinkRecord.of(Kind.ARTICLE, id, Json.MAPPER.readTree("""
                {"id":"%s","version":2,"headline":"Talks resume","body":["Officials met."],
                 "received":"2026-11-22T09:00:00Z","entities":[{"key":"location:iso:EG","type":"LOCATION",
                 "name":"Egypt","mention_count":1,"salience":0.5}],"story_id":"s1"}""".formatted(id)));
    }

    @Test
    void shouldPostNinjsWithTheAuthHeaderAndAnIdempotencyKey() throws Exception {
        try (WebhookSink sink = sink()) {
            assertThat(sink.write(article("a1"))).isTrue();
        }
        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer test-token");
            assertThat(r.idempotencyKey()).isEqualTo("a1@2");
            assertThat(r.body().path("uri").asText()).isEqualTo("urn:newswire:article:a1");
            assertThat(r.body().path("places").findValuesAsText("name")).containsExactly("Egypt");
        });
    }

    @Test
    void shouldPostARevisionAsADeliveryOfItsOwn() throws Exception {
        SinkRecord first = article("a1");
        com.fasterxml.jackson.databind.node.ObjectNode json = first.json().deepCopy();
        json.put("story_id", "s0").put("revision", 1);
        try (WebhookSink sink = sink()) {
            assertThat(sink.write(first)).isTrue();
            assertThat(sink.write(SinkRecord.of(Kind.ARTICLE, "a1", json))).isTrue();
        }
        assertThat(received).extracting(Received::idempotencyKey).containsExactly("a1@2", "a1@2r1");
        assertThat(received.get(1).body().path("associations").findValuesAsText("uri"))
                .contains("urn:newswire:story:s0");
    }

    @Test
    void shouldPostAKillAsCanceledAndSkipOtherTopics() throws Exception {
        try (WebhookSink sink = sink()) {
            assertThat(sink.write(SinkRecord.of(Kind.ARTICLE, "a1", null))).isTrue();
            assertThat(sink.write(SinkRecord.of(Kind.STORY, "s1", Json.MAPPER.readTree("{\"id\":\"s1\"}")))).isFalse();
        }
        assertThat(received).singleElement().satisfies(r ->
                assertThat(r.body().path("pubstatus").asText()).isEqualTo("canceled"));
    }

    @Test
    void shouldTreatServerErrorsAndThrottlingAsTransient() throws Exception {
        try (WebhookSink sink = sink()) {
            nextStatus.set(503);
            assertThatThrownBy(() -> sink.write(article("a1"))).isInstanceOf(IOException.class)
                    .hasMessageContaining("503");
            nextStatus.set(429);
            assertThatThrownBy(() -> sink.write(article("a1"))).isInstanceOf(IOException.class);
        }
    }

    @Test
    void shouldRefuseForGoodWhatTheReceiverRejects() throws Exception {
        nextStatus.set(422);
        try (WebhookSink sink = sink()) {
            assertThatThrownBy(() -> sink.write(article("a1"))).isInstanceOf(PermanentWriteException.class)
                    .hasMessageContaining("422").hasMessageContaining("status 422");
        }
    }

    @Test
    void shouldTreatAnUnreachableReceiverAsTransient() {
        server.stop(0);
        try (WebhookSink sink = sink()) {
            assertThatThrownBy(() -> sink.write(article("a1"))).isInstanceOf(IOException.class);
        }
    }

    @Test
    void shouldNotPostAgainWhatTheReceiverTookWhenABatchIsRetried() throws Exception {
        try (WebhookSink sink = sink()) {
            assertThat(sink.write(article("a1"))).isTrue();
            nextStatus.set(503);
            assertThatThrownBy(() -> sink.write(article("a2"))).isInstanceOf(IOException.class);
            sink.discard(); // the runner hands the whole batch again
            nextStatus.set(202);
            assertThat(sink.write(article("a1"))).isFalse();
            assertThat(sink.write(article("a2"))).isTrue();
            sink.flush();
            assertThat(sink.write(article("a1"))).as("a later redelivery is the receiver's to upsert").isTrue();
        }
        assertThat(received).extracting(r -> r.body().path("uri").asText()).containsExactly(
                "urn:newswire:article:a1", "urn:newswire:article:a2", "urn:newswire:article:a2",
                "urn:newswire:article:a1");
    }

    @Test
    void shouldSignEachDeliveryAndSendItAsACloudEventAReceiverCanVerify() throws Exception {
        String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString("a shared secret of 32 bytes!!!!!"
                .getBytes(StandardCharsets.UTF_8));
        java.time.Instant now = java.time.Instant.parse("2026-12-01T10:00:00Z");
        WebhookSink sink = new WebhookSink(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ingest"),
                "", secret, true, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
        sink.write(article("a1"));
        sink.write(SinkRecord.of(Kind.ARTICLE, "a2", null));

        assertThat(received).hasSize(2);
        for (Received r : received) {
            // The receiver's side, written from the specification rather than with the sender's class.
            String id = r.headers().getFirst("webhook-id");
            String timestamp = r.headers().getFirst("webhook-timestamp");
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(java.util.Base64.getDecoder().decode(secret.substring(6)),
                    "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            String expected = "v1," + java.util.Base64.getEncoder().encodeToString(mac.doFinal(r.raw()));
            assertThat(r.headers().getFirst("webhook-signature")).isEqualTo(expected);
            assertThat(Long.parseLong(timestamp)).isEqualTo(now.getEpochSecond());
            assertThat(r.headers().getFirst("ce-specversion")).isEqualTo("1.0");
            assertThat(r.headers().getFirst("ce-id")).isEqualTo(id);
            assertThat(r.headers().getFirst("ce-source")).isEqualTo("urn:newswire:news.enriched");
            assertThat(r.headers().getFirst("ce-time")).isEqualTo("2026-12-01T10:00:00Z");
        }
        assertThat(received).extracting(r -> r.headers().getFirst("ce-type"))
                .containsExactly("io.newswire.article", "io.newswire.article.killed");
        assertThat(received).extracting(r -> r.headers().getFirst("ce-subject")).containsExactly("a1", "a2");
        byte[] tampered = java.util.Arrays.copyOf(received.get(0).raw(), received.get(0).raw().length);
        tampered[0] ^= 1;
        assertThat(new WebhookSignature(secret).sign(received.get(0).headers().getFirst("webhook-id"),
                now.getEpochSecond(), tampered)).as("a changed body fails the check")
                .isNotEqualTo(received.get(0).headers().getFirst("webhook-signature"));
    }
}
