package io.newswire.app;

import java.util.Map;
import java.util.Optional;
import io.newswire.common.NewswireConfig;
import io.newswire.processors.nlp.Enrichment;
import io.newswire.processors.ProcessorsApp;

/**
 * The processors alone in a JVM of their own, for the crash tests to kill with SIGKILL: args are the
 * bootstrap servers, the state folder (kept across restarts, as on a real host; empty for the default, a
 * temporary one of the instance's own), optionally the partition count and the enrich workers. No NER models, so a restart
 * takes seconds; the topology is the production one.
 */
public final class ProcessorsChild {

    private ProcessorsChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        NewswireConfig config = NewswireConfig.load(Optional.empty(), Map.of(), Map.of(
                "bootstrap.servers", args[0], "state.dir", args[1], "topic.partitions", args.length > 2 ? args[2] : "3",
                "enrich.workers", args.length > 3 ? args[3] : "0",
                // A killed member leaves the group after this, not the 45 s default: restarts stay quick.
                "kafka.session.timeout.ms", "6000"), Roles.PROCESS, Roles.ALL);
        ProcessorsApp processors = new ProcessorsApp(config, Enrichment.none());
        processors.start();
        System.out.println("processors child started");
        Thread.currentThread().join();
    }
}
