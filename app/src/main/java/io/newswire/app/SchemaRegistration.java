package io.newswire.app;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.ConfigException;
import io.newswire.common.Json;
import io.newswire.common.NewswireConfig;
import io.newswire.common.Setting;
import io.newswire.common.TopicSchemas;

/**
 * Registers each topic's JSON Schema with a schema registry, where one is configured, as the subject
 * {@code <topic>-value} (the topic-name strategy), through the REST API of Confluent Schema Registry, which
 * Karapace and Apicurio's compatibility API also serve. Registering a schema the subject already holds returns
 * its id again, so every instance may do it at every start.
 *
 * <p>A registry that refuses the credentials or finds a schema incompatible with the subject's history stops
 * the command at start with what to fix; one that does not answer is tried {@value #ATTEMPTS} times.
 */
final class SchemaRegistration {

    static final Setting<String> URL = new Setting<>("schema.registry.url", "", s -> s,
            "schema registry to register the topics' JSON Schemas with at start (Confluent's REST API); "
                    + "empty: none");
    static final Setting<String> AUTH = Setting.secret("schema.registry.auth", s -> s,
            "Authorization header value for the schema registry (e.g. Basic base64(key:secret))");
    static final List<Setting<?>> SETTINGS = List.of(URL, AUTH);

    static final int ATTEMPTS = 3;

    private SchemaRegistration() {
    }

    /** Registers every topic's schema when {@code schema.registry.url} is set; returns the ids by subject. */
    static Map<String, Integer> registerIfConfigured(NewswireConfig config) {
        String url = config.get(URL);
        if (url.isBlank()) {
            return Map.of();
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Map<String, Integer> ids = register(http, url, config.get(AUTH),
                TopicSchemas.byTopic(config.topics(), config.topicPrefix()), Duration.ofSeconds(1));
        System.out.println("newswire: " + ids.size() + " topic schemas registered at " + url);
        return ids;
    }

    static Map<String, Integer> register(HttpClient http, String registry, String auth, Map<String, String> schemas,
                                         Duration backoff) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        String base = registry.endsWith("/") ? registry.substring(0, registry.length() - 1) : registry;
        for (Map.Entry<String, String> topic : schemas.entrySet()) {
            String subject = topic.getKey() + "-value";
            String body = Json.MAPPER.createObjectNode().put("schemaType", "JSON").put("schema", topic.getValue())
                    .toString();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/subjects/"
                            + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "/versions"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (!auth.isBlank()) {
                request.header("Authorization", auth);
            }
            ids.put(subject, send(http, request.build(), subject, base, backoff));
        }
        return ids;
    }

    private static int send(HttpClient http, HttpRequest request, String subject, String registry, Duration backoff) {
        String last = "";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = answer.statusCode();
                if (status / 100 == 2) {
                    JsonNode id = Json.MAPPER.readTree(answer.body()).path("id");
                    if (!id.canConvertToInt()) {
                        throw new IllegalStateException("the schema registry at " + registry
                                + " answered without an id for " + subject + ": " + answer.body());
                    }
                    return id.asInt();
                }
                String said = reason(answer.body());
                if (status == 401 || status == 403) {
                    throw new ConfigException("the schema registry at " + registry + " refused the credentials ("
                            + status + "): set schema.registry.auth");
                }
                if (status == 409) {
                    throw new ConfigException("the schema of " + subject + " is incompatible with the versions the "
                            + "registry holds (" + said + "): change the subject's compatibility, or the topic.prefix");
                }
                if (status / 100 == 4) {
                    throw new ConfigException("the schema registry at " + registry + " refused the schema of "
                            + subject + " (" + status + "): " + said);
                }
                last = status + " " + said;
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while registering " + subject, e);
            }
            if (attempt < ATTEMPTS) {
                sleep(backoff.multipliedBy(attempt));
            }
        }
        throw new IllegalStateException("cannot register " + subject + " at the schema registry " + registry
                + " after " + ATTEMPTS + " attempts: " + last);
    }

    /** The registry's own message ({"error_code":..., "message":...}), else the body. */
    private static String reason(String body) {
        try {
            JsonNode error = Json.MAPPER.readTree(body);
            return error.hasNonNull("message") ? error.get("message").asText() : body;
        } catch (IOException e) {
            return body;
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the schema registry", e);
        }
    }
}
