package io.newswire.processors.stories;

import io.newswire.common.DeadLetter;
import io.newswire.common.Story;
import io.newswire.common.StoryLink;
import io.newswire.processors.match.vectors.StoryRecords.StoryCorrection;
import io.newswire.processors.resolve.Deduplicated;

/**
 * What the story step emits, one kind per record: a story's new state ({@code story}, or a tombstone when
 * {@code tombstone}), a revised article with its decision, a story link rewritten by a move, a correction
 * for an index partition, a message to another story partition ({@code news.story-moves}), or a dead letter
 * for a message the step could not deliver.
 */
public record StoryOutput(Story story, boolean tombstone, Deduplicated revised, StoryLink link,
                          StoryCorrection correction, StoryMessage message, DeadLetter deadLetter) {

    public enum Kind { STORY, REVISED, LINK, CORRECTION, MESSAGE, DEAD_LETTER }

    static StoryOutput story(Story story) {
        return new StoryOutput(story, false, null, null, null, null, null);
    }

    static StoryOutput storyTombstone() {
        return new StoryOutput(null, true, null, null, null, null, null);
    }

    static StoryOutput revised(Deduplicated d) {
        return new StoryOutput(null, false, d, null, null, null, null);
    }

    static StoryOutput link(StoryLink link) {
        return new StoryOutput(null, false, null, link, null, null, null);
    }

    static StoryOutput correction(StoryCorrection c) {
        return new StoryOutput(null, false, null, null, c, null, null);
    }

    static StoryOutput message(StoryMessage m) {
        return new StoryOutput(null, false, null, null, null, m, null);
    }

    static StoryOutput deadLetter(DeadLetter letter) {
        return new StoryOutput(null, false, null, null, null, null, letter);
    }

    public Kind kind() {
        if (story != null || tombstone) {
            return Kind.STORY;
        }
        if (revised != null) {
            return Kind.REVISED;
        }
        if (link != null) {
            return Kind.LINK;
        }
        if (deadLetter != null) {
            return Kind.DEAD_LETTER;
        }
        return correction != null ? Kind.CORRECTION : Kind.MESSAGE;
    }
}
