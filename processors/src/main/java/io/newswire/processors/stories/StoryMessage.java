package io.newswire.processors.stories;

import java.util.List;
import io.newswire.processors.match.vectors.StoryVector;
import io.newswire.processors.resolve.Deduplicated;

/**
 * What a story partition receives, keyed by story id: exactly one of
 * <ul>
 *   <li>{@code joined}: an article as decided (a first decision, an update or a kill);</li>
 *   <li>{@code moved}: a member that leaves another story for this one ({@code reason} is the revision's
 *       method, {@code score} the average link behind it; {@code lateJoin}: an article that joined the story it
 *       comes from after that story's members had left, and follows them);</li>
 *   <li>{@code offer}: another story close to this one, with what is needed to weigh the merge here;</li>
 *   <li>{@code absorbInto}: this story is to move its members into that one (the answer to an offer it made,
 *       or to such an answer sent back), which {@code survivor} describes as it stood when it answered.</li>
 * </ul>
 * {@code hops} counts forwards through merged stories. Of two stories the stronger survives a merge (more members,
 * then the earlier earliest member), and each side weighs the other as that one last described itself: a
 * description is never stronger than the story has since become, so two stories never merge into each other
 * (which would send their members back and forth). Splits and kills make a story weaker; the bound is a guard
 * for them.
 */
public record StoryMessage(Deduplicated joined, StoryMember moved, String reason, double score, MergeOffer offer,
                           String absorbInto, MergeOffer survivor, int hops, List<String> closeStories,
                           boolean lateJoin) {

    public StoryMessage {
        closeStories = closeStories == null ? List.of() : List.copyOf(closeStories);
    }

    public static final int MAX_HOPS = 16;

    /**
     * A story as seen by another: its id, its earliest member (arrival time and id: the merged story is named by
     * the earlier of the two), its member count, the sum of its members' vectors and their mean time.
     */
    public record MergeOffer(String storyId, long earliestMillis, String earliestId, int count, StoryVector centroid,
                             double meanTimeMillis) {

        /** Whether this story survives a merge with one of {@code count} members whose earliest member is given. */
        boolean survivesAgainst(int otherCount, long otherEarliestMillis, String otherEarliestId) {
            return count != otherCount ? count > otherCount
                    : Reclustering.earlier(earliestMillis, earliestId, otherEarliestMillis, otherEarliestId);
        }
    }

    public static StoryMessage joined(Deduplicated d) {
        return new StoryMessage(d, null, null, 0, null, null, null, 0, List.of(), false);
    }

    public static StoryMessage moved(StoryMember member, String reason, double score) {
        return moved(member, reason, score, List.of());
    }

    /** A member that just joined and was split off at once: its new story weighs merges with its close stories. */
    public static StoryMessage moved(StoryMember member, String reason, double score, List<String> closeStories) {
        return new StoryMessage(null, member, reason, score, null, null, null, 0, closeStories, false);
    }

    /** An article that joined a story its members had left by {@code reason}: it follows them. */
    public static StoryMessage lateJoin(StoryMember member, String reason, double score) {
        return new StoryMessage(null, member, reason, score, null, null, null, 0, List.of(), true);
    }

    public static StoryMessage offer(MergeOffer offer) {
        return new StoryMessage(null, null, null, 0, offer, null, null, 0, List.of(), false);
    }

    /** The answer to an offer: the offering story moves into {@code survivor} (its centroid is not needed). */
    public static StoryMessage absorb(MergeOffer survivor, double score) {
        return absorb(survivor, score, 0);
    }

    /** An answer sent back the other way, the {@code hops}-th (the story told to move had outgrown the survivor). */
    public static StoryMessage absorb(MergeOffer survivor, double score, int hops) {
        return new StoryMessage(null, null, null, score, null, survivor.storyId(), survivor, hops, List.of(), false);
    }

    public StoryMessage forwarded() {
        return new StoryMessage(joined, moved, reason, score, offer, absorbInto, survivor, hops + 1, closeStories,
                lateJoin);
    }
}
