package io.newswire.app;

import io.newswire.common.Setting;
import java.util.List;
import io.newswire.sinks.SinkSettings;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newswire.common.NewswireConfig;
import io.newswire.sinks.SinkMetrics;
import io.newswire.sinks.SinkRunner;
import io.newswire.sinks.Sinks;

/** {@code newswire sink}: writes the output topics to the configured sinks until stopped. */
final class SinkCommand implements Command {

    @Override
    public String name() {
        return "sink";
    }

    @Override
    public String summary() {
        return "write the output topics to files, PostgreSQL or a webhook until stopped (--serve: dashboard)";
    }

    @Override
    public List<Setting<?>> settings() {
        return Roles.SINK;
    }

    @Override
    public String help() {
        return """
                Usage: newswire sink --bootstrap-servers HOST:PORT [--out DIR] [--sinks file,postgres,webhook] [--serve]

                Consumes news.enriched, news.stories, news.decisions and news.dlq (read_committed) and
                writes each record once to every configured sink (sinks=file by default: JSON Lines under
                DIR/<topic>/, a file a day), committing offsets only after every sink's write is durable.
                A record a sink can never take is dead-lettered with the reason; a failing sink is retried
                with backoff (sink.retry.attempts), then the command stops without committing.
                With --serve it also serves the live dashboard, /metrics and /health on dashboard.port.
                Runs until SIGTERM or Ctrl-C.
                """;
    }

    @Override
    public int execute(Args args, NewswireConfig config) throws Exception {
        TopicAdmin.ensureTopics(config);
        PrometheusMeterRegistry registry = Dashboard.registry();
        SinkRunner sink = new SinkRunner(config, Sinks.open(config, Clock.systemUTC()), new SinkMetrics(registry),
                Clock.systemUTC());
        CountDownLatch finished = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sink.stop();
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "newswire-shutdown"));
        System.out.println("newswire sink: writing to " + SinkSettings.from(config).sinks() + "; stop with SIGTERM or Ctrl-C");
        Dashboard dashboard = null;
        try {
            if (args.options().containsKey("serve")) {
                dashboard = Dashboard.start(config, registry, Map.of());
                System.out.println("newswire sink: dashboard at " + dashboard.url());
            }
            sink.run();
        } finally {
            if (dashboard != null) {
                dashboard.close();
            }
            finished.countDown();
        }
        return 0;
    }
}
