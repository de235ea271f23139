package io.newswire.processors.stories;

import io.newswire.processors.TestStores;
import io.newswire.processors.resolve.Deduplicated;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import io.newswire.common.Article;
import io.newswire.common.Decision;
import io.newswire.common.JsonSerde;
import io.newswire.common.Story;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One story's record as members join and are killed, whatever the story's size. */
class StoryAggregatorTest {

    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(7);

    private MockProcessorContext<String, Story> context;
    private StoryAggregator stories;
    private KeyValueStore<String, StoryAggregator.StoryState> store;
    private KeyValueStore<String, String> members;

    @BeforeEach
    void setUp() {
        context = new MockProcessorContext<>();
        store = TestStores.add(context, StoryAggregator.STORE, new JsonSerde<>(StoryAggregator.StoryState.class));
        members = TestStores.add(context, StoryAggregator.MEMBERS, Serdes.String());
        stories = new StoryAggregator(RETENTION);
        stories.init(context);
    }

    private Story join(String id, String source, int version) {
        return join("s1", id, source, version, T0);
    }

    private Story join(String story, String id, String source, int version, Instant received) {
        Article a = Article.ingested(id, version, source, "text", null, "Quake hits island " + id,
                List.of("Body."), null, "en", received, received).withLinks(null, story);
        context.resetForwards();
        stories.process(new Record<>(story, new Deduplicated(a, new Decision(id, version, Decision.Kind.SAME_STORY,
                "a0", story, "x", 0.5, 0.24), List.of(), List.of()), 0L));
        return context.forwarded().get(0).record().value();
    }

    @Test
    void shouldDropAStoryWithNoArrivalWithinTheWindowOfTheLatestOneAndKeepTheOthers() {
        join("s1", "a1", "afp", 1, T0);
        join("s1", "a2", "afp", 1, T0.plusSeconds(60));
        join("s2", "b1", "afp", 1, T0.plus(RETENTION));
        context.resetForwards();
        punctuate();
        assertThat(store.get("s1")).as("its newest member arrived within the window").isNotNull();

        join("s2", "b2", "afp", 1, T0.plus(RETENTION).plusSeconds(61));
        context.resetForwards();
        punctuate();

        assertThat(store.get("s1")).isNull();
        assertThat(members.approximateNumEntries()).as("b1 and b2 only").isEqualTo(2);
        assertThat(store.get("s2").story().articleCount()).isEqualTo(2);
        assertThat(context.forwarded()).as("the story's last record stays on the topic").isEmpty();
    }

    private void punctuate() {
        context.scheduledPunctuators().forEach(p -> p.getPunctuator().punctuate(0L));
    }

    private Story kill(String id) {
        context.resetForwards();
        stories.process(new Record<>("s1", new Deduplicated(null, new Decision(id, 2, Decision.Kind.KILL, id, "s1",
                "version", 1, 1), List.of(), List.of()), 0L));
        return context.forwarded().isEmpty() ? null : context.forwarded().get(0).record().value();
    }

    @Test
    void shouldCountEveryMemberAndListTheNewestHundred() {
        Story story = null;
        for (int i = 0; i < 150; i++) {
            story = join("a" + i, i % 2 == 0 ? "afp" : "reuters", 1);
        }
        assertThat(story.articleCount()).isEqualTo(150);
        assertThat(story.memberIds()).hasSize(StoryAggregator.LISTED_MEMBERS).startsWith("a50").endsWith("a149");
        assertThat(story.sources()).containsExactly("afp", "reuters");
        assertThat(story.sourceCount()).isEqualTo(2);
        assertThat(story.headline()).isEqualTo("Quake hits island a0");

        assertThat(join("a149", "reuters", 2).articleCount()).as("an update counts once").isEqualTo(150);
        Story afterKill = kill("a149");
        assertThat(afterKill.articleCount()).isEqualTo(149);
        assertThat(afterKill.memberIds()).doesNotContain("a149");
        assertThat(kill("a149")).as("a second kill of the same id changes nothing").isNull();
    }

    @Test
    void shouldDropASourceWithItsLastMemberAndTombstoneAnEmptyStory() {
        join("a1", "afp", 1);
        join("a2", "reuters", 1);
        Story one = kill("a2");
        assertThat(one.sources()).containsExactly("afp");
        assertThat(one.articleCount()).isEqualTo(1);
        context.resetForwards();
        stories.process(new Record<>("s1", new Deduplicated(null, new Decision("a1", 2, Decision.Kind.KILL, "a1", "s1",
                "version", 1, 1), List.of(), List.of()), 0L));
        assertThat(context.forwarded()).singleElement().satisfies(f -> assertThat(f.record().value()).isNull());
    }
}
