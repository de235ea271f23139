package io.newswire.common;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The typed configuration of every role, parsed once at start-up.
 *
 * <p>Precedence, lowest first: defaults, the properties file ({@code --config FILE}), the environment
 * ({@code NEWSWIRE_*}, and {@code KAFKA_BOOTSTRAP_SERVERS}), command-line flags. Keys starting with
 * {@code kafka.} in the file or flags are passed to every Kafka client with the prefix removed (for
 * security settings of a real cluster; keep their secrets in the file or environment, not the repo).
 *
 * @param bootstrapServers empty means: start the embedded broker
 */
public record NewswireConfig(
        Optional<String> bootstrapServers,
        String topicPrefix,
        int partitions,
        short replicationFactor,
        String processingGuarantee,
        String applicationId,
        String sinkGroupId,
        Optional<Path> stateDir,
        Path outDir,
        Optional<Path> dataDir,
        int maxArticleBytes,
        String httpToken,
        int dedupRetentionDays,
        double dedupNearThreshold,
        double storyThreshold,
        SinkSettings sinks,
        Map<String, String> kafkaOverrides) {

    public static final Setting<String> BOOTSTRAP_SERVERS = new Setting<>("bootstrap.servers", "",
            s -> s, "Kafka bootstrap servers; empty starts an embedded single-node broker");
    public static final Setting<String> TOPIC_PREFIX = new Setting<>("topic.prefix", "",
            s -> s, "prefix for every topic name, so several pipelines can share a cluster");
    public static final Setting<Integer> PARTITIONS = new Setting<>("topic.partitions", "3",
            Setting::positiveInt, "partitions of each topic created at start-up");
    public static final Setting<Integer> REPLICATION = new Setting<>("topic.replication.factor", "1",
            Setting::positiveInt, "replication factor of each topic created at start-up");
    public static final Setting<String> GUARANTEE = new Setting<>("processing.guarantee", "exactly_once_v2",
            Setting.oneOf("exactly_once_v2", "at_least_once"), "Kafka Streams processing guarantee");
    public static final Setting<String> APPLICATION_ID = new Setting<>("application.id", "newswire-processors",
            s -> s, "Kafka Streams application id (consumer group of the processors)");
    public static final Setting<String> SINK_GROUP_ID = new Setting<>("sink.group.id", "newswire-sinks",
            s -> s, "consumer group of the sinks");
    public static final Setting<String> STATE_DIR = new Setting<>("state.dir", "",
            s -> s, "Kafka Streams state directory; empty uses a folder under java.io.tmpdir");
    public static final Setting<String> OUT_DIR = new Setting<>("out.dir", "out",
            s -> s, "folder the file sink writes to");
    public static final Setting<String> DATA_DIR = new Setting<>("data.dir", "",
            s -> s, "embedded broker data folder; empty uses a temporary folder removed on exit");
    public static final Setting<Integer> MAX_ARTICLE_BYTES = new Setting<>("max.article.bytes", "900000",
            Setting::positiveInt, "largest accepted article (serialized); larger ones are dead-lettered");

    public static final Setting<String> HTTP_TOKEN = new Setting<>("http.token", "",
            s -> s, "bearer token HTTP push senders must present (keep it in the environment or a config file)");

    public static final Setting<Integer> DEDUP_RETENTION_DAYS = new Setting<>("dedup.retention.days", "7",
            Setting::positiveInt, "how long deduplication remembers an article");
    public static final Setting<Double> DEDUP_NEAR_THRESHOLD = new Setting<>("dedup.near.threshold", "0.25",
            NewswireConfig::fraction, "estimated Jaccard similarity at which an earlier article is a near duplicate");
    public static final Setting<Double> STORY_THRESHOLD = new Setting<>("story.threshold", "0.24",
            NewswireConfig::fraction, "story score (TF-IDF + entities + time) at which an article joins a story");

    public static final List<Setting<?>> SETTINGS = java.util.stream.Stream.concat(java.util.stream.Stream.of(
            BOOTSTRAP_SERVERS, TOPIC_PREFIX, PARTITIONS, REPLICATION, GUARANTEE, APPLICATION_ID, SINK_GROUP_ID,
            STATE_DIR, OUT_DIR, DATA_DIR, MAX_ARTICLE_BYTES, HTTP_TOKEN, DEDUP_RETENTION_DAYS,
            DEDUP_NEAR_THRESHOLD, STORY_THRESHOLD), SinkSettings.SETTINGS.stream()).toList();

    private static Double fraction(String raw) {
        double value;
        try {
            value = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number between 0 and 1");
        }
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException("expected a number above 0 and at most 1");
        }
        return value;
    }

    private static final String KAFKA_PREFIX = "kafka.";

    public static NewswireConfig defaults() {
        return load(Optional.empty(), Map.of(), Map.of());
    }

    /**
     * @param file  a properties file, if one was named
     * @param env   the process environment
     * @param flags settings given on the command line, by key
     * @throws ConfigException when a value is invalid, a key unknown, or the file unreadable
     */
    public static NewswireConfig load(Optional<Path> file, Map<String, String> env, Map<String, String> flags) {
        Map<String, String> raw = new LinkedHashMap<>();
        SETTINGS.forEach(s -> raw.put(s.key(), s.defaultValue()));
        Map<String, String> kafka = new TreeMap<>();

        Map<String, String> fromFile = file.map(NewswireConfig::readProperties).orElse(Map.of());
        mergeKnown(raw, kafka, fromFile, "config file " + file.map(Path::toString).orElse(""));
        String kafkaEnv = env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (kafkaEnv != null && !kafkaEnv.isBlank()) {
            raw.put(BOOTSTRAP_SERVERS.key(), kafkaEnv);
        }
        for (Setting<?> s : SETTINGS) {
            String value = env.get(s.envName());
            if (value != null) {
                raw.put(s.key(), value);
            }
        }
        mergeKnown(raw, kafka, flags, "command line");

        String bootstrap = BOOTSTRAP_SERVERS.parse(raw.get(BOOTSTRAP_SERVERS.key()));
        String state = STATE_DIR.parse(raw.get(STATE_DIR.key()));
        String data = DATA_DIR.parse(raw.get(DATA_DIR.key()));
        int replication = REPLICATION.parse(raw.get(REPLICATION.key()));
        if (replication > Short.MAX_VALUE) {
            throw new ConfigException("topic.replication.factor=" + replication + " is too large");
        }
        return new NewswireConfig(
                bootstrap.isBlank() ? Optional.empty() : Optional.of(bootstrap),
                TOPIC_PREFIX.parse(raw.get(TOPIC_PREFIX.key())),
                PARTITIONS.parse(raw.get(PARTITIONS.key())),
                (short) replication,
                GUARANTEE.parse(raw.get(GUARANTEE.key())),
                APPLICATION_ID.parse(raw.get(APPLICATION_ID.key())),
                SINK_GROUP_ID.parse(raw.get(SINK_GROUP_ID.key())),
                state.isBlank() ? Optional.empty() : Optional.of(Path.of(state)),
                Path.of(OUT_DIR.parse(raw.get(OUT_DIR.key()))),
                data.isBlank() ? Optional.empty() : Optional.of(Path.of(data)),
                MAX_ARTICLE_BYTES.parse(raw.get(MAX_ARTICLE_BYTES.key())),
                HTTP_TOKEN.parse(raw.get(HTTP_TOKEN.key())),
                DEDUP_RETENTION_DAYS.parse(raw.get(DEDUP_RETENTION_DAYS.key())),
                DEDUP_NEAR_THRESHOLD.parse(raw.get(DEDUP_NEAR_THRESHOLD.key())),
                STORY_THRESHOLD.parse(raw.get(STORY_THRESHOLD.key())),
                SinkSettings.parse(setting -> raw.get(setting.key())),
                Map.copyOf(kafka));
    }

    public Topics topics() {
        return Topics.withPrefix(topicPrefix);
    }

    /** The same configuration pointed at a broker (used once the embedded broker is up). */
    public NewswireConfig withBootstrapServers(String servers) {
        return new NewswireConfig(Optional.of(servers), topicPrefix, partitions, replicationFactor,
                processingGuarantee, applicationId, sinkGroupId, stateDir, outDir, dataDir, maxArticleBytes,
                httpToken, dedupRetentionDays, dedupNearThreshold, storyThreshold, sinks, kafkaOverrides);
    }

    /**
     * The same configuration for a separate run on the same cluster: its own topics (prefix + name + ".")
     * and its own application id, so it neither reads nor disturbs another run's records and state.
     */
    public NewswireConfig isolated(String name) {
        return new NewswireConfig(bootstrapServers, topicPrefix + name + ".", partitions, replicationFactor,
                processingGuarantee, applicationId + "-" + name, sinkGroupId + "-" + name, stateDir, outDir, dataDir,
                maxArticleBytes, httpToken, dedupRetentionDays, dedupNearThreshold, storyThreshold, sinks,
                kafkaOverrides);
    }

    public NewswireConfig withOutDir(Path dir) {
        return new NewswireConfig(bootstrapServers, topicPrefix, partitions, replicationFactor,
                processingGuarantee, applicationId, sinkGroupId, stateDir, dir, dataDir, maxArticleBytes,
                httpToken, dedupRetentionDays, dedupNearThreshold, storyThreshold, sinks, kafkaOverrides);
    }

    public NewswireConfig withStateDir(Path dir) {
        return new NewswireConfig(bootstrapServers, topicPrefix, partitions, replicationFactor,
                processingGuarantee, applicationId, sinkGroupId, Optional.of(dir), outDir, dataDir, maxArticleBytes,
                httpToken, dedupRetentionDays, dedupNearThreshold, storyThreshold, sinks, kafkaOverrides);
    }

    public NewswireConfig withSinks(SinkSettings settings) {
        return new NewswireConfig(bootstrapServers, topicPrefix, partitions, replicationFactor,
                processingGuarantee, applicationId, sinkGroupId, stateDir, outDir, dataDir, maxArticleBytes,
                httpToken, dedupRetentionDays, dedupNearThreshold, storyThreshold, settings, kafkaOverrides);
    }

    /** Never prints the HTTP token, nor the values of Kafka overrides (they may hold SASL secrets). */
    @Override
    public String toString() {
        return "NewswireConfig[bootstrapServers=" + bootstrapServers + ", topicPrefix=" + topicPrefix
                + ", partitions=" + partitions + ", replicationFactor=" + replicationFactor
                + ", processingGuarantee=" + processingGuarantee + ", applicationId=" + applicationId
                + ", sinkGroupId=" + sinkGroupId + ", stateDir=" + stateDir + ", outDir=" + outDir + ", dataDir="
                + dataDir + ", maxArticleBytes=" + maxArticleBytes + ", httpToken=" + (httpToken.isEmpty() ? "" : "***")
                + ", dedupRetentionDays=" + dedupRetentionDays + ", dedupNearThreshold=" + dedupNearThreshold
                + ", storyThreshold=" + storyThreshold + ", sinks=" + sinks + ", kafkaOverrides="
                + kafkaOverrides.keySet() + "]";
    }

    /** Properties every Kafka client of this pipeline starts from. */
    public Properties clientProperties() {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers.orElseThrow(() ->
                new ConfigException("no bootstrap servers: set bootstrap.servers, KAFKA_BOOTSTRAP_SERVERS "
                        + "or --bootstrap-servers, or use 'run' to start the embedded broker")));
        props.putAll(kafkaOverrides);
        return props;
    }

    private static void mergeKnown(Map<String, String> raw, Map<String, String> kafka,
                                   Map<String, String> given, String where) {
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (e.getKey().startsWith(KAFKA_PREFIX)) {
                kafka.put(e.getKey().substring(KAFKA_PREFIX.length()), e.getValue());
            } else if (raw.containsKey(e.getKey())) {
                raw.put(e.getKey(), e.getValue());
            } else {
                throw new ConfigException("unknown setting '" + e.getKey() + "' in " + where
                        + "; known settings: " + String.join(", ", raw.keySet()) + ", or kafka.<client property>");
            }
        }
    }

    private static Map<String, String> readProperties(Path file) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            props.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        Map<String, String> out = new LinkedHashMap<>();
        props.stringPropertyNames().forEach(k -> out.put(k, props.getProperty(k)));
        return out;
    }
}
