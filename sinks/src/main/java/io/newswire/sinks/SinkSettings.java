package io.newswire.sinks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import io.newswire.common.ConfigException;
import io.newswire.common.NewswireConfig;
import io.newswire.common.Setting;

/**
 * Which sinks run and how each is reached. Credentials (the JDBC password, the webhook's auth header)
 * belong in the environment or a config file outside the repo; they are never printed.
 *
 * @param sinks          the enabled sinks, in the order records are handed to them
 * @param fileFormats    what the file sink writes for enriched articles: the internal model, ninjs, or both
 * @param fileRollBytes  a day's file is continued in a new one once it reaches this size
 * @param retryAttempts  tries of a failing write (with doubling backoff) before the sink stops with an error
 * @param outDir         the folder the file sink writes to
 * @param groupId        the consumer group of the sinks
 */
public record SinkSettings(
        List<Kind> sinks,
        Set<FileFormat> fileFormats,
        long fileRollBytes,
        Optional<String> jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        Optional<String> webhookUrl,
        String webhookAuth,
        int retryAttempts,
        Path outDir,
        String groupId) {

    public enum Kind { FILE, POSTGRES, WEBHOOK }

    public enum FileFormat { INTERNAL, NINJS }

    public static final Setting<List<Kind>> SINKS = new Setting<>("sinks", "file",
            SinkSettings::kinds, "comma-separated sinks to run: file, postgres, webhook");
    public static final Setting<Set<FileFormat>> FILE_FORMAT = new Setting<>("sink.file.format", "both",
            SinkSettings::formats, "enriched articles in files as internal, ninjs or both");
    public static final Setting<Integer> FILE_ROLL_MB = new Setting<>("sink.file.roll.mb", "64",
            Setting::positiveInt, "size in MB at which a day's JSON Lines file rolls over to the next");
    public static final Setting<String> JDBC_URL = new Setting<>("sink.jdbc.url", "",
            s -> s, "PostgreSQL JDBC URL of the database sink, e.g. jdbc:postgresql://localhost:5432/newswire");
    public static final Setting<String> JDBC_USER = new Setting<>("sink.jdbc.user", "",
            s -> s, "database user of the PostgreSQL sink");
    public static final Setting<String> JDBC_PASSWORD = Setting.secret("sink.jdbc.password",
            s -> s, "database password of the PostgreSQL sink (environment or config file only)");
    public static final Setting<String> WEBHOOK_URL = new Setting<>("sink.webhook.url", "",
            s -> s, "URL the webhook sink POSTs each enriched article to, as ninjs");
    public static final Setting<String> WEBHOOK_AUTH = Setting.secret("sink.webhook.auth",
            s -> s, "Authorization header value the webhook sends, e.g. 'Bearer ...' (environment or config file)");
    public static final Setting<String> WEBHOOK_SECRET = Setting.secret("sink.webhook.secret",
            s -> s, "secret the webhook signs each delivery with (Standard Webhooks; whsec_<base64> or any text)");
    public static final Setting<Boolean> WEBHOOK_CLOUDEVENTS = new Setting<>("sink.webhook.cloudevents", "false",
            Setting::bool, "send each article as a CloudEvents 1.0 event in binary mode (ce-* headers)");
    public static final Setting<Integer> RETRY_ATTEMPTS = new Setting<>("sink.retry.attempts", "8",
            Setting::positiveInt, "tries of a failing sink write, with doubling backoff, before the sink stops");
    public static final Setting<String> OUT_DIR = new Setting<>("out.dir", "out",
            s -> s, "folder the file sink writes to");
    public static final Setting<String> GROUP_ID = new Setting<>("sink.group.id", "newswire-sinks",
            s -> s, "consumer group of the sinks");

    public static final List<Setting<?>> SETTINGS = List.of(SINKS, FILE_FORMAT, FILE_ROLL_MB, JDBC_URL, JDBC_USER,
            JDBC_PASSWORD, WEBHOOK_URL, WEBHOOK_AUTH, WEBHOOK_SECRET, WEBHOOK_CLOUDEVENTS, RETRY_ATTEMPTS, OUT_DIR, GROUP_ID);

    public SinkSettings {
        sinks = List.copyOf(sinks);
        fileFormats = Set.copyOf(fileFormats);
        if (sinks.contains(Kind.POSTGRES) && jdbcUrl.isEmpty()) {
            throw new ConfigException("the postgres sink needs sink.jdbc.url (or NEWSWIRE_SINK_JDBC_URL)");
        }
        if (sinks.contains(Kind.WEBHOOK) && webhookUrl.isEmpty()) {
            throw new ConfigException("the webhook sink needs sink.webhook.url (or NEWSWIRE_SINK_WEBHOOK_URL)");
        }
    }

    /** The sinks' settings of a configuration. */
    public static SinkSettings from(NewswireConfig config) {
        String url = config.get(JDBC_URL);
        String webhook = config.get(WEBHOOK_URL);
        return new SinkSettings(config.get(SINKS), config.get(FILE_FORMAT), config.get(FILE_ROLL_MB) * 1024L * 1024L,
                url.isBlank() ? Optional.empty() : Optional.of(url), config.get(JDBC_USER), config.get(JDBC_PASSWORD),
                webhook.isBlank() ? Optional.empty() : Optional.of(webhook), config.get(WEBHOOK_AUTH),
                config.get(RETRY_ATTEMPTS), Path.of(config.get(OUT_DIR)), config.get(GROUP_ID));
    }

    /** Never prints the password or the auth header. */
    @Override
    public String toString() {
        return "SinkSettings[sinks=" + sinks + ", fileFormats=" + fileFormats + ", fileRollBytes=" + fileRollBytes
                + ", jdbcUrl=" + jdbcUrl + ", jdbcUser=" + jdbcUser + ", webhookUrl=" + webhookUrl
                + ", retryAttempts=" + retryAttempts + ", outDir=" + outDir + ", groupId=" + groupId + "]";
    }


    private static List<Kind> kinds(String raw) {
        List<Kind> kinds = Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> switch (s) {
                    case "file" -> Kind.FILE;
                    case "postgres" -> Kind.POSTGRES;
                    case "webhook" -> Kind.WEBHOOK;
                    default -> throw new IllegalArgumentException("unknown sink '" + s
                            + "'; expected file, postgres or webhook");
                }).distinct().toList();
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("name at least one sink");
        }
        return kinds;
    }

    private static Set<FileFormat> formats(String raw) {
        return switch (raw) {
            case "internal" -> Set.of(FileFormat.INTERNAL);
            case "ninjs" -> Set.of(FileFormat.NINJS);
            case "both" -> Set.of(FileFormat.INTERNAL, FileFormat.NINJS);
            default -> throw new IllegalArgumentException("expected internal, ninjs or both");
        };
    }
}
