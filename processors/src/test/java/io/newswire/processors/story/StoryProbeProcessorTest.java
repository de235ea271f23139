package io.newswire.processors.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import io.newswire.common.Article;
import io.newswire.common.JsonSerde;
import io.newswire.processors.dedup.DedupRecords.GatherInput;
import io.newswire.processors.story.StoryRecords.StoryBucket;
import io.newswire.processors.story.StoryRecords.StoryCandidate;
import io.newswire.processors.story.StoryRecords.StoryInsert;
import io.newswire.processors.story.StoryRecords.StoryProbe;
import io.newswire.processors.story.StoryVectorsTest.MapFrequencies;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The story index on one partition: probes answer from it and index themselves at once; decisions fix stories. */
class StoryProbeProcessorTest {

    private static final Instant T0 = Instant.parse("2024-08-20T07:13:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    private final StoryScorer scorer = new StoryScorer(0.24, WEEK);
    private final StoryVectors vectors = new StoryVectors(new MapFrequencies());
    private MockProcessorContext<String, GatherInput> context;
    private StoryProbeProcessor probes;
    private StoryInsertProcessor inserts;

    @BeforeEach
    void setUp() {
        context = new MockProcessorContext<>();
        KeyValueStore<String, StoryBucket> buckets = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StoryProbeProcessor.BUCKETS), Serdes.String(),
                new JsonSerde<>(StoryBucket.class)).withLoggingDisabled().build();
        KeyValueStore<String, StoryRecords.StoredVector> stored = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StoryProbeProcessor.VECTORS), Serdes.String(),
                new StoredVectorSerde()).withLoggingDisabled().build();
        buckets.init(context.getStateStoreContext(), buckets);
        stored.init(context.getStateStoreContext(), stored);
        context.addStateStore(buckets);
        context.addStateStore(stored);
        probes = new StoryProbeProcessor(scorer, WEEK);
        probes.init(context);
        inserts = new StoryInsertProcessor(scorer, WEEK);
        inserts.init(new MockProcessorContext<>() {
            {
                addStateStore(buckets);
                addStateStore(stored);
            }
        });
    }

    private StoryVector vector(String id, String headline, String body) {
        return vectors.of(Article.ingested(id, 1, "wire", "text", null, headline, List.of(body), null, "en", T0, T0));
    }

    private List<StoryCandidate> probe(String id, StoryVector v) {
        context.resetForwards();
        probes.process(new Record<>(id, new StoryProbe(id, id + "#0@0", v, 1), T0.toEpochMilli()));
        return context.forwarded().get(0).record().value().storyAnswer().candidates();
    }

    @Test
    void shouldLetTheSecondArticleOfABurstFindTheFirstBeforeAnyDecision() {
        StoryVector first = vector("q1", "Earthquake hits Qeshm island",
                "A strong earthquake struck Qeshm island off southern Iran, damaging seven villages.");
        StoryVector second = vector("q2", "Qeshm villagers shelter after earthquake",
                "Survivors of the Qeshm island earthquake in southern Iran slept in tents near seven villages.");

        assertThat(probe("q1", first)).isEmpty();
        List<StoryCandidate> answer = probe("q2", second);

        assertThat(answer).singleElement().satisfies(c -> {
            assertThat(c.articleId()).isEqualTo("q1");
            assertThat(c.storyId()).isEqualTo("q1");
            assertThat(c.score()).isGreaterThanOrEqualTo(scorer.threshold());
        });
    }

    @Test
    void shouldAnswerWithTheStoryTheDecisionGaveAnIndexedArticle() {
        StoryVector first = vector("q1", "Earthquake hits Qeshm island",
                "A strong earthquake struck Qeshm island off southern Iran, damaging seven villages.");
        probe("q1", first);
        inserts.process(new Record<>("q1", new StoryInsert("q1", "story-7", first, 1), T0.toEpochMilli()));

        List<StoryCandidate> answer = probe("q2", vector("q2", "Qeshm villagers shelter after earthquake",
                "Survivors of the Qeshm island earthquake in southern Iran slept in tents near seven villages."));

        assertThat(answer).extracting(StoryCandidate::storyId).containsExactly("story-7");
    }

    @Test
    void shouldNotOfferAnUnrelatedArticle() {
        probe("q1", vector("q1", "Earthquake hits Qeshm island",
                "A strong earthquake struck Qeshm island off southern Iran, damaging seven villages."));

        List<StoryCandidate> answer = probe("f1", vector("f1", "Philadelphia fires coach Maurice Cheeks",
                "The Philadelphia 76ers fired head coach Maurice Cheeks after a poor start to the season."));

        assertThat(answer).allSatisfy(c -> assertThat(c.score()).isLessThan(scorer.threshold()));
    }
}
