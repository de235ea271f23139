package io.newswire.common;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which sinks run and how each is reached. Credentials (the JDBC password, the webhook's auth header)
 * belong in the environment or a config file outside the repo; they are never printed.
 *
 * @param sinks          the enabled sinks, in the order records are handed to them
 * @param fileFormats    what the file sink writes for enriched articles: the internal model, ninjs, or both
 * @param fileRollBytes  a day's file is continued in a new one once it reaches this size
 * @param retryAttempts  tries of a failing write (with doubling backoff) before the sink stops with an error
 * @param dashboardHost  address the dashboard binds to
 * @param dashboardPort  port of the live dashboard, metrics and health ({@code run --serve}, {@code sink --serve})
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
        String dashboardHost,
        int dashboardPort) {

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
    public static final Setting<String> JDBC_PASSWORD = new Setting<>("sink.jdbc.password", "",
            s -> s, "database password of the PostgreSQL sink (environment or config file only)");
    public static final Setting<String> WEBHOOK_URL = new Setting<>("sink.webhook.url", "",
            s -> s, "URL the webhook sink POSTs each enriched article to, as ninjs");
    public static final Setting<String> WEBHOOK_AUTH = new Setting<>("sink.webhook.auth", "",
            s -> s, "Authorization header value the webhook sends, e.g. 'Bearer ...' (environment or config file)");
    public static final Setting<Integer> RETRY_ATTEMPTS = new Setting<>("sink.retry.attempts", "8",
            Setting::positiveInt, "tries of a failing sink write, with doubling backoff, before the sink stops");
    public static final Setting<String> DASHBOARD_HOST = new Setting<>("dashboard.host", "127.0.0.1",
            s -> s, "address the dashboard binds to (0.0.0.0 for every interface; it has no authentication)");
    public static final Setting<Integer> DASHBOARD_PORT = new Setting<>("dashboard.port", "8088",
            SinkSettings::port, "port of the live dashboard, /metrics and /health (0 picks a free one)");

    public static final List<Setting<?>> SETTINGS = List.of(SINKS, FILE_FORMAT, FILE_ROLL_MB, JDBC_URL, JDBC_USER,
            JDBC_PASSWORD, WEBHOOK_URL, WEBHOOK_AUTH, RETRY_ATTEMPTS, DASHBOARD_HOST, DASHBOARD_PORT);

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

    /** Parses the settings from their raw values, by key. */
    static SinkSettings parse(java.util.function.Function<Setting<?>, String> raw) {
        String url = JDBC_URL.parse(raw.apply(JDBC_URL));
        String webhook = WEBHOOK_URL.parse(raw.apply(WEBHOOK_URL));
        return new SinkSettings(SINKS.parse(raw.apply(SINKS)), FILE_FORMAT.parse(raw.apply(FILE_FORMAT)),
                FILE_ROLL_MB.parse(raw.apply(FILE_ROLL_MB)) * 1024L * 1024L,
                url.isBlank() ? Optional.empty() : Optional.of(url),
                JDBC_USER.parse(raw.apply(JDBC_USER)), JDBC_PASSWORD.parse(raw.apply(JDBC_PASSWORD)),
                webhook.isBlank() ? Optional.empty() : Optional.of(webhook),
                WEBHOOK_AUTH.parse(raw.apply(WEBHOOK_AUTH)), RETRY_ATTEMPTS.parse(raw.apply(RETRY_ATTEMPTS)),
                DASHBOARD_HOST.parse(raw.apply(DASHBOARD_HOST)), DASHBOARD_PORT.parse(raw.apply(DASHBOARD_PORT)));
    }

    public SinkSettings withSinks(List<Kind> kinds) {
        return new SinkSettings(kinds, fileFormats, fileRollBytes, jdbcUrl, jdbcUser, jdbcPassword, webhookUrl,
                webhookAuth, retryAttempts, dashboardHost, dashboardPort);
    }

    public SinkSettings withJdbc(String url, String user, String password) {
        return new SinkSettings(sinks, fileFormats, fileRollBytes, Optional.of(url), user, password, webhookUrl,
                webhookAuth, retryAttempts, dashboardHost, dashboardPort);
    }

    public SinkSettings withDashboardPort(int port) {
        return new SinkSettings(sinks, fileFormats, fileRollBytes, jdbcUrl, jdbcUser, jdbcPassword, webhookUrl,
                webhookAuth, retryAttempts, dashboardHost, port);
    }

    /** Never prints the password or the auth header. */
    @Override
    public String toString() {
        return "SinkSettings[sinks=" + sinks + ", fileFormats=" + fileFormats + ", fileRollBytes=" + fileRollBytes
                + ", jdbcUrl=" + jdbcUrl + ", jdbcUser=" + jdbcUser + ", webhookUrl=" + webhookUrl
                + ", retryAttempts=" + retryAttempts + ", dashboard=" + dashboardHost + ":" + dashboardPort + "]";
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

    private static Integer port(String raw) {
        int value;
        try {
            value = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a port number");
        }
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException("expected 0-65535");
        }
        return value;
    }
}
