package io.newswire.processors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import io.newswire.common.Article;
import io.newswire.common.Decision;
import io.newswire.common.Story;
import io.newswire.processors.nlp.Enrichment;
import io.newswire.processors.nlp.LanguageDetector;
import io.newswire.processors.stories.RevisionRules;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revisions through the whole topology: what each output topic says once stories merge or split, and that
 * one corpus streamed in five orders ends in the same stories.
 */
class StoryRevisionsTest {

    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

    @TempDir
    Path stateDir;

    /** Three events of two kinds, four differently worded reports each (no copies). */
    private static final List<Article> CORPUS = List.of(
            report("q1", "Earthquake hits Qeshm island", "A magnitude 5.9 earthquake struck Qeshm island off southern "
                    + "Iran on Sunday, killing ten people and damaging seven villages."),
            report("q2", "Qeshm villagers shelter after earthquake", "Survivors of the Qeshm earthquake slept in "
                    + "tents as aftershocks shook the island; ten died in the villages."),
            report("q3", "Rescuers reach Qeshm villages", "Rescue teams reached the damaged villages of Qeshm island "
                    + "after Sunday's earthquake killed ten people in southern Iran."),
            report("q4", "Iran counts quake damage on Qeshm", "Officials on Qeshm island counted damage to seven "
                    + "villages after the earthquake that killed ten people on Sunday."),
            report("c1", "Earthquake strikes central Chile", "A magnitude 7.1 earthquake struck central Chile near "
                    + "Talca on Tuesday, toppling adobe houses and cutting power to Santiago."),
            report("c2", "Chile quake topples houses near Talca", "Adobe houses collapsed near Talca when the Chile "
                    + "earthquake hit on Tuesday; Santiago lost power for hours."),
            report("c3", "Santiago power back after Chile earthquake", "Power returned to Santiago after Tuesday's "
                    + "earthquake in central Chile, which toppled houses around Talca."),
            report("c4", "Talca residents clear rubble", "Residents of Talca cleared rubble of adobe houses after the "
                    + "central Chile earthquake on Tuesday left Santiago dark."),
            report("e1", "Parliament passes budget after vote", "Lawmakers passed the budget in a late vote on "
                    + "Thursday after the finance minister agreed to cut fuel taxes."),
            report("e2", "Budget clears parliament", "The budget cleared parliament on Thursday night once the finance "
                    + "minister promised lower fuel taxes to wavering lawmakers."),
            report("e3", "Fuel tax cut wins budget vote", "A cut in fuel taxes won over lawmakers, and the budget passed "
                    + "parliament in Thursday's vote, the finance minister said."),
            report("e4", "Finance minister hails budget vote", "The finance minister hailed Thursday's parliament vote "
                    + "passing the budget with its fuel tax cut."));

    private static Article report(String id, String headline, String body) {
        return Article.ingested(id, 1, "wire-" + id, "text", null, headline, List.of(body), null, "en", null, T0);
    }

    /** The run's outputs: the latest article and decision per id, every story record, revisions seen. */
    private record Run(Map<String, Article> articles, Map<String, Decision> decisions, Map<String, Story> stories,
                       int revisions) {

        Set<Set<String>> clusters() {
            Map<String, Set<String>> byStory = new HashMap<>();
            articles.values().forEach(a -> byStory.computeIfAbsent(a.storyId(), s -> new TreeSet<>()).add(a.id()));
            return new HashSet<>(byStory.values());
        }
    }

    private Run run(List<Article> order, TopologySettings settings) {
        return run(order, settings, order::indexOf, Duration.ZERO);
    }

    /**
     * @param arrival the second after T0 each article arrives at
     * @param idle    wall-clock time the topology then runs with no input
     */
    private Run run(List<Article> order, TopologySettings settings, ToIntFunction<Article> arrival, Duration idle) {
        try (TopologyRun run = new TopologyRun(stateDir, new Enrichment(LanguageDetector.fixed("en"),
                a -> List.of()), settings, T0)) {
            for (Article a : order) {
                run.publish(new Article(a.id(), 1, a.source(), a.format(), null, a.headline(), a.body(), null,
                        "en", null, T0.plusSeconds(arrival.applyAsInt(a)), null, List.of(), null, null, null, null,
                        null));
            }
            run.driver.advanceWallClockTime(idle);
            Map<String, Article> articles = new HashMap<>();
            int revisions = 0;
            for (TestRecord<String, Article> r : run.enriched.readRecordsToList()) {
                Article before = articles.get(r.key());
                assertThat(before == null || r.value().revision() > before.revision())
                        .as("revisions of %s come in order", r.key()).isTrue();
                revisions += r.value().revision() > 0 ? 1 : 0;
                articles.put(r.key(), r.value());
            }
            Map<String, Decision> decisions = new HashMap<>();
            run.decisions.readValuesToList().forEach(d -> decisions.put(d.articleId(), d));
            Map<String, Story> latest = new HashMap<>();
            run.stories.readRecordsToList().forEach(r -> latest.put(r.key(), r.value()));
            return new Run(articles, decisions, latest, revisions);
        }
    }

    @Test
    void shouldEndInTheSameStoriesInFiveOrdersWithEveryTopicAgreeing() {
        Set<Set<String>> first = null;
        for (int seed = 0; seed < 5; seed++) {
            List<Article> order = new ArrayList<>(CORPUS);
            Collections.shuffle(order, new Random(seed));
            Run run = run(order, TopologySettings.defaults());
            Set<Set<String>> clusters = run.clusters();
            if (first == null) {
                first = clusters;
            }
            assertThat(clusters).as("order %d: %s", seed, order.stream().map(Article::id).toList()).isEqualTo(first);
            for (Article a : run.articles().values()) {
                assertThat(run.decisions().get(a.id()).storyId()).as("news.decisions agrees on %s", a.id())
                        .isEqualTo(a.storyId());
                assertThat(run.decisions().get(a.id()).revision()).isEqualTo(a.revision());
                Story story = run.stories().get(a.storyId());
                assertThat(story).as("news.stories holds %s's story", a.id()).isNotNull();
                assertThat(story.mergedInto()).isNull();
                assertThat(story.memberIds()).contains(a.id());
            }
            run.stories().forEach((id, s) -> {
                if (s != null && s.mergedInto() == null) {
                    assertThat(run.articles().values()).as("story %s has its members", id)
                            .anyMatch(a -> a.storyId().equals(id));
                }
            });
            assertThat(run.revisions()).as("revisions, order %d", seed).isLessThanOrEqualTo(CORPUS.size());
        }
        assertThat(first).as("three events").hasSize(3);
    }

    @Test
    void shouldNameEachStoryByItsEarliestArrivalInAnyProcessingOrderOnceTheStoryStepIsIdle() {
        for (int seed = 0; seed < 3; seed++) {
            List<Article> order = new ArrayList<>(CORPUS);
            Collections.shuffle(order, new Random(seed));
            // Arrival follows the corpus, processing the shuffled order: founders are often not the earliest.
            Run run = run(order, TopologySettings.defaults(), CORPUS::indexOf, Duration.ofSeconds(2));
            Map<String, String> storyOf = new HashMap<>();
            run.articles().values().forEach(a -> storyOf.put(a.id(), a.storyId()));
            assertThat(storyOf).as("order %d: %s", seed, order.stream().map(Article::id).toList())
                    .containsEntry("q2", "q1").containsEntry("c4", "c1").containsEntry("e3", "e1");
            for (Article a : run.articles().values()) {
                assertThat(run.decisions().get(a.id()).storyId()).isEqualTo(a.storyId());
                assertThat(run.stories().get(a.storyId())).isNotNull();
            }
        }
    }

    @Test
    void shouldCarryAMergeToEveryTopicWhenStoriesStartApart() {
        // A high join threshold makes the first decisions start stories apart; merges bring them together.
        TopologySettings d = TopologySettings.defaults();
        TopologySettings apart = new TopologySettings(d.maxArticleBytes(), d.retention(), d.nearThreshold(), 0.6,
                d.partitions(), new RevisionRules(d.revisions().window(), 3, 0.3, 0.05));
        Run run = run(CORPUS, apart);
        assertThat(run.revisions()).as("some articles moved").isPositive();
        assertThat(run.decisions().values()).filteredOn(x -> x.revision() > 0)
                .allSatisfy(x -> assertThat(x.method()).isIn(Decision.METHOD_STORY_MERGE, Decision.METHOD_STORY_SPLIT,
                        Decision.METHOD_STORY_RENAME));
        assertThat(run.stories().values()).as("a merged story's last record says where it went, before its tombstone")
                .contains((Story) null);
        for (Article a : run.articles().values()) {
            assertThat(run.decisions().get(a.id()).storyId()).isEqualTo(a.storyId());
            assertThat(run.stories().get(a.storyId())).isNotNull();
        }
    }
}
