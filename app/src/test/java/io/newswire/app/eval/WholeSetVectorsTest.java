package io.newswire.app.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.newswire.common.Article;
import io.newswire.processors.match.vectors.StoryVector;
import org.junit.jupiter.api.Test;

class WholeSetVectorsTest {

    private static final Instant T0 = Instant.parse("2024-08-20T07:13:00Z");

    private static Article article(String id, String headline, String body) {
        return Article.ingested(id, 1, "wire", "text", null, headline, List.of(body), null, "en", T0, T0);
    }

    @Test
    void shouldGiveAnArticleTheSameVectorWhereverItStandsInTheSet() {
        Article quake = article("q", "Quake hits island", "A quake hit the island on Sunday, police said.");
        Article storm = article("s", "Storm hits coast", "A storm hit the coast on Monday, police said.");
        Article vote = article("v", "Island votes", "The island voted on Sunday for a new council.");

        Map<String, StoryVector> first = WholeSetVectors.of(List.of(quake, storm, vote));
        Map<String, StoryVector> last = WholeSetVectors.of(List.of(vote, storm, quake));

        assertThat(first.keySet()).containsExactlyInAnyOrder("q", "s", "v");
        for (String id : List.of("q", "s", "v")) {
            assertThat(last.get(id).termWeights()).as(id).containsExactly(first.get(id).termWeights());
            assertThat(last.get(id).termIds()).as(id).containsExactly(first.get(id).termIds());
        }
        assertThat(first.get("q").termWeight("quake")).as("in one article of three")
                .isGreaterThan(first.get("q").termWeight("island")).isGreaterThan(0);
    }
}
