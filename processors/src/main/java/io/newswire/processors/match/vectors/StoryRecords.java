package io.newswire.processors.match.vectors;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.newswire.processors.state.BinarySerde;
import io.newswire.processors.state.CompactFields;

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

        /**
         * Member count (one byte below 255, else 255 and an int), then per member: its id (a generated id in
         * 16 bytes, {@link CompactFields#writeHex}), its arrival as the difference from the member before it
         * (a variable-length integer: a few bytes), and its story as a reference to a string written earlier
         * in the bucket (an id or a story: nearly always, as members of a key share stories) or 0 and the story
         * itself. About a third of each member's id, arrival and story in UTF and a long, and read with one
         * string per member where the plain form made two.
         */
        public static final BinarySerde.Codec<StoryBucket> CODEC = new BinarySerde.Codec<>() {
            @Override
            public void write(StoryBucket bucket, DataOutputStream out) throws IOException {
                CompactFields.writeCount(bucket.members().size(), out);
                // Mirrors the reader's list of strings read: every id and every story written out adds one.
                Map<String, Integer> written = new HashMap<>();
                int strings = 0;
                long time = 0;
                for (StoryMember m : bucket.members()) {
                    CompactFields.writeHex(m.articleId(), out);
                    written.putIfAbsent(m.articleId(), ++strings);
                    CompactFields.writeVarLong(m.timeMillis() - time, out);
                    time = m.timeMillis();
                    Integer earlier = written.get(m.storyId());
                    if (earlier != null) {
                        CompactFields.writeUnsigned(earlier, out);
                    } else {
                        CompactFields.writeUnsigned(0, out);
                        CompactFields.writeHex(m.storyId(), out);
                        written.put(m.storyId(), ++strings);
                    }
                }
            }

            @Override
            public StoryBucket read(DataInputStream in) throws IOException {
                int n = CompactFields.readCount(in);
                List<StoryMember> members = new ArrayList<>(n);
                List<String> written = new ArrayList<>(n + 4);
                long time = 0;
                for (int i = 0; i < n; i++) {
                    String id = CompactFields.readHex(in);
                    written.add(id);
                    time += CompactFields.readVarLong(in);
                    long earlier = CompactFields.readUnsigned(in);
                    String story;
                    if (earlier == 0) {
                        story = CompactFields.readHex(in);
                        written.add(story);
                    } else if (earlier > 0 && earlier <= written.size()) {
                        story = written.get((int) earlier - 1);
                    } else {
                        throw new IOException("story reference " + earlier + " past the " + written.size() + " strings read");
                    }
                    members.add(new StoryMember(id, time, story));
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
