package io.newswire.processors.match;

import io.newswire.processors.match.lsh.LshRecords.Candidate;
import io.newswire.processors.match.lsh.MinHash;
import io.newswire.processors.match.lsh.SignatureJson;
import io.newswire.processors.match.vectors.StoryKeys;
import io.newswire.processors.match.vectors.StoryRecords.StoryCandidate;
import io.newswire.processors.match.vectors.StoryVector;
import io.newswire.common.Article;
import java.util.List;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/** The records of the scatter/gather around the indexes: the probe multicast to the partitions owning an
 * article's keys, their answers, and what the gather step receives. */
public final class MatchRecords {

    private MatchRecords() {
    }

    /**
     * One article's signature and story vector, multicast once to every partition that owns at least one of
     * its band keys or story keys ({@link ProbePartitioner}); each partition answers for the keys it owns.
     * {@code partitions} is the probe topic's partition count that ownership was computed for. The answer
     * goes back keyed by {@code requestId} ({@link Signed#requestId()}).
     */
    public record Probe(String articleId, String requestId, String contentHash, long receivedMillis,
                        @JsonSerialize(using = SignatureJson.Serializer.class)
                        @JsonDeserialize(using = SignatureJson.Deserializer.class) int[] signature,
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

    /**
     * One of: the article itself (with how many partition answers to wait for, and its story vector), or one
     * partition's answer.
     * The gather step receives both, keyed by request id and partitioned by article id, in any order.
     */
    public record GatherInput(Article article, int expectedAnswers, Answer answer, StoryVector vector) {
        /** The article and its story vector (null for a kill), which goes on with it to the story step. */
        public static GatherInput of(Article article, int expectedAnswers, StoryVector vector) {
            return new GatherInput(article, expectedAnswers, null, vector);
        }

        public static GatherInput of(Answer answer) {
            return new GatherInput(null, 0, answer, null);
        }
    }
}
