package io.newswire.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line: {@code newswire COMMAND [--flag value | --flag=value]... [PATH...]}.
 *
 * <p>Any {@code --some-setting} names the setting {@code some.setting} (so {@code --bootstrap-servers}
 * is {@code bootstrap.servers}); {@code --out} is short for {@code --out-dir}; {@code --kafka.X=Y}
 * passes a client property. {@code --input} takes one or more paths, as do bare arguments.
 * Unknown settings are reported by the config loader, with the list of known ones.
 */
public record Args(String command, Map<String, String> settings, List<Path> inputs, Optional<Path> configFile,
                   boolean help, Map<String, String> options) {

    /** Flags that belong to a command rather than to the configuration. */
    private static final List<String> COMMAND_OPTIONS = List.of("timeout", "conll", "jsonl", "details", "orders", "threads", "articles", "seconds", "spacing-ms", "pace-ms", "port", "format",
            "watch", "feed", "model", "features",
            "interval", "fetch-links", "http");
    /** Command flags that take no value. */
    private static final List<String> SWITCHES = List.of("serve", "on-kafka", "dated", "batch");

    public static Args parse(String... argv) {
        String command = null;
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, String> options = new LinkedHashMap<>();
        List<Path> inputs = new ArrayList<>();
        Optional<Path> config = Optional.empty();
        boolean help = false;
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (arg.equals("--input")) {
                while (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
                    inputs.add(Path.of(argv[++i]));
                }
            } else if (arg.startsWith("--") && SWITCHES.contains(arg.substring(2))) {
                options.put(arg.substring(2), "true");
            } else if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (i + 1 < argv.length) {
                    value = argv[++i];
                } else {
                    throw new UsageException("--" + name + " needs a value");
                }
                if (name.equals("config")) {
                    config = Optional.of(Path.of(value));
                } else if (COMMAND_OPTIONS.contains(name)) {
                    options.put(name, value);
                } else if (name.startsWith("kafka.")) {
                    settings.put(name, value);
                } else {
                    settings.put(settingKey(name), value);
                }
            } else if (command == null) {
                command = arg;
            } else {
                inputs.add(Path.of(arg));
            }
        }
        return new Args(command, settings, inputs, config, help, options);
    }

    private static String settingKey(String flag) {
        return switch (flag) {
            case "out" -> "out.dir";
            default -> flag.replace('-', '.');
        };
    }

    public int intOption(String name, int defaultValue) {
        String value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a whole number, not '" + value + "'");
        }
    }

    /** A command line that cannot be understood; reported with the command's help. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
