package io.newswire.sinks;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import io.newswire.common.NewswireConfig;
import io.newswire.sinks.file.FileSink;
import io.newswire.sinks.postgres.PostgresSink;
import io.newswire.sinks.webhook.WebhookSink;

/** Opens the sinks the configuration names ({@code sinks=file,postgres,webhook}), in that order. */
public final class Sinks {

    private Sinks() {
    }

    /**
     * @throws Exception when a sink cannot start (the database is unreachable, the output folder unwritable);
     *                   sinks opened before it are closed
     */
    public static List<RecordSink> open(NewswireConfig config, Clock clock) throws Exception {
        SinkSettings settings = SinkSettings.from(config);
        List<RecordSink> sinks = new ArrayList<>();
        try {
            for (SinkSettings.Kind kind : settings.sinks()) {
                sinks.add(switch (kind) {
                    case FILE -> new FileSink(settings.outDir(), config.topics(), settings.fileFormats(),
                            settings.fileRollBytes(), clock);
                    case POSTGRES -> new PostgresSink(settings.jdbcUrl().orElseThrow(), settings.jdbcUser(),
                            settings.jdbcPassword());
                    case WEBHOOK -> new WebhookSink(URI.create(settings.webhookUrl().orElseThrow()),
                            settings.webhookAuth(), config.get(SinkSettings.WEBHOOK_SECRET),
                            config.get(SinkSettings.WEBHOOK_CLOUDEVENTS), clock);
                });
            }
            return sinks;
        } catch (Exception e) {
            for (RecordSink sink : sinks) {
                try {
                    sink.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }
}
