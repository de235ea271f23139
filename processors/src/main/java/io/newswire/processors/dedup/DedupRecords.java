package io.newswire.processors.dedup;

import java.util.List;
import io.newswire.common.Article;

/** The records that travel between the dedup stages and sit in their stores. */
public final class DedupRecords {

    private DedupRecords() {
    }

    /**
     * One article's signature, multicast to every partition that owns at least one of its band keys; each
     * partition handles the bands it owns. {@code partitions} is the band topic's partition count that
     * ownership was computed for.
     */
    public record Probe(String articleId, String contentHash, long receivedMillis, int[] signature, int partitions) {
    }

    /** An article seen before in a bucket, with its estimated similarity to the probing article. */
    public record Candidate(String articleId, String contentHash, long receivedMillis, double similarity) {
    }

    /** An article with its MinHash signature, computed once for both the probe and the gather count. */
    public record Signed(Article article, int[] signature) {
    }

    /** What one partition's buckets answered for all the bands it owns, routed back by article id. */
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

    /** Either the article itself or one band's answer: the gather step receives both, keyed by article id. */
    public record GatherInput(Article article, int expectedBands, BandAnswer answer) {
        public static GatherInput of(Article article, int expectedBands) {
            return new GatherInput(article, expectedBands, null);
        }

        public static GatherInput of(BandAnswer answer) {
            return new GatherInput(null, 0, answer);
        }
    }

    /** An article waiting for the answers of the partitions owning its bands. */
    public record Pending(Article article, int expectedBands, List<Integer> bandsAnswered, List<Candidate> candidates,
                          long firstSeenMillis) {
        public Pending {
            bandsAnswered = bandsAnswered == null ? List.of() : List.copyOf(bandsAnswered);
            candidates = candidates == null ? List.of() : List.copyOf(candidates);
        }

        public boolean complete() {
            return article != null && bandsAnswered.size() >= expectedBands;
        }
    }

    /** What the gather step decided for an article id, for updates and redeliveries. */
    public record Seen(int version, String duplicateOf, String storyId, String decision) {
    }
}
