package io.newswire.processors.resolve;

import io.newswire.processors.match.lsh.LshRecords.Candidate;
import io.newswire.processors.match.vectors.StoryRecords.StoryCandidate;
import java.util.List;

/** The records the gather step keeps while it collects answers, and what it remembers of each decision. */
public final class GatherRecords {

    private GatherRecords() {
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
     * kept: those expire at once). {@code contentHash}: the latest version's (null in records from before it
     * was kept, and for a kill), which tells a redelivery from a different item under the same id and version;
     * {@code killed}: the id's latest decision was a kill.
     */
    public record Seen(int version, String duplicateOf, String storyId, String decision, long receivedMillis,
                       String contentHash, boolean killed) {

        public Seen(int version, String duplicateOf, String storyId, String decision, long receivedMillis) {
            this(version, duplicateOf, storyId, decision, receivedMillis, null, false);
        }

        /** The same memory with another original (a copy settled late). */
        public Seen withOriginal(String original) {
            return new Seen(version, original, storyId, decision, receivedMillis, contentHash, killed);
        }
    }
}
