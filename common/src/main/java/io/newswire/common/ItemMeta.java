package io.newswire.common;

import java.time.Instant;
import java.util.List;

/**
 * Wire metadata of an item, as its format gave it; every field may be null (subjects: empty).
 *
 * @param provider  who supplied the item (agency name or URI)
 * @param subjects  subject codes or keywords (IPTC media topics as "medtop:…" where the source used them)
 * @param urgency   1 (most urgent) to 9, as in IPTC urgency
 * @param pubstatus {@link #USABLE}, {@link #CANCELED} (a kill or withdrawal) or {@link #WITHHELD}
 * @param embargoed the item must not be published before this time
 * @param notes     what ingest changed or assumed to make the item readable (a derived headline, bytes
 *                  decoded against their declared charset, an implausible date replaced), in words
 */
public record ItemMeta(String provider, List<String> subjects, Integer urgency, String pubstatus, Instant embargoed,
                       Instant created, Instant modified, List<String> notes) {

    public static final String USABLE = "usable";
    public static final String CANCELED = "canceled";
    public static final String WITHHELD = "withheld";

    public ItemMeta {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public ItemMeta(String provider, List<String> subjects, Integer urgency, String pubstatus, Instant embargoed,
                    Instant created, Instant modified) {
        this(provider, subjects, urgency, pubstatus, embargoed, created, modified, List.of());
    }

    /** Metadata that carries only notes (for formats that have no metadata of their own). */
    public static ItemMeta noted(List<String> notes) {
        return new ItemMeta(null, List.of(), null, null, null, null, null, notes);
    }

    /** The same metadata with one more note. */
    public ItemMeta withNote(String note) {
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new ItemMeta(provider, subjects, urgency, pubstatus, embargoed, created, modified, more);
    }
}
