package io.newswire.common;

/**
 * Why an article was, or was not, treated as a copy of another: one per article on the decisions topic.
 * {@code matchedId} is null for {@link Kind#NEW}. {@code score} is compared against {@code threshold}
 * by {@code method}; for exact content hashing both are 1.0. {@link Kind#STALE}: a version older than
 * one already decided for the id (or any version of a killed id but a newer one) arrived late; it is kept
 * here and goes nowhere else. {@code revision} 0 is the first decision; a story merge, split or rename
 * publishes the decision again with the new story, the next revision and {@code method} saying which.
 */
public record Decision(
        String articleId,
        int version,
        Kind decision,
        String matchedId,
        String storyId,
        String method,
        double score,
        double threshold,
        int revision) {

    /** Methods of a revision: the article moved to another story after its first decision. */
    public static final String METHOD_STORY_MERGE = "story-merge";
    public static final String METHOD_STORY_SPLIT = "story-split";
    public static final String METHOD_STORY_RENAME = "story-rename";
    /** A revision in the same story: the registry's counts respelled one of the article's entities. */
    public static final String METHOD_ENTITY_RESPELL = "entity-respell";

    /** A first decision (revision 0). */
    public Decision(String articleId, int version, Kind decision, String matchedId, String storyId, String method,
                    double score, double threshold) {
        this(articleId, version, decision, matchedId, storyId, method, score, threshold, 0);
    }

    /**
     * The same decision one revision later, in another story: {@code method} says why (merge, split, rename),
     * {@code score} and {@code threshold} are the average link that decided it.
     */
    public Decision revised(String story, String why, double byScore, double byThreshold, int newRevision) {
        return new Decision(articleId, version, decision, matchedId, story, why, byScore, byThreshold,
                newRevision);
    }

    public enum Kind { NEW, UPDATE, KILL, EXACT_DUPLICATE, NEAR_DUPLICATE, SAME_STORY, STALE }
}
