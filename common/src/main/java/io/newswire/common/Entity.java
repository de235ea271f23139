package io.newswire.common;

import java.util.List;

/**
 * A distinct named entity of one article. {@code key} is stable across articles (the same entity has
 * the same key everywhere); {@code mentions} holds the character offsets of every mention; {@code kbId}
 * is the English Wikipedia page the entity is linked to ({@code https://en.wikipedia.org/wiki/Title}), or
 * null when it is not linked.
 */
public record Entity(
        String key,
        EntityType type,
        String name,
        List<String> surfaceForms,
        int mentionCount,
        double salience,
        List<Mention> mentions,
        String kbId) {

    public Entity {
        surfaceForms = surfaceForms == null ? List.of() : List.copyOf(surfaceForms);
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }

    /** An entity not linked to the knowledge base. */
    public Entity(String key, EntityType type, String name, List<String> surfaceForms, int mentionCount,
            double salience, List<Mention> mentions) {
        this(key, type, name, surfaceForms, mentionCount, salience, mentions, null);
    }

    public boolean linked() {
        return kbId != null;
    }

    public enum EntityType { PERSON, ORGANIZATION, LOCATION, MISC }

    /** A mention at [start, end) of the headline or of the body text joined by blank lines. */
    public record Mention(Field field, int start, int end) {
        public enum Field { HEADLINE, BODY }
    }
}
