package io.newswire.processors.resolve;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import io.newswire.common.Article;
import io.newswire.common.Decision;
import io.newswire.common.ItemMeta;
import io.newswire.processors.match.lsh.LshRecords.Candidate;
import io.newswire.processors.resolve.GatherRecords.Seen;
import io.newswire.processors.match.vectors.StoryRecords.StoryCandidate;

/**
 * The dedup decision for one article, from its candidates and what was decided for its id before:
 * <ol>
 *   <li>a kill (pubstatus canceled): a tombstone, and the id stays killed;</li>
 *   <li>an older version than one decided for the id, or any version of a killed id but a newer one: stale,
 *       kept in the decisions and sent nowhere else, so the latest record of an id is always its newest
 *       version and a kill is never undone by a late copy;</li>
 *   <li>a newer version of a known id: an update, keeping the earlier links; the same version again is a
 *       redelivery and gets the same answer as the first time (the gather step first gives an item its own
 *       id when it claims a known id and version with other text);</li>
 *   <li>an earlier article with the same content hash: an exact duplicate;</li>
 *   <li>an earlier article at an estimated Jaccard of at least the threshold: a near duplicate;</li>
 *   <li>a story whose closest member scores at least the story threshold ({@code StoryScorer}): the same
 *       story, the best one;</li>
 *   <li>otherwise new, and the first article of its own story (story id = its id).</li>
 * </ol>
 * A copy joins its original's story: the original is nearly always the best member of that story among
 * the story candidates; when it is not there yet (both in flight at once), the best story at or above the
 * threshold, else the original's id.
 * "Earlier" orders by arrival time, then id, so two copies decide the same way whichever of them a
 * bucket saw first: the later one points to the earlier, never both at each other. A later copy that was
 * indexed first could not see the earlier one; {@link #laterCopies} lists such copies for the step after the
 * decision, which settles which of the two is the copy. Pure.
 */
public final class DedupDecider {

    public static final String METHOD_EXACT = "content-hash";
    public static final String METHOD_NEAR = "minhash-lsh";
    public static final String METHOD_VERSION = "version";
    public static final String METHOD_STORY = "tfidf-entities-time";
    /** A copy found only after its copy: the later arrival was decided first, as an original. */
    public static final String METHOD_EXACT_LATE = "content-hash-late";
    public static final String METHOD_NEAR_LATE = "minhash-lsh-late";

    /** The decision, the article as it goes out (null for a tombstone), and what to remember for its id. */
    public record Outcome(Article article, Decision decision, Seen seen) {
    }

    private final double nearThreshold;
    private final double storyThreshold;

    public DedupDecider(double nearThreshold, double storyThreshold) {
        this.nearThreshold = nearThreshold;
        this.storyThreshold = storyThreshold;
    }

    public double storyThreshold() {
        return storyThreshold;
    }

    public Outcome decide(Article article, List<Candidate> candidates, List<StoryCandidate> stories, Seen previous) {
        String id = article.id();
        long latest = previous == null ? article.received().toEpochMilli()
                : Math.max(article.received().toEpochMilli(), previous.receivedMillis());
        if (isKill(article)) {
            return new Outcome(null, new Decision(id, article.version(), Decision.Kind.KILL, id,
                    previous == null ? null : previous.storyId(), METHOD_VERSION, 1.0, 1.0),
                    new Seen(previous == null ? article.version() : Math.max(article.version(), previous.version()),
                            previous == null ? null : previous.duplicateOf(),
                            previous == null ? null : previous.storyId(), Decision.Kind.KILL.name(), latest, null, true));
        }
        if (previous != null && previous.killed() && previous.storyId() == null
                && article.version() > previous.version()) {
            previous = null; // a kill was all that was known of the id: its newer version is decided afresh
        }
        if (previous != null && (article.version() < previous.version()
                || (previous.killed() && article.version() == previous.version()))) {
            return new Outcome(null, new Decision(id, article.version(), Decision.Kind.STALE, id, null, METHOD_VERSION,
                    article.version(), previous.version()), previous);
        }
        if (previous != null) {
            boolean newer = article.version() > previous.version();
            Decision.Kind kind = newer ? Decision.Kind.UPDATE : Decision.Kind.valueOf(previous.decision());
            Article linked = article.withLinks(previous.duplicateOf(), previous.storyId());
            Decision decision = new Decision(id, article.version(), kind, newer ? id : previous.duplicateOf(),
                    previous.storyId(), METHOD_VERSION, article.version(), previous.version());
            return new Outcome(linked, decision, new Seen(Math.max(article.version(), previous.version()),
                    previous.duplicateOf(), previous.storyId(), newer && previous.killed() ? Decision.Kind.UPDATE.name()
                    : previous.decision(), latest, article.contentHash(), false));
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
        Optional<StoryCandidate> bestStory = stories.stream()
                .max(Comparator.comparingDouble(StoryCandidate::score)
                        .thenComparing(StoryCandidate::storyId, Comparator.reverseOrder()));
        Optional<StoryCandidate> joined = bestStory.filter(c -> c.score() >= storyThreshold);
        if (exact.isPresent()) {
            return copy(article, exact.get(), stories, joined, Decision.Kind.EXACT_DUPLICATE, METHOD_EXACT, 1.0, 1.0);
        }
        Optional<Candidate> near = earlier.stream()
                .filter(c -> c.similarity() >= nearThreshold)
                .max(Comparator.comparingDouble(Candidate::similarity).thenComparing(byArrival.reversed()));
        if (near.isPresent()) {
            return copy(article, near.get(), stories, joined, Decision.Kind.NEAR_DUPLICATE, METHOD_NEAR,
                    near.get().similarity(), nearThreshold);
        }
        if (joined.isPresent()) {
            StoryCandidate s = joined.get();
            return new Outcome(article.withLinks(null, s.storyId()),
                    new Decision(id, article.version(), Decision.Kind.SAME_STORY, s.articleId(), s.storyId(),
                            METHOD_STORY, s.score(), storyThreshold),
                    new Seen(article.version(), null, s.storyId(), Decision.Kind.SAME_STORY.name(), received,
                            article.contentHash(), false));
        }
        double best = bestStory.map(StoryCandidate::score).orElse(0.0);
        return new Outcome(article.withLinks(null, id),
                new Decision(id, article.version(), Decision.Kind.NEW, null, id, METHOD_STORY, best, storyThreshold),
                new Seen(article.version(), null, id, Decision.Kind.NEW.name(), received, article.contentHash(), false));
    }

    /**
     * Whether an article claims an id and version already decided for different text: not a redelivery but
     * another item (feed entries sharing a guid, two agencies' items with one doc-id).
     */
    public static boolean collides(Article article, Seen previous) {
        return previous != null && !previous.killed() && previous.contentHash() != null
                && article.version() == previous.version() && article.contentHash() != null
                && !article.contentHash().equals(previous.contentHash()) && !isKill(article);
    }

    /** The id a colliding item is decided under: its claimed id and a prefix of its content hash. */
    public static String ownId(Article article) {
        return article.id() + "~" + article.contentHash().substring(0, 12);
    }

    private static boolean isKill(Article article) {
        return article.meta() != null && ItemMeta.CANCELED.equals(article.meta().pubstatus());
    }

    /**
     * For an article decided an original (new, or same story): the articles that arrived after it yet were
     * indexed before it and are its exact or near copies, best first. Each was decided without seeing it, so
     * one of them may be an original too; which of the two is the copy is settled once their decisions are
     * known ({@code StoryResolveProcessor}).
     */
    public List<Candidate> laterCopies(Article article, List<Candidate> candidates) {
        long received = article.received().toEpochMilli();
        return candidates.stream()
                .filter(c -> c.receivedMillis() > received
                        || (c.receivedMillis() == received && c.articleId().compareTo(article.id()) > 0))
                .filter(c -> c.similarity() >= nearThreshold
                        || (c.contentHash() != null && c.contentHash().equals(article.contentHash())))
                .sorted(Comparator.comparing((Candidate c) -> c.contentHash() == null
                                || !c.contentHash().equals(article.contentHash()))
                        .thenComparing(Comparator.comparingDouble(Candidate::similarity).reversed())
                        .thenComparingLong(Candidate::receivedMillis)
                        .thenComparing(Candidate::articleId))
                .toList();
    }

    private static Outcome copy(Article article, Candidate original, List<StoryCandidate> stories,
                                Optional<StoryCandidate> joined, Decision.Kind kind, String method, double score,
                                double threshold) {
        String canonical = original.articleId();
        String story = stories.stream()
                .filter(s -> s.articleId().equals(canonical))
                .map(StoryCandidate::storyId)
                .findFirst()
                .orElseGet(() -> joined.map(StoryCandidate::storyId).orElse(canonical));
        return new Outcome(article.withLinks(canonical, story),
                new Decision(article.id(), article.version(), kind, canonical, story, method, score, threshold),
                new Seen(article.version(), canonical, story, kind.name(), article.received().toEpochMilli(),
                        article.contentHash(), false));
    }
}
