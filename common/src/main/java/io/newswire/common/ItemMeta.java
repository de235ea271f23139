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
 */
public record ItemMeta(String provider, List<String> subjects, Integer urgency, String pubstatus, Instant embargoed,
                       Instant created, Instant modified) {

    public static final String USABLE = "usable";
    public static final String CANCELED = "canceled";
    public static final String WITHHELD = "withheld";

    public ItemMeta {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }
}
