package io.newswire.app;

import io.newswire.common.Setting;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import io.newswire.common.NewswireConfig;
import io.newswire.ingest.ArticlePublisher;
import io.newswire.ingest.sources.BatchIngest;
import io.newswire.ingest.Delivery;
import io.newswire.ingest.sources.DropFolderSource;
import io.newswire.ingest.sources.FeedPoller;
import io.newswire.ingest.sources.FileSource;
import io.newswire.ingest.sources.HttpPushSource;
import io.newswire.ingest.sources.SafeFetch;
import io.newswire.ingest.sources.Supervised;
import io.newswire.ingest.formats.WebChromeCleaner;
import io.newswire.ingest.formats.Formats;
import io.newswire.ingest.formats.ItemFormat;

/**
 * {@code newswire ingest}: publishes to the raw topic of a running cluster, from files and folders once
 * (and stdin as "-"), or continuously from a watched drop folder, RSS/Atom feeds and the HTTP endpoint.
 */
final class IngestCommand implements Command {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public String summary() {
        return "publish files, stdin, a drop folder, feeds or HTTP pushes to news.raw";
    }

    @Override
    public List<Setting<?>> settings() {
        return Roles.INGEST;
    }

    @Override
    public String help() {
        return """
                Usage: newswire ingest --bootstrap-servers HOST:PORT [--format NAME] [--input] PATH... [settings]
                       newswire ingest --bootstrap-servers HOST:PORT [--watch DIR] [--feed URL[,URL...]]
                                       [--interval SECONDS] [--fetch-links true] [--http PORT]

                Once: reads every file under the given paths ("-" reads stdin), in any supported format
                (detected per file, or forced with --format: text, ninjs, newsml-g2, nitf, newsml-1, feed,
                html), publishes each article to news.raw (idempotent producer, acks=all, keyed by article
                id), and exits when the broker has acknowledged everything. Unreadable files and items go to
                news.dlq with the reason; pictures, video and packages are skipped.

                Continuously (until SIGTERM or Ctrl-C; the three may be combined):
                  --watch DIR        pick up files dropped into DIR once complete; after the broker
                                     acknowledged them move them to DIR/done, or DIR/failed with a .reason
                  --feed URL,...     poll RSS/Atom feeds every --interval seconds (default 300) with
                                     conditional GET and backoff on errors; --fetch-links true also reads
                                     the linked page of entries that carry only a summary
                  --http PORT        POST /articles (any format) with "Authorization: Bearer <http.token>";
                                     202 with the article ids, 4xx with the reason
                """;
    }

    @Override
    public int execute(Args args, NewswireConfig config) throws Exception {
        Optional<String> watch = Optional.ofNullable(args.options().get("watch"));
        Optional<String> feeds = Optional.ofNullable(args.options().get("feed"));
        Optional<String> http = Optional.ofNullable(args.options().get("http"));
        if (watch.isEmpty() && feeds.isEmpty() && http.isEmpty() && args.inputs().isEmpty()) {
            throw new Args.UsageException("ingest needs input paths, or --watch, --feed or --http");
        }
        TopicAdmin.ensureTopics(config);
        SchemaRegistration.registerIfConfigured(config);
        try (ArticlePublisher publisher = new ArticlePublisher(config.clientProperties(), config.topics())) {
            FileSource files = files(config, Clock.systemUTC(), Optional.ofNullable(args.options().get("format")));
            if (watch.isEmpty() && feeds.isEmpty() && http.isEmpty()) {
                return once(args.inputs(), files, publisher);
            }
            return continuously(args, config, files, publisher, watch, feeds, http);
        }
    }

    private static int once(List<Path> inputs, FileSource files, ArticlePublisher publisher) throws Exception {
        List<Path> paths = new ArrayList<>(inputs);
        int failed = 0;
        int stdinArticles = 0;
        if (paths.removeIf(p -> p.toString().equals("-"))) {
            Delivery delivery = new Delivery(publisher);
            files.readBytes(System.in.readAllBytes(), "stdin", "stdin", delivery);
            failed += delivery.await(ACK_TIMEOUT) ? 0 : 1;
            stdinArticles = delivery.ids().size();
            System.out.printf("newswire ingest: stdin: %d article(s) %s, %d dead letter(s)%n", stdinArticles,
                    delivery.ids(), delivery.reasons().size());
        }
        if (!paths.isEmpty()) {
            long started = System.nanoTime();
            BatchIngest.Report report = new BatchIngest(files, publisher).run(paths);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(java.util.Locale.ROOT, "newswire ingest: read %d, published %d, dead letters %d, "
                            + "skipped %d, failed %d, %.1f s, %.0f articles/s%n", report.files(), report.published(),
                    report.rejected(), report.skipped(), report.failed(), seconds, report.published() / seconds);
            failed += report.failed();
        }
        return failed == 0 ? 0 : 1;
    }

    private static int continuously(Args args, NewswireConfig config, FileSource files, ArticlePublisher publisher,
                                    Optional<String> watch, Optional<String> feeds, Optional<String> http)
            throws Exception {
        List<Runnable> stops = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        if (watch.isPresent()) {
            DropFolderSource folder = new DropFolderSource(Path.of(watch.get()), files, publisher,
                    Duration.ofSeconds(1), Duration.ofSeconds(2), Clock.systemUTC());
            threads.add(new Thread(new Supervised("watch " + watch.get(), folder), "newswire-watch"));
            stops.add(folder::stop);
            System.out.println("newswire ingest: watching " + watch.get());
        }
        if (feeds.isPresent()) {
            List<URI> uris = Arrays.stream(feeds.get().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(URI::create).toList();
            FeedPoller poller = new FeedPoller(uris, Duration.ofSeconds(args.intOption("interval", 300)),
                    Boolean.parseBoolean(args.options().getOrDefault("fetch-links", "false")), publisher,
                    new WebChromeCleaner(), config.maxArticleBytes(), Clock.systemUTC(),
                    config.get(SafeFetch.ALLOW_PRIVATE));
            threads.add(new Thread(new Supervised("feeds", poller), "newswire-feeds"));
            stops.add(poller::stop);
            System.out.println("newswire ingest: polling " + uris);
        }
        HttpPushSource server = null;
        if (http.isPresent()) {
            try {
                server = new HttpPushSource(config.get(HttpPushSource.HOST), args.intOption("http", 8080),
                        config.get(HttpPushSource.TOKEN), files, publisher, config.maxArticleBytes());
            } catch (IllegalArgumentException e) {
                throw new Args.UsageException(e.getMessage());
            }
            System.out.println("newswire ingest: accepting POST http://" + config.get(HttpPushSource.HOST) + ":"
                    + server.port() + "/articles");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        HttpPushSource httpServer = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stops.forEach(Runnable::run);
            if (httpServer != null) {
                httpServer.close();
            }
            threads.forEach(Thread::interrupt);
            stopped.countDown();
        }, "newswire-shutdown"));
        threads.forEach(Thread::start);
        stopped.await();
        for (Thread t : threads) {
            t.join(5_000);
        }
        return 0;
    }

    /** @param format a format name to force, or empty to detect each file's format */
    static FileSource files(NewswireConfig config, Clock clock, Optional<String> format) {
        Formats formats = new Formats(new WebChromeCleaner());
        Optional<ItemFormat> forced;
        try {
            forced = format.map(formats::named);
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
        return new FileSource(formats, forced, config.maxArticleBytes(), clock);
    }

    static BatchIngest batch(NewswireConfig config, ArticlePublisher publisher, Clock clock, Optional<String> format) {
        return new BatchIngest(files(config, clock, format), publisher);
    }
}
