package io.newswire.app;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswire.common.NewswireConfig;
import io.newswire.sinks.SinkMetrics;
import io.newswire.sinks.SinkRunner;
import io.newswire.sinks.Sinks;

/**
 * The sinks alone in a JVM of their own (files and PostgreSQL), for the crash test to kill with SIGKILL.
 * Args: bootstrap servers, output folder, JDBC URL; the database user and password come from the
 * environment ({@code NEWSWIRE_SINK_JDBC_USER}, {@code NEWSWIRE_SINK_JDBC_PASSWORD}), as in production.
 */
public final class SinkChild {

    private SinkChild() {
    }

    public static void main(String[] args) throws Exception {
        NewswireConfig config = NewswireConfig.load(Optional.empty(), System.getenv(), Map.of(
                "bootstrap.servers", args[0], "out.dir", args[1], "sinks", "file,postgres", "sink.jdbc.url", args[2],
                "kafka.session.timeout.ms", "6000"), Roles.SINK, Roles.ALL);
        SinkRunner runner = new SinkRunner(config, Sinks.open(config, Clock.systemUTC()),
                new SinkMetrics(new SimpleMeterRegistry()), Clock.systemUTC());
        System.out.println("sink child started");
        runner.run();
    }
}
