package io.newswire.ingest.sources;

import io.newswire.ingest.Delivery;
import io.newswire.ingest.formats.WebChromeCleaner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import com.sun.net.httpserver.HttpServer;
import io.newswire.common.Article;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesTest {

    static final String NINJS = "{\"uri\": \"urn:wire:1\", \"headline\": \"Talks resume\", \"body_text\": \"Officials met.\"}";

    final FakePublisher publisher = new FakePublisher();
    final FileSource files = FileSource.detecting(100_000, Clock.systemUTC());

    @Nested
    class DropFolder {
        @TempDir
        Path dir;

        DropFolderSource folder(Duration settle) throws IOException {
            return new DropFolderSource(dir, files, publisher, Duration.ofMillis(10), settle, Clock.systemUTC());
        }

        @Test
        void shouldMoveFilesAfterPublishingThem() throws Exception {
            Files.writeString(dir.resolve("a.json"), NINJS);
            Files.writeString(dir.resolve("b.xml"), "<nitf><body>");
            Files.writeString(dir.resolve("c.json.part"), NINJS);

            assertThat(folder(Duration.ZERO).scanOnce()).isEqualTo(2);

            assertThat(publisher.articles).extracting(Article::id).containsExactly("urn:wire:1");
            assertThat(dir.resolve("done/a.json")).exists();
            assertThat(dir.resolve("failed/b.xml")).exists();
            assertThat(Files.readString(dir.resolve("failed/b.xml.reason"))).startsWith("invalid XML");
            assertThat(dir.resolve("c.json.part")).as("still being written").exists();
        }

        @Test
        void shouldTakeAFileWithItsMarkerAtOnceAndNeverReadMarkersLinksOrSubfolders() throws Exception {
            DropFolderSource folder = folder(Duration.ofHours(1));
            Files.writeString(dir.resolve("a.json"), NINJS);
            Files.writeString(dir.resolve("a.json.done"), "");
            Files.createDirectories(dir.resolve("sub"));
            Files.writeString(dir.resolve("sub/b.txt"), "Sub headline\n\nSub body.");
            Path secret = Files.writeString(dir.getParent().resolve("secret-" + System.nanoTime() + ".txt"),
                    "Secret headline\n\nSecret body.");
            Files.createSymbolicLink(dir.resolve("link.txt"), secret);

            assertThat(folder.scanOnce()).as("the marked file, though it has not settled").isEqualTo(1);
            assertThat(publisher.articles).extracting(Article::id).containsExactly("urn:wire:1");
            assertThat(dir.resolve("a.json.done")).as("the marker goes with its file").doesNotExist();
            assertThat(dir.resolve("link.txt")).as("a link is never followed").exists();
            assertThat(dir.resolve("sub/b.txt")).exists();
            Files.delete(secret);
        }

        @Test
        void shouldRecreateDoneWhenItDisappears() throws Exception {
            DropFolderSource folder = folder(Duration.ZERO);
            Files.delete(dir.resolve("done"));
            Files.writeString(dir.resolve("a.json"), NINJS);
            assertThat(folder.scanOnce()).isEqualTo(1);
            assertThat(folder.scanOnce()).as("not published again").isZero();
            assertThat(publisher.articles).hasSize(1);
            assertThat(dir.resolve("done/a.json")).exists();
        }

        @Test
        void shouldNotTakeAFileThatGrowsBetweenScans() throws Exception {
            DropFolderSource folder = folder(Duration.ofMillis(100));
            Path slow = dir.resolve("slow.txt");
            Files.writeString(slow, "Slow headline\n\nFirst part");
            assertThat(folder.scanOnce()).isZero();
            Thread.sleep(60);
            Files.writeString(slow, " and more.", java.nio.file.StandardOpenOption.APPEND);
            Thread.sleep(60);
            assertThat(folder.scanOnce()).as("it changed: the settle time starts again").isZero();
            Thread.sleep(150);
            assertThat(folder.scanOnce()).isEqualTo(1);
            assertThat(publisher.articles).singleElement().extracting(Article::bodyText).asString().endsWith("and more.");
        }

        @Test
        void shouldWaitUntilAFileHasSettled() throws Exception {
            DropFolderSource folder = folder(Duration.ofMillis(200));
            Files.writeString(dir.resolve("a.json"), NINJS);
            assertThat(folder.scanOnce()).as("just arrived").isZero();
            Thread.sleep(250);
            assertThat(folder.scanOnce()).isEqualTo(1);
        }

        @Test
        void shouldKeepTheFileWhenTheBrokerDidNotAcknowledgeAndPublishItAgainOnRestart() throws Exception {
            Files.writeString(dir.resolve("a.json"), NINJS);
            publisher.brokerDown = true;
            assertThat(folder(Duration.ZERO).scanOnce()).isZero();
            assertThat(dir.resolve("a.json")).as("not moved: nothing acknowledged").exists();

            // The process dies here; a new one starts with the broker back.
            publisher.brokerDown = false;
            assertThat(folder(Duration.ZERO).scanOnce()).isEqualTo(1);
            assertThat(publisher.articles).extracting(Article::id).containsExactly("urn:wire:1");
            assertThat(dir.resolve("done/a.json")).exists();
        }

        @Test
        void shouldPublishTheSameIdsWhenAFileIsReadAgainAfterACrashBeforeTheMove() throws Exception {
            Files.writeString(dir.resolve("story.txt"), "Talks resume\n\nOfficials met in Cairo.");
            Delivery first = new Delivery(publisher);
            files.read(List.of(dir.resolve("story.txt")), first);   // published, then the process died
            assertThat(first.await(Duration.ofSeconds(1))).isTrue();

            folder(Duration.ZERO).scanOnce();                       // the restarted source reads it again

            assertThat(publisher.articles).hasSize(2);
            assertThat(publisher.articles.get(1).id()).isEqualTo(publisher.articles.get(0).id());
        }
    }

    @Nested
    class HttpPush {
        final HttpClient client = HttpClient.newHttpClient();

        HttpResponse<String> post(HttpPushSource server, String token, String body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/articles"))
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        @Test
        void shouldAcceptAnyFormatWithTheToken() throws Exception {
            try (HttpPushSource server = new HttpPushSource(0, "t0ken", files, publisher, 1000)) {
                HttpResponse<String> ok = post(server, "t0ken", NINJS);
                assertThat(ok.statusCode()).isEqualTo(202);
                assertThat(ok.body()).contains("\"ids\":[\"urn:wire:1\"]");
                assertThat(post(server, "t0ken", "Plain headline\n\nPlain body.").statusCode()).isEqualTo(202);
                assertThat(publisher.articles).hasSize(2);
            }
        }

        @Test
        void shouldAnswerBadRequestsWithAReason() throws Exception {
            try (HttpPushSource server = new HttpPushSource(0, "t0ken", files, publisher, 1000)) {
                assertThat(post(server, null, NINJS).statusCode()).isEqualTo(401);
                assertThat(post(server, "wrong", NINJS).statusCode()).isEqualTo(401);
                assertThat(post(server, "t0ken", "x".repeat(1001)).statusCode()).isEqualTo(413);
                HttpResponse<String> bad = post(server, "t0ken", "<nitf><body>");
                assertThat(bad.statusCode()).isEqualTo(422);
                assertThat(bad.body()).contains("invalid XML");
                assertThat(publisher.deadLetters).hasSize(1);
                publisher.brokerDown = true;
                assertThat(post(server, "t0ken", NINJS).statusCode()).isEqualTo(503);
                assertThat(publisher.articles).isEmpty();
            }
        }

        HttpResponse<String> post(HttpPushSource server, byte[] body, String... headers) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/articles"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Authorization", "Bearer t0ken");
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private byte[] compressed(byte[] bytes, java.util.function.Function<java.io.OutputStream, java.io.OutputStream> wrap)
                throws Exception {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try (java.io.OutputStream z = wrap.apply(out)) {
                z.write(bytes);
            }
            return out.toByteArray();
        }

        @Test
        void shouldDecodeGzipAndDeflateBodiesWithinTheLimit() throws Exception {
            try (HttpPushSource server = new HttpPushSource(0, "t0ken", files, publisher, 1000)) {
                byte[] text = "Gzipped headline\n\nGzipped body.".getBytes(StandardCharsets.UTF_8);
                byte[] gzip = compressed(text, out -> {
                    try {
                        return new java.util.zip.GZIPOutputStream(out);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                assertThat(post(server, gzip, "Content-Encoding", "gzip").statusCode()).isEqualTo(202);
                byte[] deflate = compressed("Deflated headline\n\nDeflated body.".getBytes(StandardCharsets.UTF_8),
                        java.util.zip.DeflaterOutputStream::new);
                assertThat(post(server, deflate, "Content-Encoding", "deflate").statusCode()).isEqualTo(202);
                assertThat(publisher.articles).extracting(Article::headline)
                        .containsExactly("Gzipped headline", "Deflated headline");
                byte[] bomb = compressed(("H\n\n" + "x".repeat(100_000)).getBytes(StandardCharsets.UTF_8), out -> {
                    try {
                        return new java.util.zip.GZIPOutputStream(out);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                assertThat(bomb.length).isLessThan(1000);
                assertThat(post(server, bomb, "Content-Encoding", "gzip").statusCode())
                        .as("the limit holds for the decompressed body").isEqualTo(413);
                assertThat(post(server, text, "Content-Encoding", "br").statusCode()).isEqualTo(415);
            }
        }

        @Test
        void shouldTakeEachPartOfAMultipartPushAsAnInput() throws Exception {
            try (HttpPushSource server = new HttpPushSource(0, "t0ken", files, publisher, 10_000)) {
                String body = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"; filename=\"a.txt\"\r\n"
                        + "Content-Type: text/plain; charset=ISO-8859-1\r\n\r\n";
                byte[] first = body.getBytes(StandardCharsets.ISO_8859_1);
                byte[] latin = "Café talks\n\nThe café reopened.".getBytes(StandardCharsets.ISO_8859_1);
                byte[] rest = ("\r\n--XyZ\r\nContent-Disposition: form-data; name=\"b\"; filename=\"b.json\"\r\n"
                        + "Content-Type: application/json\r\n\r\n" + NINJS + "\r\n--XyZ--\r\n").getBytes(StandardCharsets.UTF_8);
                byte[] all = new byte[first.length + latin.length + rest.length];
                System.arraycopy(first, 0, all, 0, first.length);
                System.arraycopy(latin, 0, all, first.length, latin.length);
                System.arraycopy(rest, 0, all, first.length + latin.length, rest.length);
                HttpResponse<String> ok = post(server, all, "Content-Type", "multipart/form-data; boundary=XyZ");
                assertThat(ok.statusCode()).isEqualTo(202);
                assertThat(publisher.articles).extracting(Article::headline).containsExactly("Café talks",
                        publisher.articles.get(1).headline());
                assertThat(publisher.articles.get(1).id()).isEqualTo("urn:wire:1");
                assertThat(publisher.articles).noneMatch(a -> a.headline().contains("XyZ"));
            }
        }

        @Test
        void shouldMatchExactPathsAndKeepHealthAnsweringWhilePushesWait() throws Exception {
            try (HttpPushSource server = new HttpPushSource(0, "t0ken", files, publisher, 1000)) {
                HttpResponse<String> prefix = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + server.port() + "/articlesXYZ")).header("Authorization", "Bearer t0ken")
                        .POST(HttpRequest.BodyPublishers.ofString(NINJS)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(prefix.statusCode()).isEqualTo(404);
                assertThat(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/healthzzz")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);

                publisher.hold = new java.util.concurrent.CompletableFuture<>();
                List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> waiting = new java.util.ArrayList<>();
                for (int i = 0; i < HttpPushSource.PER_CLIENT + 1; i++) {
                    waiting.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                                    + "/articles")).header("Authorization", "Bearer t0ken")
                            .POST(HttpRequest.BodyPublishers.ofString("Headline " + i + "\n\nBody " + i + ".")).build(),
                            HttpResponse.BodyHandlers.ofString()));
                }
                HttpResponse<String> refused = java.util.concurrent.CompletableFuture.anyOf(waiting.toArray(
                        java.util.concurrent.CompletableFuture[]::new)).thenApply(r -> (HttpResponse<String>) r)
                        .get(5, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(refused.statusCode()).as("one client past its share").isEqualTo(429);
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + server.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).as("health while every push waits").isEqualTo(200);
                publisher.hold.complete(null);
                assertThat(waiting.stream().map(java.util.concurrent.CompletableFuture::join)
                        .filter(r -> r.statusCode() == 202)).hasSize(HttpPushSource.PER_CLIENT);
            }
        }

        @Test
        void shouldKeepAnsweringWhileClientsSendTheirHeadersSlowly() throws Exception {
            try (HttpPushSource server = new HttpPushSource(0, "t0ken", files, publisher, 1000)) {
                List<java.net.Socket> slow = new java.util.ArrayList<>();
                try {
                    for (int i = 0; i < 40; i++) {
                        java.net.Socket s = new java.net.Socket("127.0.0.1", server.port());
                        s.getOutputStream().write("POST /articles HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                        slow.add(s);
                    }
                    HttpResponse<String> ok = post(server, "t0ken", NINJS);
                    assertThat(ok.statusCode()).as("a real push while 40 clients dawdle").isEqualTo(202);
                } finally {
                    for (java.net.Socket s : slow) {
                        s.close();
                    }
                }
            }
        }

        @Test
        void shouldListenOnLoopbackUnlessToldOtherwise() throws Exception {
            try (HttpPushSource server = new HttpPushSource(0, "t0ken", files, publisher, 1000)) {
                assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
            }
        }

        @Test
        void shouldRefuseToStartWithoutAToken() {
            assertThatThrownBy(() -> new HttpPushSource(0, "", files, publisher, 1000))
                    .hasMessageContaining("NEWSWIRE_HTTP_TOKEN");
        }
    }

    @Nested
    class Feeds {
        static final String RSS = """
                <rss version="2.0"><channel><title>Wire</title>
                  <item><guid>urn:rss:1</guid><title>Talks resume</title><description>Officials met in Cairo.</description></item>
                  <item><guid>urn:rss:2</guid><title>Only a link</title><link>%s/page</link></item>
                </channel></rss>""";
        static final String PAGE = "<!DOCTYPE html><html><head><title>Only a link</title></head><body><article>"
                + "<p>" + "The full story was on the linked page, with every detail of the talks. ".repeat(6) + "</p>"
                + "</article></body></html>";

        @Test
        void shouldUseConditionalGetFetchLinkedPagesAndBackOffOnErrors() throws Exception {
            AtomicInteger fullResponses = new AtomicInteger();
            AtomicInteger requests = new AtomicInteger();
            AtomicReference<Integer> failWith = new AtomicReference<>(null);
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            server.createContext("/feed", exchange -> {
                requests.incrementAndGet();
                if (failWith.get() != null) {
                    exchange.sendResponseHeaders(failWith.get(), -1);
                } else if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                } else {
                    fullResponses.incrementAndGet();
                    byte[] body = RSS.formatted(base).getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("ETag", "\"v1\"");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
                exchange.close();
            });
            server.createContext("/page", exchange -> {
                byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
                exchange.close();
            });
            server.start();
            MutableClock clock = new MutableClock();
            try {
                FeedPoller poller = new FeedPoller(List.of(URI.create(base + "/feed")), Duration.ofSeconds(60), false,
                        publisher, new WebChromeCleaner(), 100_000, clock, true);
                assertThat(poller.pollDue()).isEqualTo(2);
                assertThat(publisher.articles).extracting(Article::id).containsExactly("urn:rss:1", "urn:rss:2");
                assertThat(publisher.articles.get(1).bodyText()).contains("full story was on the linked page");

                assertThat(poller.pollDue()).as("not due yet").isZero();
                clock.advance(Duration.ofSeconds(61));
                assertThat(poller.pollDue()).as("304 Not Modified").isZero();
                assertThat(fullResponses.get()).isEqualTo(1);

                failWith.set(500);
                clock.advance(Duration.ofSeconds(61));
                poller.pollDue();
                int afterFailure = requests.get();
                clock.advance(Duration.ofSeconds(61));
                poller.pollDue();
                assertThat(requests.get()).as("backing off: 120 s after one failure").isEqualTo(afterFailure);
                clock.advance(Duration.ofSeconds(60));
                poller.pollDue();
                assertThat(requests.get()).isEqualTo(afterFailure + 1);
            } finally {
                server.stop(0);
            }
        }

        private List<Article> pollOnce(byte[] feed, String contentType, long maxBytes) throws Exception {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/feed", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", contentType);
                exchange.sendResponseHeaders(200, feed.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(feed);
                }
                exchange.close();
            });
            server.start();
            try {
                new FeedPoller(List.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/feed")),
                        Duration.ofSeconds(60), false, publisher, new WebChromeCleaner(), maxBytes, new MutableClock(),
                        true).pollDue();
                return publisher.articles;
            } finally {
                server.stop(0);
            }
        }

        @Test
        void shouldNeverFetchInternalAddressesUnlessAllowed() throws Exception {
            SafeFetch strict = new SafeFetch(false, Duration.ofSeconds(2), Duration.ofSeconds(5));
            for (String uri : List.of("http://127.0.0.1:9/x", "http://localhost/x", "http://10.1.2.3/x",
                    "http://192.168.0.1/x", "http://169.254.169.254/latest/meta-data", "http://[::1]/x",
                    "http://[fd00::1]/x", "http://100.64.0.1/x", "file:///etc/passwd", "ftp://example.com/x")) {
                assertThatThrownBy(() -> strict.get(URI.create(uri), java.util.Map.of(), 1000)).as(uri)
                        .isInstanceOf(io.newswire.ingest.formats.RejectedInputException.class)
                        .hasMessageContaining("refused to fetch");
            }
        }

        @Test
        void shouldRecheckEveryRedirectAndCutOffATricklingServer() throws Exception {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            server.createContext("/hop", exchange -> {
                exchange.getResponseHeaders().add("Location", "file:///etc/passwd");
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            });
            server.createContext("/slow", exchange -> {
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int i = 0; i < 20; i++) {
                        out.write('x');
                        out.flush();
                        Thread.sleep(200);
                    }
                } catch (InterruptedException | java.io.IOException e) {
                    // the client hung up
                }
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
            try {
                SafeFetch fetch = new SafeFetch(true, Duration.ofSeconds(2), Duration.ofSeconds(1));
                assertThatThrownBy(() -> fetch.get(URI.create(base + "/hop"), java.util.Map.of(), 1000))
                        .hasMessageContaining("only http and https");
                assertThatThrownBy(() -> fetch.get(URI.create(base + "/slow"), java.util.Map.of(), 1000))
                        .as("20 bytes, one every 200 ms, against a deadline of 1 s")
                        .isInstanceOf(java.io.IOException.class).hasMessageContaining("within 1 s");
            } finally {
                server.stop(0);
            }
        }

        @Test
        void shouldReadTheCharsetTheHttpContentTypeGives() throws Exception {
            byte[] latin1 = """
                    <?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
                      <item><guid>urn:rss:c1</guid><title>Café talks</title><description>The minister’s café.</description></item>
                    </channel></rss>""".replace("’", "'").getBytes(StandardCharsets.ISO_8859_1);
            List<Article> out = pollOnce(latin1, "application/rss+xml; charset=ISO-8859-1", 100_000);
            assertThat(out).extracting(Article::headline).containsExactly("Café talks");
        }

        @Test
        void shouldGiveEntriesSharingAGuidIdsOfTheirOwn() throws Exception {
            byte[] feed = """
                    <rss version="2.0"><channel><title>Wire</title>
                      <item><guid>tag:feeds,2024:1</guid><link>https://a/1</link><title>Talks resume</title><description>Officials met.</description></item>
                      <item><guid>tag:feeds,2024:1</guid><link>https://a/2</link><title>Fires near Sydney</title><description>Crews fought fires.</description></item>
                    </channel></rss>""".getBytes(StandardCharsets.UTF_8);
            List<Article> out = pollOnce(feed, "application/rss+xml", 100_000);
            assertThat(out).extracting(Article::headline).containsExactly("Talks resume", "Fires near Sydney");
            assertThat(out.get(0).id()).isNotEqualTo(out.get(1).id());
        }

        @Test
        void shouldReadAFeedLargerThanOneArticleEntryByEntry() throws Exception {
            StringBuilder items = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                items.append("<item><guid>urn:big:").append(i).append("</guid><title>Story ").append(i)
                        .append("</title><description>").append("Officials met in Cairo. ".repeat(20))
                        .append("</description></item>");
            }
            byte[] feed = ("<rss version=\"2.0\"><channel><title>Wire</title>" + items + "</channel></rss>")
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(feed.length).as("the feed is larger than the article limit").isGreaterThan(5_000);
            assertThat(pollOnce(feed, "application/rss+xml", 5_000)).hasSize(20);
        }
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
