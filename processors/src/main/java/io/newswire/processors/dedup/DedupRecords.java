package io.newswire.processors.dedup;

import java.util.List;
import io.newswire.common.Article;
import io.newswire.processors.story.StoryKeys;
import io.newswire.processors.story.StoryRecords.StoryCandidate;
import io.newswire.processors.story.StoryVector;

/** The records that travel between the dedup stages and sit in their stores. */
public final class DedupRecords {

    private DedupRecords() {
    }

    /**
     * One article's signature and story vector, multicast once to every partition that owns at least one of
     * its band keys or story keys ({@link ProbePartitioner}); each partition answers for the keys it owns.
     * {@code partitions} is the probe topic's partition count that ownership was computed for. The answer
     * goes back keyed by {@code requestId} ({@link Signed#requestId()}).
     */
    public record Probe(String articleId, String requestId, String contentHash, long receivedMillis, int[] signature,
                        StoryVector vector, int partitions) {

        /** The partitions owning a band key of the signature or a story key of the vector. */
        public static java.util.SortedSet<Integer> owners(int[] signature, StoryVector vector, int partitions) {
            java.util.SortedSet<Integer> out = MinHash.owners(signature, partitions);
            if (vector != null) {
                out.addAll(StoryKeys.owners(vector, partitions));
            }
            return out;
        }
    }

    /** An article seen before in a bucket, with its estimated similarity to the probing article. */
    public record Candidate(String articleId, String contentHash, long receivedMillis, double similarity) {
    }

    /**
     * An article with its MinHash signature and story vector, computed once for the probes and the gather
     * counts. Both are null for a kill. {@code requestId} names this one arrival of the article (its id and
     * the raw record's partition and offset): copies of one id in flight at once (a redelivery, the same
     * file dropped twice) gather their answers apart, never into each other's count.
     */
    public record Signed(Article article, int[] signature, StoryVector vector, String requestId) {
        public Signed withVector(StoryVector v, String request) {
            return new Signed(article, signature, v, request);
        }
    }

    /** The request id of one arrival of an article; the article id is everything before the last '#'. */
    public static String requestId(String articleId, String arrival) {
        return articleId + "#" + arrival;
    }

    public static String articleIdOf(String requestId) {
        int hash = requestId.lastIndexOf('#');
        return hash < 0 ? requestId : requestId.substring(0, hash);
    }

    /**
     * What one partition answered for all the band and story keys it owns, routed back by request id: the
     * earlier articles sharing a band with their estimated similarity, the closest stories, and the story
     * this partition indexed the article under just now (null when it did not index it: no story key
     * here, or indexed before), which the decision corrects if it differs.
     */
    public record Answer(String articleId, int partition, List<Candidate> candidates, List<StoryCandidate> stories,
                         String indexedStory) {
        public Answer {
            candidates = candidates == null ? List.of() : List.copyOf(candidates);
            stories = stories == null ? List.of() : List.copyOf(stories);
        }
    }

    /** A bucket's members: article id, content hash and arrival time (no signatures: those are kept once). */
    public record Bucket(List<Member> members) {
        public Bucket {
            members = members == null ? List.of() : List.copyOf(members);
        }

        /** Member count, then each member's id, content hash (empty for none) and arrival time. */
        public static final BinarySerde.Codec<Bucket> CODEC = new BinarySerde.Codec<>() {
            @Override
            public void write(Bucket bucket, java.io.DataOutputStream out) throws java.io.IOException {
                out.writeInt(bucket.members().size());
                for (Member m : bucket.members()) {
                    out.writeUTF(m.articleId());
                    out.writeUTF(m.contentHash() == null ? "" : m.contentHash());
                    out.writeLong(m.receivedMillis());
                }
            }

            @Override
            public Bucket read(java.io.DataInputStream in) throws java.io.IOException {
                int n = in.readInt();
                List<Member> members = new java.util.ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    String id = in.readUTF();
                    String hash = in.readUTF();
                    members.add(new Member(id, hash.isEmpty() ? null : hash, in.readLong()));
                }
                return new Bucket(members);
            }
        };
    }

    public record Member(String articleId, String contentHash, long receivedMillis) {
    }

    /** A signature kept by a band partition, with its arrival time for retention. */
    public record StoredSignature(int[] signature, long receivedMillis) {

        public static final BinarySerde.Codec<StoredSignature> CODEC = new BinarySerde.Codec<>() {
            @Override
            public void write(StoredSignature s, java.io.DataOutputStream out) throws java.io.IOException {
                out.writeLong(s.receivedMillis());
                out.writeInt(s.signature().length);
                for (int h : s.signature()) {
                    out.writeInt(h);
                }
            }

            @Override
            public StoredSignature read(java.io.DataInputStream in) throws java.io.IOException {
                long received = in.readLong();
                int[] signature = new int[in.readInt()];
                for (int i = 0; i < signature.length; i++) {
                    signature[i] = in.readInt();
                }
                return new StoredSignature(signature, received);
            }
        };
    }

    /**
     * One of: the article itself (with how many partition answers to wait for), or one partition's answer.
     * The gather step receives both, keyed by request id and partitioned by article id, in any order.
     */
    public record GatherInput(Article article, int expectedAnswers, Answer answer) {
        public static GatherInput of(Article article, int expectedAnswers) {
            return new GatherInput(article, expectedAnswers, null);
        }

        public static GatherInput of(Answer answer) {
            return new GatherInput(null, 0, answer);
        }
    }

    /** A partition that indexed the article under a provisional story. */
    public record Indexed(int partition, String storyId) {
    }

    /**
     * The answers gathered for a request so far, and whether the article itself has come (it is kept
     * apart, written once, so that each answer rewrites only this small record).
     */
    public record Pending(boolean arrived, int expectedAnswers, List<Integer> answered, List<Candidate> candidates,
                          List<StoryCandidate> storyCandidates, List<Indexed> indexed, long firstSeenMillis) {
        public Pending {
            answered = answered == null ? List.of() : List.copyOf(answered);
            candidates = candidates == null ? List.of() : List.copyOf(candidates);
            storyCandidates = storyCandidates == null ? List.of() : List.copyOf(storyCandidates);
            indexed = indexed == null ? List.of() : List.copyOf(indexed);
        }

        public static Pending empty(long nowMillis) {
            return new Pending(false, 0, List.of(), List.of(), List.of(), List.of(), nowMillis);
        }

        public boolean complete() {
            return arrived && answered.size() >= expectedAnswers;
        }
    }

    /**
     * What the gather step decided for an article id, for updates and redeliveries; {@code receivedMillis}: the
     * arrival of the latest version, which the retention window counts from (0 in records from before it was
     * kept: those expire at once).
     */
    public record Seen(int version, String duplicateOf, String storyId, String decision, long receivedMillis) {
    }
}
