package io.newswire.app;

import java.util.concurrent.CountDownLatch;
import io.newswire.common.NewswireConfig;
import io.newswire.processors.Enrichment;
import io.newswire.processors.ProcessorsApp;

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
    public String help() {
        return """
                Usage: newswire process --bootstrap-servers HOST:PORT [settings]

                Runs the topology news.raw -> validate -> normalize -> enrich -> dedup -> news.enriched
                (rejects to news.dlq, decisions to news.decisions) until SIGTERM or Ctrl-C, then closes
                cleanly. Start more instances with the same application.id to scale out.
                """ + Main.SETTINGS_HELP;
    }

    @Override
    public int execute(Args args, NewswireConfig config) throws Exception {
        TopicAdmin.ensureTopics(config);
        CountDownLatch stopped = new CountDownLatch(1);
        ProcessorsApp processors = new ProcessorsApp(config, Enrichment.withModels());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            processors.close();
            stopped.countDown();
        }, "newswire-shutdown"));
        processors.start();
        System.out.println("newswire process: running; stop with SIGTERM or Ctrl-C");
        stopped.await();
        return 0;
    }
}
