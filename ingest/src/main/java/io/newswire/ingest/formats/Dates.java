package io.newswire.ingest.formats;

import java.time.Duration;
import java.time.Instant;

/**
 * Which publication dates to believe. Wire copy is dated within moments of its arrival, archives go back a
 * century or two, and embargoes and advances reach days ahead; a date before 1800 or more than a year
 * after arrival is a typo or a placeholder (year 9999, +10000), and one that cannot be written as RFC 3339
 * would break every consumer downstream.
 */
public final class Dates {

    private static final Instant EARLIEST = Instant.parse("1800-01-01T00:00:00Z");
    private static final Duration AHEAD = Duration.ofDays(366);

    private Dates() {
    }

    public static boolean plausible(Instant published, Instant received) {
        return !published.isBefore(EARLIEST) && !published.isAfter(received.plus(AHEAD));
    }
}
