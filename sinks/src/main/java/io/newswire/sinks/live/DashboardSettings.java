package io.newswire.sinks.live;

import io.newswire.common.NewswireConfig;
import io.newswire.common.Setting;
import java.util.List;

/**
 * Where {@code --serve} binds the dashboard, {@code /metrics} and {@code /health} ({@code run}, {@code sink},
 * {@code process}). Loopback by default: the page has no authentication.
 */
public record DashboardSettings(String host, int port, java.util.Set<String> hostnames,
                                java.util.Optional<java.nio.file.Path> searchDir) {

    public static final Setting<String> HOST = new Setting<>("dashboard.host", "127.0.0.1",
            s -> s, "address the dashboard binds to (0.0.0.0 for every interface; it has no authentication)");
    public static final Setting<Integer> PORT = new Setting<>("dashboard.port", "8088",
            DashboardSettings::port, "port of the live dashboard, /metrics and /health (0 picks a free one)");

    public static final Setting<java.util.Set<String>> HOSTNAMES = new Setting<>("dashboard.hostnames", "",
            raw -> java.util.Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .collect(java.util.stream.Collectors.toUnmodifiableSet()),
            "names besides IP addresses and localhost the dashboard may be reached by (comma-separated)");

    public static final Setting<String> SEARCH_DIR = new Setting<>("dashboard.search.dir", "",
            s -> s, "where the dashboard keeps its search index on disk; empty: in memory (rebuilt from the topics either way)");

    public static final List<Setting<?>> SETTINGS = List.of(HOST, PORT, HOSTNAMES, SEARCH_DIR);

    public static DashboardSettings from(NewswireConfig config) {
        String search = config.get(SEARCH_DIR);
        return new DashboardSettings(config.get(HOST), config.get(PORT), config.get(HOSTNAMES),
                search.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(java.nio.file.Path.of(search)));
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
