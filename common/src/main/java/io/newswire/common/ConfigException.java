package io.newswire.common;

/** Bad configuration: thrown at start-up with a message that says how to fix it. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
