package io.newswire.processors.prepare;

import io.newswire.common.DeadLetter;

/** The outcome of a stage that may reject its input: exactly one of the two fields is set. */
public record Checked<T>(T value, DeadLetter rejection) {

    public static <T> Checked<T> ok(T value) {
        return new Checked<>(value, null);
    }

    public static <T> Checked<T> rejected(DeadLetter rejection) {
        return new Checked<>(null, rejection);
    }

    public boolean isOk() {
        return rejection == null;
    }
}
