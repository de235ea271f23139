package io.newswire.common;

/**
 * The story an article chose when it was decided, by article id on the compacted story-links topic: its own
 * id when it founded a story, another when it joined one. Articles decided at the same moment on different
 * partitions can join a story whose founder was itself meanwhile decided into another; following these links
 * names the story they all belong to. {@code duplicateOf} is the article it copies (null for an original):
 * an article that arrived first but was decided after its copy becomes the copy only of an original.
 */
public record StoryLink(String storyId, String duplicateOf, long decidedMillis) {
}
