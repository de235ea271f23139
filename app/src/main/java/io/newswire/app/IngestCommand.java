package io.newswire.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import io.newswire.ingest.format.Formats;
import io.newswire.ingest.format.ItemFormat;
import io.newswire.common.NewswireConfig;
import io.newswire.ingest.ArticlePublisher;
import io.newswire.ingest.BatchIngest;
import io.newswire.ingest.FileSource;
import io.newswire.ingest.WebChromeCleaner;

/** {@code newswire ingest}: publishes files to the raw topic of a running cluster, then exits. */
final class IngestCommand implements Command {

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public String summary() {
        return "publish files and folders to news.raw on a Kafka cluster";
    }

    @Override
    public String help() {
        return """
                Usage: newswire ingest --bootstrap-servers HOST:PORT [--format NAME] [--input] PATH... [settings]

                Reads every file under the given paths, in any supported format (detected per file, or
                forced with --format: text, ninjs, newsml-g2, nitf, newsml-1, feed, html), and publishes each
                article to news.raw (idempotent producer, acks=all, keyed by article id). Unreadable files
                and items go to news.dlq with the reason; pictures, video and packages are skipped.
                Exits once the broker has acknowledged every record, printing the counts.
                """ + Main.SETTINGS_HELP;
    }

    @Override
    public int execute(Args args, NewswireConfig config) throws Exception {
        if (args.inputs().isEmpty()) {
            throw new Args.UsageException("ingest needs at least one input path");
        }
        TopicAdmin.ensureTopics(config);
        BatchIngest.Report report;
        try (ArticlePublisher publisher = new ArticlePublisher(config.clientProperties(), config.topics())) {
            report = batch(config, publisher, Clock.systemUTC(), Optional.ofNullable(args.options().get("format")))
                    .run(args.inputs());
        }
        System.out.printf("newswire ingest: read %d, published %d, dead letters %d, skipped %d, failed %d%n",
                report.files(), report.published(), report.rejected(), report.skipped(), report.failed());
        return report.failed() == 0 ? 0 : 1;
    }

    /** @param format a format name to force, or empty to detect each file's format */
    static BatchIngest batch(NewswireConfig config, ArticlePublisher publisher, Clock clock, Optional<String> format) {
        Formats formats = new Formats(new WebChromeCleaner());
        Optional<ItemFormat> forced;
        try {
            forced = format.map(formats::named);
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
        return new BatchIngest(new FileSource(formats, forced, config.maxArticleBytes(), clock), publisher);
    }

}
