package io.newswire.processors.dedup;

import java.util.List;
import io.newswire.common.Article;
import io.newswire.processors.story.StoryRecords.StoryAnswer;
import io.newswire.processors.story.StoryRecords.StoryCandidate;
import io.newswire.processors.story.StoryVector;

/** The records that travel between the dedup stages and sit in their stores. */
public final class DedupRecords {

    private DedupRecords() {
    }

    /**
     * One article's signature, multicast to every partition that owns at least one of its band keys; each
     * partition handles the bands it owns. {@code partitions} is the band topic's partition count that
     * ownership was computed for. Answers go back keyed by {@code requestId} ({@link Signed#requestId()}).
     */
    public record Probe(String articleId, String requestId, String contentHash, long receivedMillis, int[] signature,
                        int partitions) {
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

    /** What one partition's buckets answered for all the bands it owns, routed back by request id. */
    public record BandAnswer(String articleId, int partition, List<Candidate> candidates) {
    }

    /** A bucket's members: article id, content hash and arrival time (no signatures: those are kept once). */
    public record Bucket(List<Member> members) {
        public Bucket {
            members = members == null ? List.of() : List.copyOf(members);
        }
    }

    public record Member(String articleId, String contentHash, long receivedMillis) {
    }

    /** A signature kept by a band partition, with its arrival time for retention. */
    public record StoredSignature(int[] signature, long receivedMillis) {
    }

    /**
     * One of: the article itself (with its story vector and how many band and story answers to wait for),
     * one band partition's answer, or one story partition's answer. The gather step receives all of them,
     * keyed by request id and partitioned by article id, in any order.
     */
    public record GatherInput(Article article, StoryVector vector, int expectedBands, int expectedStories,
                              BandAnswer answer, StoryAnswer storyAnswer) {
        public static GatherInput of(Article article, StoryVector vector, int expectedBands, int expectedStories) {
            return new GatherInput(article, vector, expectedBands, expectedStories, null, null);
        }

        public static GatherInput of(BandAnswer answer) {
            return new GatherInput(null, null, 0, 0, answer, null);
        }

        public static GatherInput of(StoryAnswer answer) {
            return new GatherInput(null, null, 0, 0, null, answer);
        }
    }

    /**
     * The answers gathered for an article id so far, and whether the article itself has come (it is kept
     * apart, written once, so that each answer rewrites only this small record).
     */
    public record Pending(boolean arrived, int expectedBands, int expectedStories, List<Integer> bandsAnswered,
                          List<Integer> storiesAnswered, List<Candidate> candidates,
                          List<StoryCandidate> storyCandidates, long firstSeenMillis) {
        public Pending {
            bandsAnswered = bandsAnswered == null ? List.of() : List.copyOf(bandsAnswered);
            storiesAnswered = storiesAnswered == null ? List.of() : List.copyOf(storiesAnswered);
            candidates = candidates == null ? List.of() : List.copyOf(candidates);
            storyCandidates = storyCandidates == null ? List.of() : List.copyOf(storyCandidates);
        }

        public static Pending empty(long nowMillis) {
            return new Pending(false, 0, 0, List.of(), List.of(), List.of(), List.of(), nowMillis);
        }

        public boolean complete() {
            return arrived && bandsAnswered.size() >= expectedBands && storiesAnswered.size() >= expectedStories;
        }
    }

    /** What the gather step decided for an article id, for updates and redeliveries. */
    public record Seen(int version, String duplicateOf, String storyId, String decision) {
    }
}
