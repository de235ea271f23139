package io.newswire.processors.match.vectors;

import java.util.List;
import io.newswire.processors.state.BinarySerde;

/** The records that travel between the story stages and sit in their stores. */
public final class StoryRecords {

    private StoryRecords() {
    }

    /**
     * The decided story of an article that one partition indexed under another story at probe time; sent to
     * that partition only ({@link CorrectionPartitioner}).
     */
    public record StoryCorrection(String articleId, String storyId, int partition, int partitions) {
    }

    /**
     * One entry of a key's bucket: the article, its arrival time (retention and "newest" go by arrival, not by
     * the publication date the scorer compares, so an archive item does not expire on arrival) and its
     * current story (corrected in place). Vectors are kept once per partition, not per key, and never change.
     */
    public record StoryMember(String articleId, long timeMillis, String storyId) {
    }

    public record StoryBucket(List<StoryMember> members) {
        public StoryBucket {
            members = members == null ? List.of() : List.copyOf(members);
        }

        /** The arrival of its newest member (0: none): once past the window, so is the whole bucket. */
        public long newestMillis() {
            return members.stream().mapToLong(StoryMember::timeMillis).max().orElse(0);
        }

        /** Member count, then each member's id, arrival time and story. */
        public static final BinarySerde.Codec<StoryBucket> CODEC = new BinarySerde.Codec<>() {
            @Override
            public void write(StoryBucket bucket, java.io.DataOutputStream out) throws java.io.IOException {
                out.writeInt(bucket.members().size());
                for (StoryMember m : bucket.members()) {
                    out.writeUTF(m.articleId());
                    out.writeLong(m.timeMillis());
                    out.writeUTF(m.storyId());
                }
            }

            @Override
            public StoryBucket read(java.io.DataInputStream in) throws java.io.IOException {
                int n = in.readInt();
                List<StoryMember> members = new java.util.ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    members.add(new StoryMember(in.readUTF(), in.readLong(), in.readUTF()));
                }
                return new StoryBucket(members);
            }
        };
    }

    /**
     * An indexed article's vector and when it was indexed (its arrival: the retention clock), kept by each
     * partition owning any of its keys; its current story is in the bucket entries.
     */
    public record StoredVector(StoryVector vector, long indexedMillis) {
    }

    /** A story close to the probing article: its closest member and that member's score. */
    public record StoryCandidate(String articleId, String storyId, double score) {
    }

}
