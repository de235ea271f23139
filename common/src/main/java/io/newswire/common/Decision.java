package io.newswire.common;

/**
 * Why an article was, or was not, treated as a copy of another: one per article on the decisions topic.
 * {@code matchedId} is null for {@link Kind#NEW}. {@code score} is compared against {@code threshold}
 * by {@code method}; for exact content hashing both are 1.0. {@link Kind#STALE}: a version older than
 * one already decided for the id (or any version of a killed id but a newer one) arrived late; it is kept
 * here and goes nowhere else.
 */
public record Decision(
        String articleId,
        int version,
        Kind decision,
        String matchedId,
        String storyId,
        String method,
        double score,
        double threshold) {

    public enum Kind { NEW, UPDATE, KILL, EXACT_DUPLICATE, NEAR_DUPLICATE, SAME_STORY, STALE }
}
