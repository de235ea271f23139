package io.newswire.ingest.formats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The date-time spellings of wire formats: ISO 8601 extended ({@code 2018-11-21T16:25:32-05:00}) and
 * basic ({@code 20140829T134951+0000}, {@code 20140829T135002Z}), with or without seconds or zone, and
 * bare dates. A time without a zone is taken as UTC.
 */
public final class Times {

    private static final List<DateTimeFormatter> WITH_OFFSET = List.of(
            DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssXX"),
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX"),
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmXX"));
    private static final List<DateTimeFormatter> LOCAL = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"),
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm"));

    private Times() {
    }

    /** @return the instant, or null when the text is absent or not a date-time we know */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        for (DateTimeFormatter f : WITH_OFFSET) {
            try {
                return OffsetDateTime.parse(t, f).toInstant();
            } catch (DateTimeParseException e) {
                // next spelling
            }
        }
        for (DateTimeFormatter f : LOCAL) {
            try {
                return LocalDateTime.parse(t, f).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // next spelling
            }
        }
        for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.BASIC_ISO_DATE)) {
            try {
                return LocalDate.parse(t, f).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // next spelling
            }
        }
        return null;
    }
}
