package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import com.sun.net.httpserver.HttpServer;
import io.newswire.common.Article;
import io.newswire.common.DeadLetter;
import io.newswire.ingest.Publisher;
import io.newswire.ingest.formats.WebChromeCleaner;
import io.newswire.ingest.sources.DropFolderSource;
import io.newswire.ingest.sources.FeedPoller;
import io.newswire.ingest.sources.FileSource;
import io.newswire.ingest.sources.HttpPushSource;
import io.newswire.ingest.sources.Supervised;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The long-running sources under attack at once, as the roles run them: a drop folder fed nesting bombs, a
 * symbolic link to /etc/passwd and a pipe; an HTTP endpoint held by 40 clients that send their headers
 * slowly while others push nesting bombs, a gzip bomb and prefix paths; a feed whose entry links to an
 * internal page. Good copy keeps flowing through all three; every hostile input is refused with a reason;
 * no source thread dies and nothing internal is read.
 */
class SourcesUnderAttackIT {

    @TempDir
    Path dir;

    /** Keeps what was published. */
    static final class Recording implements Publisher {
        final List<Article> articles = new CopyOnWriteArrayList<>();
        final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<?> publish(Article article) {
            articles.add(article);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<?> publish(DeadLetter deadLetter) {
            deadLetters.add(deadLetter);
            return CompletableFuture.completedFuture(null);
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void shouldKeepEverySourceAliveAndGoodCopyFlowingUnderAttack() throws Exception {
        Recording published = new Recording();
        FileSource files = FileSource.detecting(900_000, Clock.systemUTC());
        int tried = 0;

        // The drop folder.
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        DropFolderSource folder = new DropFolderSource(inbox, files, published, Duration.ofMillis(50), Duration.ZERO,
                Clock.systemUTC());
        Thread watch = new Thread(new Supervised("watch", folder), "attack-watch");
        watch.start();
        Files.writeString(inbox.resolve("bomb.xml"), "<nitf><body><body.content>" + "<p>".repeat(5_000)
                + "</p>".repeat(5_000) + "</body.content></body></nitf>");
        Files.writeString(inbox.resolve("bomb.html"), "<!DOCTYPE html><html><body>" + "<div>".repeat(70_000)
                + "</div>".repeat(70_000) + "</body></html>");
        Files.createSymbolicLink(inbox.resolve("passwd.txt"), Path.of("/etc/passwd"));
        new ProcessBuilder("mkfifo", inbox.resolve("pipe.txt").toString()).start().waitFor();
        tried += 4;
        for (int i = 0; i < 5; i++) {
            Files.writeString(inbox.resolve("good-" + i + ".txt"), "Dropped headline " + i + "\n\nDropped body " + i + ".");
        }

        // The HTTP endpoint.
        HttpClient client = HttpClient.newHttpClient();
        int pushedOk = 0;
        List<Integer> refusedStatuses = new ArrayList<>();
        try (HttpPushSource push = new HttpPushSource(0, "t0ken", files, published, 900_000)) {
            String base = "http://127.0.0.1:" + push.port();
            List<Socket> slow = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Socket s = new Socket("127.0.0.1", push.port());
                s.getOutputStream().write("POST /articles HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
            }
            tried += 40;
            ByteArrayOutputStream gzip = new ByteArrayOutputStream();
            try (OutputStream z = new GZIPOutputStream(gzip)) {
                z.write(("H\n\n" + "x".repeat(2_000_000)).getBytes(StandardCharsets.UTF_8));
            }
            List<HttpRequest> hostile = List.of(
                    post(base + "/articles", ("<nitf><body><body.content>" + "<p>".repeat(5_000)
                            + "</body.content></body></nitf>").getBytes(StandardCharsets.UTF_8), null),
                    post(base + "/articles", gzip.toByteArray(), "gzip"),
                    post(base + "/articlesXYZ", "Prefix\n\nPath.".getBytes(StandardCharsets.UTF_8), null),
                    post(base + "/articles", ("{\"uri\": \"urn:q\", \"headline\": \"Q\", \"body_html\": \""
                            + "<blockquote>".repeat(30_000) + "</blockquote>".repeat(30_000) + "\"}")
                            .getBytes(StandardCharsets.UTF_8), null));
            tried += hostile.size();
            for (HttpRequest request : hostile) {
                refusedStatuses.add(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
            }
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> ok = client.send(post(base + "/articles",
                        ("Pushed headline " + i + "\n\nPushed body " + i + ".").getBytes(StandardCharsets.UTF_8), null),
                        HttpResponse.BodyHandlers.ofString());
                pushedOk += ok.statusCode() == 202 ? 1 : 0;
            }
            assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            for (Socket s : slow) {
                s.close();
            }
        }

        // A feed whose entry links to an internal page.
        HttpServer internal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String internalBase = "http://127.0.0.1:" + internal.getAddress().getPort();
        internal.createContext("/secret", exchange -> {
            byte[] body = "<html><body><article><p>INTERNAL SECRET</p></article></body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        internal.start();
        Path feedFile = Files.writeString(dir.resolve("feed.xml"), "<rss version=\"2.0\"><channel><title>T</title>"
                + "<item><guid>urn:f:1</guid><title>Only a link</title><link>" + internalBase + "/secret</link></item>"
                + "</channel></rss>");
        FeedPoller poller = new FeedPoller(List.of(URI.create(internalBase + "/feed")), Duration.ofSeconds(60), false,
                published, new WebChromeCleaner(), 900_000, Clock.systemUTC(), false);
        internal.createContext("/feed", exchange -> {
            byte[] body = Files.readAllBytes(feedFile);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        poller.pollDue();
        tried += 1;
        internal.stop(0);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (published.articles.stream().filter(a -> a.headline().startsWith("Dropped")).count() < 5
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(500); // a scan after the last good file: the thread must still be alive
        boolean watchAlive = watch.isAlive();
        folder.stop();
        watch.join(5_000);

        long good = published.articles.stream().filter(a -> a.headline().startsWith("Dropped")
                || a.headline().startsWith("Pushed")).count();
        System.out.printf("sources under attack: %d hostile inputs tried, %d dead letters, %d refused pushes %s, "
                        + "watch thread alive %s, %d good articles published%n", tried, published.deadLetters.size(),
                refusedStatuses.size(), refusedStatuses, watchAlive, good);
        published.deadLetters.forEach(d -> System.out.printf("  dead letter: %s%n", d.reason()));

        assertThat(watchAlive).isTrue();
        assertThat(good).as("good copy through the folder and the endpoint").isEqualTo(10);
        assertThat(pushedOk).isEqualTo(5);
        assertThat(refusedStatuses).containsExactly(422, 413, 404, 422);
        assertThat(published.articles).as("nothing internal is read")
                .noneMatch(a -> String.join(" ", a.body()).contains("INTERNAL SECRET") || a.bodyText().contains("root:"));
        assertThat(published.deadLetters).extracting(DeadLetter::reason)
                .anySatisfy(r -> assertThat(r).contains("maxElementDepth"))
                .anySatisfy(r -> assertThat(r).contains("nested deeper than 256"));
        assertThat(inbox.resolve("passwd.txt")).as("the link is left alone, never read").exists();
    }

    private static HttpRequest post(String uri, byte[] body, String encoding) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer t0ken")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (encoding != null) {
            request.header("Content-Encoding", encoding);
        }
        return request.build();
    }
}
