package io.newswire.common;

import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The typed topic catalogue. Every name carries the configured prefix so several pipelines can share
 * a cluster. Keys are article ids everywhere except {@code stories} (story id) and {@code dlq} (the key
 * of the rejected record, or the dead letter's own id when there was none) and {@code entities} (the
 * entity registry, compacted, keyed by {@link KnownEntity#registryKey()}); {@code story-links} (compacted,
 * by article id: the story each article chose, read by every processors instance to resolve story ids);
 * {@code story-moves} (by story id, internal to the processors: members moving between stories, merge offers
 * between story partitions; its records are the processors' own and carry no public contract).
 */
public record Topics(
        Topic<String, Article> raw,
        Topic<String, Article> enriched,
        Topic<String, Story> stories,
        Topic<String, Decision> decisions,
        Topic<String, DeadLetter> dlq,
        Topic<String, KnownEntity> entities,
        Topic<String, StoryLink> storyLinks,
        Topic<String, byte[]> storyMoves) {

    public static Topics withPrefix(String prefix) {
        Serde<String> key = Serdes.String();
        return new Topics(
                new Topic<>(prefix + "news.raw", key, new JsonSerde<>(Article.class), false),
                new Topic<>(prefix + "news.enriched", key, new JsonSerde<>(Article.class), false),
                new Topic<>(prefix + "news.stories", key, new JsonSerde<>(Story.class), true),
                new Topic<>(prefix + "news.decisions", key, new JsonSerde<>(Decision.class), false),
                new Topic<>(prefix + "news.dlq", key, new JsonSerde<>(DeadLetter.class), false),
                new Topic<>(prefix + "news.entities", key, new JsonSerde<>(KnownEntity.class), true),
                new Topic<>(prefix + "news.story-links", key, new JsonSerde<>(StoryLink.class), true),
                new Topic<>(prefix + "news.story-moves", key, Serdes.ByteArray(), false));
    }

    public List<Topic<String, ?>> all() {
        return List.of(raw, enriched, stories, decisions, dlq, entities, storyLinks, storyMoves);
    }
}
