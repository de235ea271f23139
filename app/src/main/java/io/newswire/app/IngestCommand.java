package io.newswire.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import io.newswire.common.NewswireConfig;
import io.newswire.ingest.ArticlePublisher;
import io.newswire.ingest.BatchIngest;
import io.newswire.ingest.FileSource;
import io.newswire.ingest.PlainTextFormat;
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
                Usage: newswire ingest --bootstrap-servers HOST:PORT [--input] PATH... [settings]

                Reads every file under the given paths and publishes each article to news.raw (idempotent
                producer, acks=all, keyed by article id); unreadable files go to news.dlq with the reason.
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
            report = batch(config, publisher, Clock.systemUTC()).run(args.inputs());
        }
        System.out.printf("newswire ingest: read %d, published %d, dead letters %d, failed %d%n",
                report.files(), report.published(), report.rejected(), report.failed());
        return report.failed() == 0 ? 0 : 1;
    }

    static BatchIngest batch(NewswireConfig config, ArticlePublisher publisher, Clock clock) {
        FileSource files = new FileSource(new PlainTextFormat(new WebChromeCleaner()), config.maxArticleBytes(), clock);
        return new BatchIngest(files, publisher);
    }

}
