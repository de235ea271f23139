package io.newswire.app;

import io.newswire.common.Setting;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import io.newswire.common.NewswireConfig;

/**
 * {@code newswire broker}: the embedded single-node KRaft broker on its own, so the separate roles
 * ({@code ingest}, {@code process}, {@code sink}) can be tried without a cluster.
 */
final class BrokerCommand implements Command {

    @Override
    public String name() {
        return "broker";
    }

    @Override
    public String summary() {
        return "run the embedded single-node Kafka broker until stopped (for trying the roles locally)";
    }

    @Override
    public List<Setting<?>> settings() {
        return Roles.BROKER;
    }

    @Override
    public String help() {
        return """
                Usage: newswire broker [--data-dir DIR] [--port PORT]

                Starts the embedded KRaft broker (broker + controller in one process) on 127.0.0.1,
                creates the topics, prints its bootstrap address and runs until SIGTERM or Ctrl-C.
                Data lives in --data-dir (kept) or a temporary folder (removed on exit). Then, in other
                terminals: ./newswire process --bootstrap-servers ADDRESS, and so on.

                  --port PORT   listener port (default: any free port)
                """;
    }

    @Override
    public int execute(Args args, NewswireConfig config) throws Exception {
        EmbeddedKafka broker = EmbeddedKafka.start(EmbeddedKafka.dataDir(config), args.intOption("port", 0));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "newswire-shutdown"));
        TopicAdmin.ensureTopics(config.withBootstrapServers(broker.bootstrapServers()));
        System.out.println("newswire broker: listening at " + broker.bootstrapServers()
                + "; stop with SIGTERM or Ctrl-C");
        stopped.await();
        return 0;
    }
}
