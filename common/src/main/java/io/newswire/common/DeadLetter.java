package io.newswire.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A record the pipeline could not accept, kept whole with the reason, so nothing is lost silently.
 *
 * <p>{@code id} is derived from stage, origin and payload, so a redelivered dead letter has the same id
 * and idempotent sinks write it once. {@code payload} is the rejected input as text, truncated to
 * {@link #MAX_PAYLOAD_CHARS} and with control characters shown as U+FFFD, so that even escaped as JSON
 * (a control character takes six bytes there, any other character at most three) one huge bad input cannot
 * exceed the topic's message size.
 */
public record DeadLetter(
        String id,
        String stage,
        String reason,
        String origin,
        String key,
        String payload,
        Instant at) {

    public static final int MAX_PAYLOAD_CHARS = 200_000;
    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");

    public static DeadLetter of(String stage, String reason, String origin, String key, byte[] payload,
                                Instant at) {
        String text = payload == null ? "" : new String(payload, StandardCharsets.UTF_8);
        return of(stage, reason, origin, key, text, at);
    }

    public static DeadLetter of(String stage, String reason, String origin, String key, String payload,
                                Instant at) {
        String text = payload == null ? "" : payload;
        if (text.length() > MAX_PAYLOAD_CHARS) {
            text = text.substring(0, MAX_PAYLOAD_CHARS);
        }
        text = CONTROL.matcher(text).replaceAll("\uFFFD");
        String id = Hashing.sha256Hex(stage + "\u0000" + origin + "\u0000" + key + "\u0000" + text)
                .substring(0, 32);
        return new DeadLetter(id, stage, reason, origin, key, text, at);
    }
}
