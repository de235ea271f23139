package io.newswire.processors.stories;

import java.util.List;
import io.newswire.processors.match.vectors.StoryVector;
import io.newswire.processors.resolve.Deduplicated;

/**
 * What a story partition receives, keyed by story id: exactly one of
 * <ul>
 *   <li>{@code joined}: an article as decided (a first decision, an update or a kill);</li>
 *   <li>{@code moved}: a member that leaves another story for this one ({@code reason} is the revision's
 *       method, {@code score} the average link behind it);</li>
 *   <li>{@code offer}: another story close to this one, with what is needed to weigh the merge here;</li>
 *   <li>{@code absorbInto}: this story is to move its members into that one (the answer to an offer it made).</li>
 * </ul>
 * {@code hops} counts forwards through merged stories; merges only go towards earlier stories, so chains end,
 * and the bound is a guard.
 */
public record StoryMessage(Deduplicated joined, StoryMember moved, String reason, double score, MergeOffer offer,
                           String absorbInto, int hops, List<String> closeStories) {

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
    }

    public static StoryMessage joined(Deduplicated d) {
        return new StoryMessage(d, null, null, 0, null, null, 0, List.of());
    }

    public static StoryMessage moved(StoryMember member, String reason, double score) {
        return moved(member, reason, score, List.of());
    }

    /** A member that just joined and was split off at once: its new story weighs merges with its close stories. */
    public static StoryMessage moved(StoryMember member, String reason, double score, List<String> closeStories) {
        return new StoryMessage(null, member, reason, score, null, null, 0, closeStories);
    }

    public static StoryMessage offer(MergeOffer offer) {
        return new StoryMessage(null, null, null, 0, offer, null, 0, List.of());
    }

    public static StoryMessage absorb(String into, double score) {
        return new StoryMessage(null, null, null, score, null, into, 0, List.of());
    }

    public StoryMessage forwarded() {
        return new StoryMessage(joined, moved, reason, score, offer, absorbInto, hops + 1, closeStories);
    }
}
