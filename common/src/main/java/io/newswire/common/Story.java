package io.newswire.common;

import java.time.Instant;
import java.util.List;

/**
 * One story cluster, as kept (latest state per story id) on the compacted stories topic.
 *
 * @param headline    the headline of the story's first article
 * @param sourceCount independent sources: distinct {@code source} values among the members
 * @param topEntities entity names, highest summed salience first (at most five)
 * @param memberIds   the newest member ids, at most 100 ({@code articleCount} counts them all)
 * @param sources     the members' distinct sources, first seen first
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
        int duplicates) {

    public Story {
        topEntities = topEntities == null ? List.of() : List.copyOf(topEntities);
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
