package io.newswire.sinks.live;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newswire.common.Json;

/**
 * The live dashboard and the operational endpoints, on one port:
 * <ul>
 *   <li>{@code GET /}: a page that redraws on every server-sent event from {@code GET /events}
 *       (a {@link LiveView#snapshot()} at most every {@value #PUSH_MILLIS} ms while the view changes);</li>
 *   <li>{@code GET /stories?limit=N}, {@code GET /stories/{id}}, {@code GET /entities/top?minutes=M&limit=N};</li>
 *   <li>{@code GET /search?q=…&source=&entity=&story=&from=&to=&limit=}: full-text search of the articles with
 *       filters, each hit with a snippet whose matches sit between {@code \u0002} and {@code \u0003};</li>
 *   <li>{@code GET /metrics} (Prometheus text format), {@code GET /health} (liveness: the server answers),
 *       {@code GET /health/ready} (503 until every readiness check passes, naming those that fail).</li>
 * </ul>
 * Read-only and unauthenticated: it binds to {@code dashboard.host} (loopback by default), answers only
 * requests whose {@code Host} is an IP address, {@code localhost} or one of {@code dashboard.hostnames} (a
 * page on another site that rebinds its own name to this address cannot read it), and sends a content
 * security policy that lets the page run only its own script and talk only to this server.
 */
public final class DashboardServer implements AutoCloseable {

    static final long PUSH_MILLIS = 500;
    /** The chart library, uPlot, from its WebJar on the class path: the page loads nothing from elsewhere. */
    static final String UPLOT_SCRIPT = webjar("uplot", "dist/uPlot.iife.min.js");
    static final String UPLOT_STYLE = webjar("uplot", "dist/uPlot.min.css");
    private static final String SNAPSHOT_SLOT = "<!--snapshot-->";

    private final Javalin app;
    private volatile Set<String> hostnames = Set.of();
    private final LiveView view;
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private final ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "newswire-dashboard-push");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param readiness named checks, all of which must pass for {@code /health/ready}
     */
    public DashboardServer(LiveView view, PrometheusMeterRegistry registry, Map<String, BooleanSupplier> readiness) {
        this(view, registry, readiness, null);
    }

    /** @param search the search behind {@code GET /search}, or null for none (404) */
    public DashboardServer(LiveView view, PrometheusMeterRegistry registry, Map<String, BooleanSupplier> readiness,
                           io.newswire.sinks.search.SearchIndex search) {
        this.view = view;
        String page = resource("dashboard.html");
        Map<String, BooleanSupplier> checks = new LinkedHashMap<>(readiness);
        String policy = contentSecurityPolicy(page);
        this.app = Javalin.create(config -> config.showJavalinBanner = false);
        app.before(ctx -> {
            if (!hostAllowed(ctx.host())) {
                ctx.status(HttpStatus.MISDIRECTED_REQUEST).result("unknown host; add it to dashboard.hostnames");
                ctx.skipRemainingHandlers();
                return;
            }
            ctx.header("Content-Security-Policy", policy);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Referrer-Policy", "no-referrer");
        });
        // The page carries the current snapshot, so it shows the data before the first server-sent event.
        app.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(withSnapshot(page, view.snapshot())));
        app.get("/assets/uplot.js", ctx -> ctx.contentType("text/javascript; charset=utf-8")
                .header("Cache-Control", "max-age=86400").result(UPLOT_SCRIPT));
        app.get("/assets/uplot.css", ctx -> ctx.contentType("text/css; charset=utf-8")
                .header("Cache-Control", "max-age=86400").result(UPLOT_STYLE));
        app.get("/stories", ctx -> json(ctx, Json.MAPPER.valueToTree(view.stories(intParam(ctx, "limit", 50)))));
        app.get("/stories/{id}", ctx -> view.story(ctx.pathParam("id")).ifPresentOrElse(s -> json(ctx, s),
                () -> json(ctx.status(HttpStatus.NOT_FOUND),
                        Json.MAPPER.createObjectNode().put("error", "no story " + ctx.pathParam("id")))));
        app.get("/entities/top", ctx -> {
            ArrayNode top = Json.MAPPER.createArrayNode();
            view.topEntities(Duration.ofMinutes(intParam(ctx, "minutes", 60)), intParam(ctx, "limit", 10))
                    .forEach(e -> top.add(LiveView.entityJson(e)));
            json(ctx, top);
        });
        app.get("/summary", ctx -> json(ctx, view.snapshot()));
        app.get("/search", ctx -> {
            if (search == null) {
                ctx.status(HttpStatus.NOT_FOUND).result("no search on this server");
                return;
            }
            json(ctx, Json.MAPPER.valueToTree(search.search(new io.newswire.sinks.search.SearchIndex.Query(
                    ctx.queryParam("q"), ctx.queryParam("source"), ctx.queryParam("entity"), ctx.queryParam("story"),
                    instantParam(ctx, "from"), instantParam(ctx, "to"), intParam(ctx, "limit", 20)))));
        });
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(registry.scrape()));
        app.get("/health", ctx -> json(ctx, Json.MAPPER.createObjectNode().put("status", "UP")));
        app.get("/health/ready", ctx -> {
            ObjectNode body = Json.MAPPER.createObjectNode();
            ObjectNode results = body.putObject("checks");
            boolean ready = true;
            for (Map.Entry<String, BooleanSupplier> check : checks.entrySet()) {
                boolean ok = check.getValue().getAsBoolean();
                results.put(check.getKey(), ok ? "UP" : "DOWN");
                ready &= ok;
            }
            body.put("status", ready ? "UP" : "DOWN");
            ctx.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
            json(ctx, body);
        });
        app.sse("/events", client -> {
            client.keepAlive();
            client.onClose(() -> clients.remove(client));
            clients.add(client);
            client.sendEvent("snapshot", view.snapshot().toString());
        });
        view.onChange(() -> dirty.set(true));
    }

    /** Starts serving; {@code port} 0 picks a free one (see {@link #port()}). */
    public DashboardServer start(String host, int port) {
        return start(host, port, Set.of());
    }

    /** @param hostnames names besides IP addresses and localhost that clients may reach the dashboard by */
    public DashboardServer start(String host, int port, Set<String> hostnames) {
        this.hostnames = hostnames.stream().map(h -> h.toLowerCase(java.util.Locale.ROOT)).collect(
                java.util.stream.Collectors.toUnmodifiableSet());
        app.start(host, port);
        pusher.scheduleWithFixedDelay(this::push, PUSH_MILLIS, PUSH_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        pusher.shutdownNow();
        clients.forEach(SseClient::close);
        app.stop();
    }

    private void push() {
        if (clients.isEmpty() || !dirty.getAndSet(false)) {
            return;
        }
        String snapshot = view.snapshot().toString();
        for (SseClient client : clients) {
            if (client.terminated()) {
                clients.remove(client);
            } else {
                client.sendEvent("snapshot", snapshot);
            }
        }
    }

    private static void json(Context ctx, com.fasterxml.jackson.databind.JsonNode body) {
        ctx.contentType("application/json").result(body.toString());
    }

    private static int intParam(Context ctx, String name, int fallback) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return fallback;
        }
        try {
            return Math.max(1, Math.min(1000, Integer.parseInt(raw)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * The page with the snapshot in a JSON data block (never executed, so the script policy needs no hash of
     * it); every {@code <} is escaped so no text in the data can close the block.
     */
    static String withSnapshot(String page, ObjectNode snapshot) {
        String data = snapshot.toString().replace("<", "\\u003c");
        return page.replace(SNAPSHOT_SLOT, "<script type=\"application/json\" id=\"initial-snapshot\">" + data
                + "</script>");
    }

    /** A file of a WebJar, whatever its version: the version is read from the jar's own Maven metadata. */
    static String webjar(String artifact, String file) {
        java.util.Properties pom = new java.util.Properties();
        try (InputStream in = DashboardServer.class.getResourceAsStream(
                "/META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the " + artifact + " WebJar is not on the class path");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the " + artifact + " WebJar", e);
        }
        return resource("/META-INF/resources/webjars/" + artifact + "/" + pom.getProperty("version") + "/" + file);
    }

    private static String resource(String name) {
        try (InputStream in = DashboardServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }

    private static java.time.Instant instantParam(io.javalin.http.Context ctx, String name) {
        String value = ctx.queryParam(name);
        try {
            return value == null || value.isBlank() ? null : java.time.Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new io.javalin.http.BadRequestResponse(name + " must be an ISO-8601 instant, e.g. 2026-12-01T00:00:00Z");
        }
    }

    /** An IP literal, localhost or a configured name: DNS rebinding needs a name of the attacker's own. */
    boolean hostAllowed(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        String host = hostHeader.strip().toLowerCase(java.util.Locale.ROOT);
        if (host.startsWith("[")) {
            return true; // an IPv6 literal
        }
        int colon = host.lastIndexOf(':');
        String name = colon > 0 ? host.substring(0, colon) : host;
        return name.equals("localhost") || IPV4.matcher(name).matches() || hostnames.contains(name);
    }

    private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** Only the page's own inline script, by its hash; inline styles; connections back to this server. */
    static String contentSecurityPolicy(String page) {
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("<script>(.*?)</script>",
                java.util.regex.Pattern.DOTALL).matcher(page);
        StringBuilder hashes = new StringBuilder();
        while (script.find()) {
            try {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                        .digest(script.group(1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                hashes.append(" 'sha256-").append(java.util.Base64.getEncoder().encodeToString(digest)).append('\'');
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return "default-src 'none'; script-src 'self'" + hashes + "; style-src 'self' 'unsafe-inline'; connect-src 'self'; "
                + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    }
}
