package io.newswire.processors.match.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.newswire.common.Article;
import io.newswire.common.Entity;
import org.junit.jupiter.api.Test;

class StoryVectorsTest {

    private static final Instant T0 = Instant.parse("2024-08-20T07:13:00Z");

    private static Article article(String headline, String body, Entity... entities) {
        return Article.ingested("a", 1, "wire", "text", null, headline, List.of(body), null, "en", T0,
                T0.plusSeconds(3600)).withEntities(List.of(entities), "analysed");
    }

    private static Entity place(String name) {
        return new Entity("location:" + name.toLowerCase(), Entity.EntityType.LOCATION, name, List.of(name), 2, 1.0,
                List.of());
    }

    @Test
    void shouldWeighARareWordAboveOneEveryArticleHas() {
        MapFrequencies df = new MapFrequencies();
        StoryVectors vectors = new StoryVectors(df);
        vectors.of(article("Police report", "Police said the road was closed."));
        vectors.of(article("Police report", "Police said the match was delayed."));
        StoryVector v = vectors.of(article("News", "Police saw an earthquake."));

        assertThat(v.termWeight("earthquake")).isGreaterThan(v.termWeight("police")).isGreaterThan(0);
        assertThat(v.termWeight("the")).isZero();
        double norm = 0;
        for (float w : v.termWeights()) {
            norm += (double) w * w;
        }
        assertThat(norm).isCloseTo(1.0, within(1e-5));
        assertThat(df.documents()).isEqualTo(3);
    }

    @Test
    void shouldKeepOnlyTheHeaviestWordsOfALongArticle() {
        MapFrequencies df = new MapFrequencies();
        StoryVectors vectors = new StoryVectors(df);
        // "common" is in every article seen, so it is the lightest word of the long one.
        vectors.of(article("Common", "common ground"));
        StringBuilder body = new StringBuilder("common");
        for (int i = 0; i < 2 * StoryVectors.MAX_TERMS; i++) {
            body.append(" word").append((char) ('a' + i % 26)).append((char) ('a' + i / 26));
        }
        StoryVector v = vectors.of(article("Long", body.toString()));

        assertThat(v.termIds()).hasSize(StoryVectors.MAX_TERMS);
        assertThat(v.termWeight("common")).isZero();
        double norm = 0;
        for (float w : v.termWeights()) {
            norm += (double) w * w;
        }
        assertThat(norm).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void shouldRouteByHeaviestWordsAndEntities() {
        StoryVectors vectors = new StoryVectors(new MapFrequencies());
        StoryVector v = vectors.of(article("Earthquake hits Qeshm", "An earthquake struck Qeshm island in Iran "
                + "on Sunday, damaging seven villages and killing ten people in the Persian Gulf region.",
                place("Qeshm"), place("Iran")));

        assertThat(v.keys()).hasSize(StoryVectors.TERM_KEYS + 2)
                .contains("t:qeshm", "t:earthquake", "e:location:qeshm", "e:location:iran");
        assertThat(v.entityIds()).hasSize(2);
        assertThat(v.entityWeight("e:location:qeshm")).isGreaterThan(0);
        assertThat(v.timeMillis()).as("the publication time").isEqualTo(T0.toEpochMilli());
    }

    @Test
    void shouldLeaveTheTimeOfAnArticleItsSourceDidNotDateUnknown() {
        Article undated = Article.ingested("a", 1, "wire", "text", null, "Quake", List.of("Quake on Qeshm."), null,
                "en", null, T0);
        StoryVector v = new StoryVectors(new MapFrequencies()).of(undated);
        assertThat(v.dated()).isFalse();
        StoryVector dated = new StoryVectors(new MapFrequencies()).of(article("Quake", "Quake on Qeshm."));
        StoryScorer scorer = new StoryScorer(0.24, java.time.Duration.ofDays(7));
        StoryVector yearsLater = new StoryVector(dated.termIds(), dated.termWeights(), dated.entityIds(),
                dated.entityWeights(), dated.keys(), T0.plus(java.time.Duration.ofDays(800)).toEpochMilli());
        assertThat(scorer.score(v, yearsLater)).as("unknown is neither near nor far").isGreaterThan(0.5);
        assertThat(scorer.score(dated, yearsLater)).as("dated years apart")
                .isLessThan(scorer.score(v, yearsLater));
    }

    @Test
    void shouldCountHeadlineWordsTwice() {
        Map<String, Integer> counts = StoryText.counts("Quake in Iran", List.of("The quake was strong."));
        assertThat(counts).containsEntry("quake", 3).containsEntry("iran", 2).containsEntry("strong", 1)
                .doesNotContainKeys("in", "the", "was");
    }
}
