package io.newswire.app;

import io.newswire.common.NewswireConfig;
import io.newswire.common.Setting;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft broker (combined broker + controller) running in this JVM from the Kafka jars
 * on Maven Central, for the demo and the integration tests. Listens on loopback ports chosen at start.
 *
 * <p>Its data lives in the given folder, or in a temporary folder that {@link #close()} removes.
 * Not for production: replication factor 1 everywhere, no security.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    public static final Setting<String> DATA_DIR = new Setting<>("data.dir", "",
            s -> s, "embedded broker data folder; empty uses a temporary folder removed on exit");

    /** The configured data folder of the embedded broker; empty for a temporary one. */
    public static Optional<Path> dataDir(NewswireConfig config) {
        String dir = config.get(DATA_DIR);
        return dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
    }

    private final Path dataDir;
    private final boolean removeOnClose;
    private final String bootstrapServers;
    private boolean closed;

    private EmbeddedKafka(KafkaRaftServer server, Path dataDir, boolean removeOnClose, String bootstrapServers) {
        this.server = server;
        this.dataDir = dataDir;
        this.removeOnClose = removeOnClose;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats the storage (if new), starts the broker and waits until it answers a metadata request.
     *
     * @param dataDir where to keep the log; empty for a temporary folder removed on close
     */
    public static EmbeddedKafka start(Optional<Path> dataDir) {
        return start(dataDir, 0);
    }

    /** @param port the client listener port; 0 for any free port */
    public static EmbeddedKafka start(Optional<Path> dataDir, int port) {
        long started = System.nanoTime();
        try {
            Path dir = dataDir.isPresent() ? Files.createDirectories(dataDir.get())
                    : Folders.temporary("kafka");
            int brokerPort = port > 0 ? port : freePort();
            int controllerPort = freePort();
            Properties props = serverProperties(dir, brokerPort, controllerPort);
            KafkaConfig config = KafkaConfig.fromProps(props, false);
            if (!Files.exists(dir.resolve("meta.properties"))) {
                format(dir);
            }
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            String bootstrap = "127.0.0.1:" + brokerPort;
            EmbeddedKafka kafka = new EmbeddedKafka(server, dir, dataDir.isEmpty(), bootstrap);
            kafka.awaitReady();
            LOG.info("Embedded Kafka ready at {} in {} ms (data in {})", bootstrap,
                    (System.nanoTime() - started) / 1_000_000, dir);
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded broker's data folder", e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        if (removeOnClose) {
            Folders.remove(dataDir);
        }
    }

    private static Properties serverProperties(Path dir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dir.toString());
        // A single node can only hold one replica of the internal topics.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "false");
        return p;
    }

    private static void format(Path dir) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(1)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(dir.toString())
                    .setDirectories(List.of(dir.toString()))
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setFeatureLevel("transaction.version", (short) 1)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the embedded broker's storage in " + dir, e);
        }
    }

    private void awaitReady() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get().isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        close();
                        throw new IllegalStateException("embedded broker not ready after " + READY_TIMEOUT, e);
                    }
                }
                sleep(100);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the embedded broker", e);
        }
    }
}
