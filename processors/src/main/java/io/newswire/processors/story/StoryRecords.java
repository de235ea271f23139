package io.newswire.processors.story;

import java.util.List;

/** The records that travel between the story stages and sit in their stores. */
public final class StoryRecords {

    private StoryRecords() {
    }

    /**
     * The decided story of an article that one partition indexed under another story at probe time; sent to
     * that partition only ({@link CorrectionPartitioner}).
     */
    public record StoryCorrection(String articleId, String storyId, int partition) {
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

}
