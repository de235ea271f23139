package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newswire.common.ConfigException;
import io.newswire.common.Json;
import io.newswire.common.NewswireConfig;
import io.newswire.common.TopicSchemas;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Registration against a stand-in registry that answers as Confluent Schema Registry's REST API does. */
class SchemaRegistrationTest {

    record Call(String path, String auth, String contentType, JsonNode body) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    volatile int failWith = 503;
    HttpServer registry;

    String start() throws IOException {
        registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.createContext("/", this::answer);
        registry.start();
        return "http://127.0.0.1:" + registry.getAddress().getPort() + "/";
    }

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.stop(0);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        JsonNode body = Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes());
        calls.add(new Call(exchange.getRequestURI().getRawPath(), exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body));
        boolean fail = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        String reply = fail ? "{\"error_code\":" + failWith + "01,\"message\":\"Schema being registered is incompatible\"}"
                : "{\"id\":" + (100 + calls.size()) + "}";
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(fail ? failWith : 200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    Map<String, String> schemas(String prefix) {
        return TopicSchemas.byTopic(io.newswire.common.Topics.withPrefix(prefix), prefix);
    }

    @Test
    void shouldRegisterEveryTopicsSchemaAsItsValueSubject() throws Exception {
        String url = start();
        Map<String, Integer> ids = SchemaRegistration.register(HttpClient.newHttpClient(), url, "Basic a2V5OnNlY3JldA==",
                schemas("staging."), Duration.ofMillis(10));

        assertThat(ids.keySet()).containsExactly("staging.news.raw-value", "staging.news.enriched-value",
                "staging.news.stories-value", "staging.news.decisions-value", "staging.news.dlq-value",
                "staging.news.entities-value", "staging.news.story-links-value");
        assertThat(calls).hasSize(7).allSatisfy(c -> {
            assertThat(c.path()).startsWith("/subjects/staging.news.").endsWith("-value/versions");
            assertThat(c.auth()).isEqualTo("Basic a2V5OnNlY3JldA==");
            assertThat(c.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
            assertThat(c.body().path("schemaType").asText()).isEqualTo("JSON");
            assertThat(Json.MAPPER.readTree(c.body().path("schema").asText()).path("$schema").asText())
                    .isEqualTo("https://json-schema.org/draft/2020-12/schema");
        });
        assertThat(calls.get(1).body().path("schema").asText()).isEqualTo(TopicSchemas.of("news.enriched"));
        assertThat(ids.get("staging.news.raw-value")).isEqualTo(101);
    }

    @Test
    void shouldStopAtStartWithWhatToFixWhenASchemaIsIncompatible() throws Exception {
        String url = start();
        failWith = 409;
        failuresLeft.set(1);
        assertThatThrownBy(() -> SchemaRegistration.register(HttpClient.newHttpClient(), url, "", schemas(""),
                Duration.ofMillis(10)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("news.raw-value is incompatible")
                .hasMessageContaining("Schema being registered is incompatible");
        assertThat(calls).hasSize(1);
    }

    @Test
    void shouldNameTheSettingWhenTheRegistryRefusesTheCredentials() throws Exception {
        String url = start();
        failWith = 401;
        failuresLeft.set(1);
        assertThatThrownBy(() -> SchemaRegistration.register(HttpClient.newHttpClient(), url, "", schemas(""),
                Duration.ofMillis(10)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("set schema.registry.auth");
    }

    @Test
    void shouldRetryARegistryThatIsBrieflyUnavailable() throws Exception {
        String url = start();
        failWith = 503;
        failuresLeft.set(2);
        Map<String, Integer> ids = SchemaRegistration.register(HttpClient.newHttpClient(), url, "", schemas(""),
                Duration.ofMillis(10));
        assertThat(ids).hasSize(7);
        assertThat(calls).hasSize(9);
    }

    @Test
    void shouldFailLoudlyWhenTheRegistryNeverAnswers() throws Exception {
        String url = start();
        registry.stop(0);
        registry = null;
        assertThatThrownBy(() -> SchemaRegistration.register(HttpClient.newHttpClient(), url, "", schemas(""),
                Duration.ofMillis(10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after " + SchemaRegistration.ATTEMPTS + " attempts");
    }

    @Test
    void shouldDoNothingWithoutARegistry() {
        assertThat(SchemaRegistration.registerIfConfigured(NewswireConfig.defaults())).isEmpty();
    }
}
