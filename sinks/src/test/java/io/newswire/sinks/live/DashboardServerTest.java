package io.newswire.sinks.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newswire.common.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DashboardServerTest {

    final LiveView view = new LiveView(new io.newswire.sinks.TestClock(LiveViewTest.NOW));
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final AtomicBoolean processorsUp = new AtomicBoolean(false);
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    DashboardServer server;

    @BeforeEach
    void start() throws Exception {
        view.apply(LiveViewTest.article("a1", "wire", null, "Cairo"));
        view.apply(LiveViewTest.story("a1", "2026-11-22T10:00:00Z", "a1"));
        server = new DashboardServer(view, registry, Map.of("processors", processorsUp::get)).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldServeStoriesOneStoryAndTopEntities() throws Exception {
        JsonNode stories = Json.MAPPER.readTree(get("/stories").body());
        assertThat(stories.findValuesAsText("headline")).contains("Story a1");
        assertThat(Json.MAPPER.readTree(get("/stories/a1").body()).path("members").get(0).path("headline").asText())
                .isEqualTo("Headline a1");
        assertThat(get("/stories/nope").statusCode()).isEqualTo(404);
        assertThat(Json.MAPPER.readTree(get("/entities/top?minutes=60").body()).get(0).path("name").asText())
                .isEqualTo("Cairo");
        assertThat(get("/").body()).contains("<title>newswire — live</title>");
    }

    @Test
    void shouldServePrometheusMetricsAndHealth() throws Exception {
        Counter.builder("newswire.output.records").tag("kind", "article").register(registry).increment(3);
        assertThat(get("/metrics").body()).contains("newswire_output_records_total{kind=\"article\"} 3.0");
        assertThat(get("/health").statusCode()).isEqualTo(200);
        HttpResponse<String> notReady = get("/health/ready");
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).contains("\"processors\":\"DOWN\"");
        processorsUp.set(true);
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    @org.junit.jupiter.api.Timeout(30)
    void shouldPushASnapshotOnConnectAndAnotherAfterAChange() throws Exception {
        HttpResponse<java.io.InputStream> events = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/events")).header("Accept", "text/event-stream")
                        .timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
            JsonNode first = nextSnapshot(lines);
            assertThat(first.path("counts").path("articles").asLong()).isEqualTo(1);
            view.apply(LiveViewTest.article("a2", "web", null, "Gaza"));
            JsonNode next = nextSnapshot(lines);
            while (next.path("counts").path("articles").asLong() < 2) { // a push may already be on its way
                next = nextSnapshot(lines);
            }
            assertThat(next.path("top_entities").findValuesAsText("name")).contains("Gaza");
        }
    }

    private static JsonNode nextSnapshot(BufferedReader lines) throws Exception {
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith("data:")) {
                return Json.MAPPER.readTree(line.substring("data:".length()).strip());
            }
        }
        throw new AssertionError("the event stream ended");
    }

    @Test
    void shouldAnswerOnlyKnownHostsAndSendTheSecurityHeaders() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'none'", "script-src 'self' 'sha256-", "frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET /summary HTTP/1.1\r\nHost: rebound.attacker.example\r\n"
                    + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 421").doesNotContain("\"stories\"");
        }
        assertThat(server.hostAllowed("127.0.0.1:8088")).isTrue();
        assertThat(server.hostAllowed("[::1]:8088")).isTrue();
        assertThat(server.hostAllowed("localhost")).isTrue();
        assertThat(server.hostAllowed("evil.example:8088")).isFalse();
    }

    @Test
    void shouldCarryTheCurrentSnapshotInThePageSoItDrawsBeforeTheFirstEvent() throws Exception {
        String page = get("/").body();
        String data = page.substring(page.indexOf("id=\"initial-snapshot\">") + "id=\"initial-snapshot\">".length(),
                page.indexOf("</script>", page.indexOf("initial-snapshot")));
        JsonNode snapshot = Json.MAPPER.readTree(data);
        assertThat(snapshot.path("counts").path("articles").asLong()).isEqualTo(1);
        assertThat(snapshot.path("stories").findValuesAsText("headline")).contains("Story a1");
    }

    @Test
    void shouldNotLetAHeadlineCloseTheSnapshotBlock() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode hostile = (com.fasterxml.jackson.databind.node.ObjectNode)
                LiveViewTest.article("x1", "web", null).json();
        hostile.put("headline", "</script><script>alert(1)</script>");
        view.apply(io.newswire.sinks.SinkRecord.of(io.newswire.sinks.SinkRecord.Kind.ARTICLE, "x1", hostile));
        view.apply(LiveViewTest.story("x1", "2026-11-22T11:00:00Z", "x1"));
        String page = get("/").body();
        assertThat(page).doesNotContain("<script>alert(1)").contains("\\u003c/script>\\u003cscript>alert(1)");
    }

    @Test
    void shouldServeTheChartLibraryFromItsWebJar() throws Exception {
        HttpResponse<String> script = get("/assets/uplot.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).get().asString().startsWith("text/javascript");
        assertThat(script.body()).contains("uPlot");
        assertThat(get("/assets/uplot.css").body()).contains(".uplot");
        assertThat(get("/").body()).contains("<script src=\"assets/uplot.js\"></script>");
    }
}
