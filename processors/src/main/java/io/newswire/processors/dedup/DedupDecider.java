package io.newswire.processors.dedup;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import io.newswire.common.Article;
import io.newswire.common.Decision;
import io.newswire.common.ItemMeta;
import io.newswire.processors.dedup.DedupRecords.Candidate;
import io.newswire.processors.dedup.DedupRecords.Seen;

/**
 * The dedup decision for one article, from its candidates and what was decided for its id before:
 * <ol>
 *   <li>a kill (pubstatus canceled) of a known id: a tombstone;</li>
 *   <li>a newer version of a known id: an update, keeping the earlier links; the same version again is a
 *       redelivery and gets the same answer as the first time;</li>
 *   <li>an earlier article with the same content hash: an exact duplicate;</li>
 *   <li>an earlier article at an estimated Jaccard of at least the threshold: a near duplicate;</li>
 *   <li>otherwise new, and the first article of its own story.</li>
 * </ol>
 * "Earlier" orders by arrival time, then id, so two copies decide the same way whichever of them a
 * bucket saw first: the later one points to the earlier, never both at each other. Pure.
 */
public final class DedupDecider {

    public static final String METHOD_EXACT = "content-hash";
    public static final String METHOD_NEAR = "minhash-lsh";
    public static final String METHOD_VERSION = "version";

    /** The decision, the article as it goes out (null for a tombstone), and what to remember for its id. */
    public record Outcome(Article article, Decision decision, Seen seen) {
    }

    private final double nearThreshold;

    public DedupDecider(double nearThreshold) {
        this.nearThreshold = nearThreshold;
    }

    public Outcome decide(Article article, List<Candidate> candidates, Seen previous) {
        String id = article.id();
        if (article.meta() != null && ItemMeta.CANCELED.equals(article.meta().pubstatus())) {
            return new Outcome(null, new Decision(id, article.version(), Decision.Kind.KILL, id,
                    previous == null ? null : previous.storyId(), METHOD_VERSION, 1.0, 1.0), null);
        }
        if (previous != null) {
            boolean newer = article.version() > previous.version();
            Decision.Kind kind = newer ? Decision.Kind.UPDATE : Decision.Kind.valueOf(previous.decision());
            Article linked = article.withLinks(previous.duplicateOf(), previous.storyId());
            Decision decision = new Decision(id, article.version(), kind, newer ? id : previous.duplicateOf(),
                    previous.storyId(), METHOD_VERSION, article.version(), previous.version());
            return new Outcome(linked, decision, new Seen(Math.max(article.version(), previous.version()),
                    previous.duplicateOf(), previous.storyId(), previous.decision()));
        }
        long received = article.received().toEpochMilli();
        Comparator<Candidate> byArrival = Comparator.comparingLong(Candidate::receivedMillis)
                .thenComparing(Candidate::articleId);
        List<Candidate> earlier = candidates.stream()
                .filter(c -> c.receivedMillis() < received
                        || (c.receivedMillis() == received && c.articleId().compareTo(id) < 0))
                .toList();
        Optional<Candidate> exact = earlier.stream()
                .filter(c -> c.contentHash() != null && c.contentHash().equals(article.contentHash()))
                .min(byArrival);
        if (exact.isPresent()) {
            return linked(article, exact.get(), Decision.Kind.EXACT_DUPLICATE, METHOD_EXACT, 1.0, 1.0);
        }
        Optional<Candidate> near = earlier.stream()
                .filter(c -> c.similarity() >= nearThreshold)
                .max(Comparator.comparingDouble(Candidate::similarity).thenComparing(byArrival.reversed()));
        if (near.isPresent()) {
            return linked(article, near.get(), Decision.Kind.NEAR_DUPLICATE, METHOD_NEAR, near.get().similarity(),
                    nearThreshold);
        }
        double best = candidates.stream().mapToDouble(Candidate::similarity).max().orElse(0);
        return new Outcome(article.withLinks(null, id),
                new Decision(id, article.version(), Decision.Kind.NEW, null, id, METHOD_NEAR, best, nearThreshold),
                new Seen(article.version(), null, id, Decision.Kind.NEW.name()));
    }

    /** Duplicates join the story of the article they copy; until story clustering lands that is its id. */
    private static Outcome linked(Article article, Candidate original, Decision.Kind kind, String method, double score,
                                  double threshold) {
        String canonical = original.articleId();
        return new Outcome(article.withLinks(canonical, canonical),
                new Decision(article.id(), article.version(), kind, canonical, canonical, method, score, threshold),
                new Seen(article.version(), canonical, canonical, kind.name()));
    }
}
