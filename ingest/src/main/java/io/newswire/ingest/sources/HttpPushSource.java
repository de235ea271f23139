package io.newswire.ingest.sources;

import java.util.List;
import io.newswire.ingest.formats.RejectedInputException;
import io.newswire.ingest.Delivery;
import io.newswire.ingest.Publisher;
import io.newswire.common.Setting;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newswire.common.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP push endpoint: {@code POST /articles} with a bearer token and a body in any supported format
 * (detected). Answers {@code 202} with the article ids once the broker acknowledged them; {@code 401}
 * without the right token, {@code 413} over the size limit, {@code 422} when nothing in the body is an
 * article (the reasons are in the answer, and the input is dead-lettered), {@code 503} when the broker did
 * not acknowledge (the sender should retry: same input, same ids). {@code GET /health} answers 200.
 * A body may be gzip- or deflate-compressed ({@code Content-Encoding}) and may be multipart, each part an
 * input of its own; a charset in a {@code Content-Type} applies where the document declares none.
 */
public final class HttpPushSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpPushSource.class);
    private static final int REQUEST_THREADS = 32;
    private static final int ROUTING_THREADS = 64;
    /** Pushes in flight from one client address: one client cannot take every handler. */
    static final int PER_CLIENT = 8;
    /** How long a push waits for the broker's acknowledgement before it is answered 503. */
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    public static final Setting<String> HOST = new Setting<>("http.host", "127.0.0.1",
            s -> s, "address the HTTP push endpoint binds to (0.0.0.0 for every interface)");

    static {
        // The JDK server's own limits, read once when it is first used: a request must arrive within 10 s
        // (a client sending its headers slowly holds no thread for long), an answer be sent within 30 s.
        setIfAbsent("sun.net.httpserver.maxReqTime", "10");
        setIfAbsent("sun.net.httpserver.maxRspTime", "30");
        setIfAbsent("sun.net.httpserver.maxConnections", "256");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private final HttpServer server;
    private final FileSource parser;
    private final Publisher publisher;
    public static final Setting<String> TOKEN = Setting.secret("http.token",
            s -> s, "bearer token HTTP push senders must present (keep it in the environment or a config file)");

    private final byte[] token;
    private final java.util.concurrent.ThreadPoolExecutor pushes;
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.AtomicInteger> perClient =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final long maxBytes;

    /**
     * @param token the bearer token senders must present; required (an open ingest endpoint is a hole)
     */
    public HttpPushSource(int port, String token, FileSource parser, Publisher publisher, long maxBytes)
            throws IOException {
        this("127.0.0.1", port, token, parser, publisher, maxBytes);
    }

    /** @param host the address to bind to; loopback unless the push must be reachable from elsewhere */
    public HttpPushSource(String host, int port, String token, FileSource parser, Publisher publisher, long maxBytes)
            throws IOException {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the HTTP endpoint needs a bearer token: set NEWSWIRE_HTTP_TOKEN "
                    + "(or http.token in the config file)");
        }
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.parser = parser;
        this.publisher = publisher;
        this.maxBytes = maxBytes;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/", this::route);
        // The server's own threads read requests and route them: health is answered there at once, never
        // behind pushes. Reading a request blocks a thread until its headers are in, so there are many of
        // them (cheap: they wait on sockets), and maxReqTime drops a client that sends them slowly.
        server.setExecutor(Executors.newFixedThreadPool(ROUTING_THREADS));
        // Each push waits for the broker's acknowledgement (a linger plus a round trip) while hardly using
        // the CPU: 4 threads capped the endpoint at ~170 requests/s under wrk, 32 let the producer batch them.
        // Bodies are capped at max.article.bytes, so 32 in flight stay within tens of MB; past that, 503.
        this.pushes = new java.util.concurrent.ThreadPoolExecutor(REQUEST_THREADS, REQUEST_THREADS, 0,
                java.util.concurrent.TimeUnit.MILLISECONDS, new java.util.concurrent.ArrayBlockingQueue<>(REQUEST_THREADS));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public java.net.InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(1);
        pushes.shutdownNow();
    }

    /** Exact paths only: {@code /articlesXYZ} is not {@code /articles}. */
    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/health")) {
            respond(exchange, 200, Map.of("status", "UP"));
            exchange.close();
            return;
        }
        if (!path.equals("/articles")) {
            respond(exchange, 404, Map.of("error", "no such path; POST /articles"));
            exchange.close();
            return;
        }
        String client = exchange.getRemoteAddress().getAddress().getHostAddress();
        java.util.concurrent.atomic.AtomicInteger inFlight = perClient.computeIfAbsent(client,
                c -> new java.util.concurrent.atomic.AtomicInteger());
        if (inFlight.incrementAndGet() > PER_CLIENT) {
            inFlight.decrementAndGet();
            exchange.getResponseHeaders().add("Retry-After", "1");
            respond(exchange, 429, Map.of("error", "more than " + PER_CLIENT + " pushes in flight from " + client));
            exchange.close();
            return;
        }
        try {
            pushes.execute(() -> {
                try {
                    articles(exchange);
                } catch (IOException e) {
                    LOG.debug("push from {} failed: {}", client, e.getMessage());
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            inFlight.decrementAndGet();
            exchange.getResponseHeaders().add("Retry-After", "1");
            respond(exchange, 503, Map.of("error", "too many pushes in flight; retry"));
            exchange.close();
        }
    }

    private void articles(HttpExchange exchange) throws IOException {
        try {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().add("Allow", "POST");
                respond(exchange, 405, Map.of("error", "use POST"));
                return;
            }
            if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
                respond(exchange, 401, Map.of("error", "missing or wrong bearer token"));
                return;
            }
            List<Bodies.Part> parts;
            try {
                parts = Bodies.read(exchange.getRequestBody(), exchange.getRequestHeaders().getFirst("Content-Encoding"),
                        exchange.getRequestHeaders().getFirst("Content-Type"), maxBytes);
            } catch (Bodies.TooLarge e) {
                respond(exchange, 413, Map.of("error", e.getMessage()));
                return;
            } catch (RejectedInputException e) {
                respond(exchange, e.getMessage().startsWith("unsupported Content-Encoding") ? 415 : 400,
                        Map.of("error", e.getMessage()));
                return;
            }
            String origin = "http://" + exchange.getRemoteAddress().getAddress().getHostAddress() + "/articles";
            Delivery delivery = new Delivery(publisher);
            for (Bodies.Part part : parts) {
                parser.readBytes(part.bytes(), part.name() == null ? origin : origin + "#" + part.name(), "http",
                        part.charset(), delivery);
            }
            if (!delivery.await(ACK_TIMEOUT)) {
                respond(exchange, 503, Map.of("error", "the broker did not acknowledge; retry the same request"));
                return;
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("ids", delivery.ids());
            answer.put("dead_letters", delivery.reasons());
            answer.put("skipped", delivery.skipped());
            if (delivery.ids().isEmpty() && delivery.skipped().isEmpty()) {
                answer.put("error", "no article in the request: " + String.join("; ", delivery.reasons()));
                respond(exchange, 422, answer);
            } else {
                respond(exchange, 202, answer);
            }
        } catch (RuntimeException e) {
            LOG.warn("request failed", e);
            respond(exchange, 500, Map.of("error", "internal error: " + e.getMessage()));
        } catch (StackOverflowError e) {
            respond(exchange, 422, Map.of("error", "input nested too deeply"));
        } finally {
            exchange.close();
        }
    }

    private boolean authorized(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        // Constant-time comparison: the token is a secret.
        return MessageDigest.isEqual(token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }


    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] json;
        try {
            json = Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            json = "{}".getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }
}
