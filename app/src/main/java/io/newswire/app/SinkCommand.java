package io.newswire.app;

import java.util.concurrent.CountDownLatch;
import io.newswire.common.NewswireConfig;
import io.newswire.sinks.SinkRunner;

/** {@code newswire sink}: writes the output topics to files until stopped. */
final class SinkCommand implements Command {

    @Override
    public String name() {
        return "sink";
    }

    @Override
    public String summary() {
        return "write news.enriched and news.dlq to JSON Lines files until stopped";
    }

    @Override
    public String help() {
        return """
                Usage: newswire sink --bootstrap-servers HOST:PORT [--out DIR] [settings]

                Consumes news.enriched and news.dlq (read_committed) and appends each record once to
                DIR/<topic>.jsonl, committing offsets only after the files are flushed. Runs until
                SIGTERM or Ctrl-C.
                """ + Main.SETTINGS_HELP;
    }

    @Override
    public int execute(Args args, NewswireConfig config) throws Exception {
        TopicAdmin.ensureTopics(config);
        SinkRunner sink = new SinkRunner(config);
        CountDownLatch finished = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sink.stop();
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "newswire-shutdown"));
        System.out.println("newswire sink: writing to " + config.outDir() + "; stop with SIGTERM or Ctrl-C");
        try {
            sink.run();
        } finally {
            finished.countDown();
        }
        return 0;
    }
}
