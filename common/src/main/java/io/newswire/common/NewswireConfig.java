package io.newswire.common;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The configuration of one role, parsed once at start-up from the settings that role reads. Each module
 * declares its own settings ({@link Setting}); this class declares those every role shares (the cluster,
 * the topics, the article size limit) and resolves any declared setting with {@link #get(Setting)}.
 *
 * <p>Precedence, lowest first: the setting's default, the properties file ({@code --config FILE}), the
 * environment ({@code NEWSWIRE_*}, and {@code KAFKA_BOOTSTRAP_SERVERS}), command-line flags. Keys starting
 * with {@code kafka.} in the file or flags are passed to every Kafka client with the prefix removed (for
 * security settings of a real cluster; keep their secrets in the file or environment, not the repo).
 * Immutable and thread-safe.
 *
 * @param values         raw values given for settings, by key (a missing key takes the setting's default)
 * @param secretKeys     keys whose values are never printed
 * @param kafkaOverrides Kafka client properties, without the {@code kafka.} prefix
 */
public record NewswireConfig(Map<String, String> values, Set<String> secretKeys, Map<String, String> kafkaOverrides) {

    public static final Setting<String> BOOTSTRAP_SERVERS = new Setting<>("bootstrap.servers", "",
            s -> s, "Kafka bootstrap servers; empty starts an embedded single-node broker (run, eval, bench)");
    public static final Setting<String> TOPIC_PREFIX = new Setting<>("topic.prefix", "",
            s -> s, "prefix for every topic name, so several pipelines can share a cluster");
    public static final Setting<Integer> PARTITIONS = new Setting<>("topic.partitions", "3",
            Setting::positiveInt, "partitions of each topic created at start-up");
    public static final Setting<Integer> REPLICATION = new Setting<>("topic.replication.factor", "1",
            NewswireConfig::replication, "replication factor of each topic created at start-up");
    public static final Setting<Integer> MAX_ARTICLE_BYTES = new Setting<>("max.article.bytes", "900000",
            Setting::positiveInt, "largest accepted article (serialized); larger ones are dead-lettered");

    /** The settings every role reads. */
    public static final List<Setting<?>> SETTINGS = List.of(BOOTSTRAP_SERVERS, TOPIC_PREFIX, PARTITIONS, REPLICATION,
            MAX_ARTICLE_BYTES);

    private static final String KAFKA_PREFIX = "kafka.";

    public NewswireConfig {
        values = Map.copyOf(values);
        secretKeys = Set.copyOf(secretKeys);
        kafkaOverrides = Map.copyOf(kafkaOverrides);
    }

    /** Every setting at its default. */
    public static NewswireConfig defaults() {
        return new NewswireConfig(Map.of(), Set.of(), Map.of());
    }

    /** Loads the shared settings only (tests and tools that need nothing else). */
    public static NewswireConfig load(Optional<Path> file, Map<String, String> env, Map<String, String> flags) {
        return load(file, env, flags, SETTINGS, SETTINGS);
    }

    /**
     * @param file   a properties file, if one was named
     * @param env    the process environment
     * @param flags  settings given on the command line, by key
     * @param role   the settings the role reads: flags must name one of them, and each is validated now
     * @param known  every setting of the program: a config file may be shared by roles, so its keys need
     *               only be known to one of them
     * @throws ConfigException when a value is invalid, a key unknown, or the file unreadable
     */
    public static NewswireConfig load(Optional<Path> file, Map<String, String> env, Map<String, String> flags,
                                      Collection<Setting<?>> role, Collection<Setting<?>> known) {
        Map<String, Setting<?>> roleKeys = byKey(role);
        Map<String, Setting<?>> knownKeys = byKey(known);
        knownKeys.putAll(roleKeys);
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, String> kafka = new TreeMap<>();

        Map<String, String> fromFile = file.map(NewswireConfig::readProperties).orElse(Map.of());
        merge(raw, kafka, fromFile, knownKeys, "config file " + file.map(Path::toString).orElse(""));
        String kafkaEnv = env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (kafkaEnv != null && !kafkaEnv.isBlank()) {
            raw.put(BOOTSTRAP_SERVERS.key(), kafkaEnv);
        }
        for (Setting<?> s : roleKeys.values()) {
            String value = env.get(s.envName());
            if (value != null) {
                raw.put(s.key(), value);
            }
        }
        merge(raw, kafka, flags, roleKeys, "command line");
        raw.keySet().retainAll(roleKeys.keySet());
        Set<String> secrets = roleKeys.values().stream().filter(Setting::secret).map(Setting::key)
                .collect(Collectors.toSet());
        NewswireConfig config = new NewswireConfig(raw, secrets, kafka);
        roleKeys.values().forEach(config::get);
        return config;
    }

    /** The value of a setting: as given, or its default; parsed and validated. */
    public <T> T get(Setting<T> setting) {
        return setting.parse(values.getOrDefault(setting.key(), setting.defaultValue()));
    }

    /** The same configuration with one setting given {@code raw} (validated when read). */
    public NewswireConfig with(Setting<?> setting, String raw) {
        Map<String, String> next = new LinkedHashMap<>(values);
        next.put(setting.key(), raw);
        Set<String> secrets = new LinkedHashSet<>(secretKeys);
        if (setting.secret()) {
            secrets.add(setting.key());
        }
        return new NewswireConfig(next, secrets, kafkaOverrides);
    }

    /** Empty means: start the embedded broker. */
    public Optional<String> bootstrapServers() {
        String servers = get(BOOTSTRAP_SERVERS);
        return servers.isBlank() ? Optional.empty() : Optional.of(servers);
    }

    public String topicPrefix() {
        return get(TOPIC_PREFIX);
    }

    public int partitions() {
        return get(PARTITIONS);
    }

    public short replicationFactor() {
        return get(REPLICATION).shortValue();
    }

    public int maxArticleBytes() {
        return get(MAX_ARTICLE_BYTES);
    }

    public Topics topics() {
        return Topics.withPrefix(topicPrefix());
    }

    /** The same configuration pointed at a broker (used once the embedded broker is up). */
    public NewswireConfig withBootstrapServers(String servers) {
        return with(BOOTSTRAP_SERVERS, servers);
    }

    /** Never prints secret values, nor the values of Kafka overrides (they may hold SASL secrets). */
    @Override
    public String toString() {
        String shown = new TreeMap<>(values).entrySet().stream()
                .map(e -> e.getKey() + "=" + (secretKeys.contains(e.getKey()) ? "***" : e.getValue()))
                .collect(Collectors.joining(", "));
        return "NewswireConfig[" + shown + ", kafkaOverrides=" + kafkaOverrides.keySet() + "]";
    }

    /** Properties every Kafka client of this pipeline starts from. */
    public Properties clientProperties() {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers().orElseThrow(() ->
                new ConfigException("no bootstrap servers: set bootstrap.servers, KAFKA_BOOTSTRAP_SERVERS "
                        + "or --bootstrap-servers, or use 'run' to start the embedded broker")));
        props.putAll(kafkaOverrides);
        return props;
    }

    private static Integer replication(String raw) {
        int value = Setting.positiveInt(raw);
        if (value > Short.MAX_VALUE) {
            throw new IllegalArgumentException("is too large");
        }
        return value;
    }

    private static Map<String, Setting<?>> byKey(Collection<Setting<?>> settings) {
        Map<String, Setting<?>> out = new LinkedHashMap<>();
        settings.forEach(s -> out.put(s.key(), s));
        return out;
    }

    private static void merge(Map<String, String> raw, Map<String, String> kafka, Map<String, String> given,
                              Map<String, Setting<?>> allowed, String where) {
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (e.getKey().startsWith(KAFKA_PREFIX)) {
                kafka.put(e.getKey().substring(KAFKA_PREFIX.length()), e.getValue());
            } else if (allowed.containsKey(e.getKey())) {
                raw.put(e.getKey(), e.getValue());
            } else {
                throw new ConfigException("unknown setting '" + e.getKey() + "' in " + where
                        + "; known settings: " + String.join(", ", allowed.keySet()) + ", or kafka.<client property>");
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
