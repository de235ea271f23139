package io.newswire.processors.resolve;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import io.newswire.common.StoryLink;

/**
 * Names the story an article belongs to from the story it chose and the story links of the articles decided
 * before it. A story id is the id of the article that founded it, but an index partition can offer an article
 * under its own id before that article's decision is known, and the decision may then put it in another story:
 * a second article that joined "its" story meanwhile joined a story with no founder. Following the links
 * (A chose S, S founded S) names the story both are in. Two articles that chose each other at the same moment
 * make a cycle of links; its smallest id names the story, the same on every instance. Pure.
 */
public final class StoryResolver {

    private StoryResolver() {
    }

    /**
     * @param articleId the article being decided
     * @param chosen    the story its decision chose (its own id when it founded one)
     * @param links     the story links known so far, by article id (null: not decided yet, or not known here yet)
     * @return the story, or empty while a link on the way is not known yet (wait and ask again)
     */
    public static Optional<String> resolve(String articleId, String chosen, Function<String, StoryLink> links) {
        List<String> visited = new ArrayList<>();
        String story = chosen;
        while (true) {
            String next;
            if (story.equals(articleId)) {
                next = chosen;
            } else {
                StoryLink link = links.apply(story);
                if (link == null) {
                    return Optional.empty();
                }
                next = link.storyId();
            }
            if (next.equals(story)) {
                return Optional.of(story);
            }
            if (visited.contains(story)) {
                return Optional.of(Collections.min(visited.subList(visited.indexOf(story), visited.size())));
            }
            visited.add(story);
            story = next;
        }
    }
}
