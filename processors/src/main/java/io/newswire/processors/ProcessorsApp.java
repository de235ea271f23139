package io.newswire.processors;

import io.newswire.processors.nlp.Enrichment;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import io.newswire.common.NewswireConfig;
import io.newswire.common.Setting;
import io.newswire.processors.state.RocksDbOptions;
import io.newswire.processors.state.SharedRocksDbCache;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@link NewsTopology} as a Kafka Streams application. Scale-out: start more instances. */
public final class ProcessorsApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorsApp.class);

    public static final Setting<String> APPLICATION_ID = new Setting<>("application.id", "newswire-processors",
            s -> s, "Kafka Streams application id (consumer group of the processors)");
    public static final Setting<String> GUARANTEE = new Setting<>("processing.guarantee", "exactly_once_v2",
            Setting.oneOf("exactly_once_v2", "at_least_once"), "Kafka Streams processing guarantee");
    public static final Setting<String> STATE_DIR = new Setting<>("state.dir", "",
            s -> s, "Kafka Streams state directory; empty uses a folder under java.io.tmpdir");

    public static final Setting<Integer> STATE_CACHE_MB = new Setting<>("state.cache.mb", "0",
            raw -> raw.equals("0") ? 0 : Setting.positiveInt(raw),
            "a bound on RocksDB memory: one block cache and memtable budget shared by every state store, in MB; 0 (default) leaves each store its own");

    public static final Setting<String> STATE_COMPRESSION = new Setting<>("state.compression", "lz4",
            raw -> {
                RocksDbOptions.compressionType(raw);
                return raw;
            },
            "compression of the state stores' RocksDB files: lz4 (default), zstd or none");

    /** What the processors read besides the shared settings: Kafka Streams' and the topology's. */
    public static final List<Setting<?>> SETTINGS = Stream.concat(Stream.of(APPLICATION_ID, GUARANTEE, STATE_DIR,
                    STATE_CACHE_MB, STATE_COMPRESSION),
            TopologySettings.SETTINGS.stream()).toList();

    private final KafkaStreams streams;
    private final StateDirectory stateDirectory;
    private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean closing;

    public ProcessorsApp(NewswireConfig config, Enrichment enrichment) {
        Topology topology = NewsTopology.build(config.topics(), enrichment, TopologySettings.from(config),
                Clock.systemUTC());
        this.stateDirectory = StateDirectory.claim(config.get(STATE_DIR), clusterId(config));
        Properties props = streamsProperties(config);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.path().toString());
        this.streams = new KafkaStreams(topology, props);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed; shutting the processors down", e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                    .SHUTDOWN_CLIENT;
        });
        // A client that dies (a stream thread failed, internal topics refused, state that cannot be
        // restored) must end the role rather than leave a process that looks alive and does nothing.
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.ERROR || (now == KafkaStreams.State.NOT_RUNNING && !closing)) {
                ended.countDown();
            }
        });
    }

    /**
     * Waits until the Streams client ends on its own (an error, never a {@link #close()}).
     *
     * @return the state it ended in
     */
    public KafkaStreams.State awaitEnd() throws InterruptedException {
        ended.await();
        return streams.state();
    }

    public static Properties streamsProperties(NewswireConfig config) {
        Properties props = config.clientProperties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.get(APPLICATION_ID));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.get(GUARANTEE));
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.replicationFactor());
        // Opt in now to what becomes the default in Kafka 5.0, instead of a warning at every start.
        props.put("processing.exception.handler.global.enabled", "true");
        // No record stops the pipeline: what a processor throws on, or the broker refuses, is dead-lettered.
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringHandlers.Processing.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringHandlers.Production.class);
        props.put(DeadLetteringHandlers.DLQ_TOPIC, config.topics().dlq().name());
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, RocksDbOptions.class);
        props.put(RocksDbOptions.COMPRESSION_CONFIG, config.get(STATE_COMPRESSION));
        // Changelogs and repartition topics carry JSON articles and members: compressed as ingest's records
        // are, unless the user chose a compression for Streams' producers or for every client.
        String producerCompression = StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG);
        if (!props.containsKey(producerCompression) && !props.containsKey(ProducerConfig.COMPRESSION_TYPE_CONFIG)) {
            props.put(producerCompression, "lz4");
        }
        if (config.get(STATE_CACHE_MB) > 0) {
            props.put(SharedRocksDbCache.CACHE_BYTES_CONFIG,
                    Long.toString(config.get(STATE_CACHE_MB) * 1024L * 1024L));
        }
        return props;
    }

    private static String clusterId(NewswireConfig config) {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                config.clientProperties())) {
            return admin.describeCluster().clusterId().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot reach the cluster at " + config.bootstrapServers().orElse("?")
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the cluster for its id", e);
        }
    }

    /**
     * Kafka Streams' own metrics (rates, lag, state stores) in the given registry, for /metrics, and what the
     * steps wrote to each output topic by kind ({@code newswire_processed_records_total{topic,kind}}).
     */
    public void bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        new io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics(streams).bindTo(registry);
        StageCounts.KINDS.forEach((topic, kinds) -> kinds.forEach(kind -> io.micrometer.core.instrument.FunctionCounter
                .builder("newswire.processed.records", streams, s -> StageCounts.total(s.metrics(), topic, kind))
                .description("records the processors wrote to an output topic, by kind (a decision's kind, a dead "
                        + "letter's stage)")
                .tags("topic", topic, "kind", kind).register(registry)));
    }

    public void start() {
        streams.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public synchronized void close() {
        if (closing) {
            return;
        }
        closing = true;
        streams.close(Duration.ofSeconds(30));
        stateDirectory.close();
    }
}
