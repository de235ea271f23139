package io.newswire.common;

import java.time.Instant;
import java.util.List;

/** One story cluster, as kept (latest state per story id) on the compacted stories topic. */
public record Story(
        String id,
        String headline,
        Instant firstSeen,
        Instant lastSeen,
        int articleCount,
        int sourceCount,
        List<String> topEntities,
        List<String> memberIds) {

    public Story {
        topEntities = topEntities == null ? List.of() : List.copyOf(topEntities);
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
    }
}
