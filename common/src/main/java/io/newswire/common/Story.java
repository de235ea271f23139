package io.newswire.common;

import java.time.Instant;
import java.util.List;

/**
 * One story cluster, as kept (latest state per story id) on the compacted stories topic.
 *
 * @param headline    the headline of its most central member (not a URL, not a question)
 * @param sourceCount independent sources: distinct {@code source} values among the members
 * @param topEntities entity names, highest summed salience first (at most five)
 * @param memberIds   the newest member ids, at most 100 ({@code articleCount} counts them all)
 * @param sources     the members' distinct sources, first seen first
 * @param mergedInto  null while the story is live; the story its members moved to once it was merged (its last
 *                    record before the tombstone)
 */
public record Story(
        String id,
        String headline,
        Instant firstSeen,
        Instant lastSeen,
        int articleCount,
        int sourceCount,
        List<String> topEntities,
        List<String> memberIds,
        List<String> sources,
        int duplicates,
        String mergedInto) {

    public Story(String id, String headline, Instant firstSeen, Instant lastSeen, int articleCount, int sourceCount,
                 List<String> topEntities, List<String> memberIds, List<String> sources, int duplicates) {
        this(id, headline, firstSeen, lastSeen, articleCount, sourceCount, topEntities, memberIds, sources, duplicates,
                null);
    }

    /** The last state of a story merged into another: no members, and where they went. */
    public static Story merged(String id, String headline, String into, Instant firstSeen, Instant lastSeen) {
        return new Story(id, headline, firstSeen, lastSeen, 0, 0, List.of(), List.of(), List.of(), 0, into);
    }

    public Story {
        topEntities = topEntities == null ? List.of() : List.copyOf(topEntities);
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
