package io.newswire.common;

/**
 * The story an article chose when it was decided, by article id on the compacted story-links topic: its own
 * id when it founded a story, another when it joined one. Articles decided at the same moment on different
 * partitions can join a story whose founder was itself meanwhile decided into another; following these links
 * names the story they all belong to.
 */
public record StoryLink(String storyId, long decidedMillis) {
}
