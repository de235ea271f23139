package io.newswire.processors.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import io.newswire.common.StoryLink;
import org.junit.jupiter.api.Test;

class StoryResolverTest {

    private final Map<String, StoryLink> links = new HashMap<>();

    private void link(String article, String story) {
        links.put(article, new StoryLink(story, null, 0));
    }

    private String resolve(String article, String chosen) {
        return StoryResolver.resolve(article, chosen, links::get).orElse("(wait)");
    }

    @Test
    void shouldKeepTheStoryAnArticleFoundsOrJoinsWhenItsFounderFoundedIt() {
        link("s", "s");
        assertThat(resolve("a", "a")).as("a founder, before its own link is known").isEqualTo("a");
        assertThat(resolve("b", "s")).isEqualTo("s");
    }

    @Test
    void shouldFollowAFounderThatWasDecidedIntoAnotherStory() {
        // b joined "a" while a was indexed under its own id; a's decision then put it in s, s in t.
        link("a", "s");
        link("s", "t");
        link("t", "t");
        assertThat(resolve("b", "a")).isEqualTo("t");
    }

    @Test
    void shouldWaitWhileALinkOnTheWayIsNotKnown() {
        assertThat(resolve("b", "a")).isEqualTo("(wait)");
        link("a", "s");
        assertThat(resolve("b", "a")).as("s not known yet").isEqualTo("(wait)");
        link("s", "s");
        assertThat(resolve("b", "a")).isEqualTo("s");
    }

    @Test
    void shouldNameACycleByItsSmallestIdWhereverItIsEntered() {
        // a and s chose each other at the same moment; x joined a, y joined s.
        link("a", "s");
        link("s", "a");
        assertThat(resolve("x", "a")).isEqualTo("a");
        assertThat(resolve("y", "s")).isEqualTo("a");
        assertThat(resolve("a", "s")).as("a itself, its link not yet read back").isEqualTo("a");
        link("p", "s");
        assertThat(resolve("z", "p")).as("the way in is not part of the cycle").isEqualTo("a");
    }
}
