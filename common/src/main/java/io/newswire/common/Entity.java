package io.newswire.common;

import java.util.List;

/**
 * A distinct named entity of one article. {@code key} is stable across articles (the same entity has
 * the same key everywhere); {@code mentions} holds the character offsets of every mention.
 */
public record Entity(
        String key,
        EntityType type,
        String name,
        List<String> surfaceForms,
        int mentionCount,
        double salience,
        List<Mention> mentions) {

    public Entity {
        surfaceForms = surfaceForms == null ? List.of() : List.copyOf(surfaceForms);
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }

    public enum EntityType { PERSON, ORGANIZATION, LOCATION, MISC }

    /** A mention at [start, end) of the headline or of the body text joined by blank lines. */
    public record Mention(Field field, int start, int end) {
        public enum Field { HEADLINE, BODY }
    }
}
