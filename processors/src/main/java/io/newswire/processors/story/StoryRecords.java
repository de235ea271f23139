package io.newswire.processors.story;

import java.util.List;

/** The records that travel between the story stages and sit in their stores. */
public final class StoryRecords {

    private StoryRecords() {
    }

    /** A message routed to the partitions owning any of its vector's keys ({@link StoryKeyPartitioner}). */
    public interface Routed {
        StoryVector vector();

        /** The key topic's partition count that ownership was computed for. */
        int partitions();
    }

    /** An article asking the key partitions which stories it is close to; answered by request id. */
    public record StoryProbe(String articleId, String requestId, StoryVector vector, int partitions)
            implements Routed {
    }

    /** A decided article joining the key partitions' index, with its story. */
    public record StoryInsert(String articleId, String storyId, StoryVector vector, int partitions)
            implements Routed {
    }

    /** One entry of a key's bucket: vectors and story ids are kept once per partition, not per key. */
    public record StoryMember(String articleId, long timeMillis) {
    }

    public record StoryBucket(List<StoryMember> members) {
        public StoryBucket {
            members = members == null ? List.of() : List.copyOf(members);
        }
    }

    /** An indexed article's vector and story, kept by each partition owning any of its keys. */
    public record StoredVector(StoryVector vector, String storyId) {
    }

    /** A story close to the probing article: its closest member and that member's score. */
    public record StoryCandidate(String articleId, String storyId, double score) {
    }

    /** What one key partition answered, routed back by request id. */
    public record StoryAnswer(String articleId, int partition, List<StoryCandidate> candidates) {
        public StoryAnswer {
            candidates = candidates == null ? List.of() : List.copyOf(candidates);
        }
    }
}
