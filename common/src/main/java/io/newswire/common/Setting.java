package io.newswire.common;

import java.util.Locale;
import java.util.function.Function;

/**
 * One configuration setting, declared once by the module that reads it: its key, default, parser (which
 * validates and gives the type) and what it does, and whether its value is a secret (never printed). The
 * environment variable is {@code NEWSWIRE_} + the key in upper case with dots as underscores.
 */
public record Setting<T>(String key, String defaultValue, Function<String, T> parser, String description,
                         boolean secret) {

    public Setting(String key, String defaultValue, Function<String, T> parser, String description) {
        this(key, defaultValue, parser, description, false);
    }

    /** A setting whose value is never printed (passwords, tokens). */
    public static <T> Setting<T> secret(String key, Function<String, T> parser, String description) {
        return new Setting<>(key, "", parser, description, true);
    }

    public String envName() {
        return "NEWSWIRE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public T parse(String raw) {
        try {
            return parser.apply(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + "=" + raw + " is not valid: " + e.getMessage()
                    + " (" + description + ")");
        }
    }

    public static Integer positiveInt(String raw) {
        return atLeast(raw, 1);
    }

    public static Integer nonNegativeInt(String raw) {
        return atLeast(raw, 0);
    }

    private static int atLeast(String raw, int least) {
        int value;
        try {
            value = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number");
        }
        if (value < least) {
            throw new IllegalArgumentException("must be at least " + least);
        }
        return value;
    }

    /** true or false, nothing else. */
    public static Boolean bool(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    /** A number above 0 and at most 1. */
    public static Double fraction(String raw) {
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

    public static Function<String, String> oneOf(String... allowed) {
        return raw -> {
            for (String option : allowed) {
                if (option.equals(raw)) {
                    return raw;
                }
            }
            throw new IllegalArgumentException("expected one of " + String.join(", ", allowed));
        };
    }
}
