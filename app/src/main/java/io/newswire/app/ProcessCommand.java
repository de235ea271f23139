package io.newswire.app;

import io.newswire.common.Setting;
import java.util.List;
import java.util.Map;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newswire.common.NewswireConfig;
import io.newswire.processors.nlp.Enrichment;
import io.newswire.processors.ProcessorsApp;
import org.apache.kafka.streams.KafkaStreams;

/** {@code newswire process}: runs the processors against a cluster until stopped (SIGTERM or Ctrl-C). */
final class ProcessCommand implements Command {

    @Override
    public String name() {
        return "process";
    }

    @Override
    public String summary() {
        return "run the Kafka Streams processors until stopped";
    }

    @Override
    public List<Setting<?>> settings() {
        return Roles.PROCESS;
    }

    @Override
    public String help() {
        return """
                Usage: newswire process --bootstrap-servers HOST:PORT [--serve] [settings]

                Runs the topology news.raw -> validate -> normalize -> enrich -> dedup -> news.enriched
                (rejects to news.dlq, decisions to news.decisions) until SIGTERM or Ctrl-C, then closes
                cleanly. Start more instances with the same application.id to scale out. With --serve it
                also serves Kafka Streams' metrics at /metrics, /health and /health/ready (ready while the
                processors run) and the live dashboard on dashboard.port.
                """;
    }

    @Override
    public int execute(Args args, NewswireConfig config) throws Exception {
        TopicAdmin.ensureTopics(config);
        SchemaRegistration.registerIfConfigured(config);
        ProcessorsApp processors = new ProcessorsApp(config, Enrichment.withModels());
        Runtime.getRuntime().addShutdownHook(new Thread(processors::close, "newswire-shutdown"));
        Dashboard dashboard = null;
        if (args.options().containsKey("serve")) {
            PrometheusMeterRegistry registry = Dashboard.registry();
            processors.bindMetrics(registry);
            dashboard = Dashboard.start(config, registry, Map.of(
                    "processors", () -> processors.state() == KafkaStreams.State.RUNNING));
            System.out.println("newswire process: dashboard, /metrics and /health at " + dashboard.url());
        }
        processors.start();
        System.out.println("newswire process: running; stop with SIGTERM or Ctrl-C");
        // Returns only when the client died: a SIGTERM runs the hook and the JVM exits with it.
        KafkaStreams.State end;
        try {
            end = processors.awaitEnd();
        } finally {
            if (dashboard != null) {
                dashboard.close();
            }
        }
        processors.close();
        System.err.println("newswire process: the Kafka Streams client stopped (" + end
                + "); see the error logged above. Exiting.");
        return 1;
    }
}
