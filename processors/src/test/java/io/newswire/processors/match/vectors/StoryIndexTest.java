package io.newswire.processors.match.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import io.newswire.common.Article;
import io.newswire.common.JsonSerde;
import io.newswire.processors.match.vectors.StoryRecords.StoryBucket;
import io.newswire.processors.match.vectors.StoryRecords.StoryCandidate;
import io.newswire.processors.match.vectors.StoryRecords.StoryCorrection;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The story index on one partition: probes answer from it and index themselves at once; decisions correct stories. */
class StoryIndexTest {

    private static final Instant T0 = Instant.parse("2024-08-20T07:13:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    private final StoryScorer scorer = new StoryScorer(0.24, WEEK);
    private final StoryVectors vectors = new StoryVectors(new MapFrequencies());
    private StoryIndex index;
    private KeyValueStore<String, StoryBucket> buckets;
    private StoryCorrectionProcessor corrections;

    @BeforeEach
    void setUp() {
        MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
        buckets = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StoryIndex.BUCKETS), Serdes.String(),
                new JsonSerde<>(StoryBucket.class)).withLoggingDisabled().build();
        KeyValueStore<String, StoryRecords.StoredVector> stored = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StoryIndex.VECTORS), Serdes.String(),
                new StoredVectorSerde()).withLoggingDisabled().build();
        buckets.init(context.getStateStoreContext(), buckets);
        stored.init(context.getStateStoreContext(), stored);
        context.addStateStore(buckets);
        context.addStateStore(stored);
        index = new StoryIndex(buckets, stored, scorer, WEEK);
        corrections = new StoryCorrectionProcessor(scorer, WEEK);
        corrections.init(context);
    }

    private StoryVector vector(String id, String headline, String body) {
        return vectors.of(Article.ingested(id, 1, "wire", "text", null, headline, List.of(body), null, "en", T0, T0));
    }

    private StoryIndex.Probed probed(String id, StoryVector v) {
        return index.probe(id, v, T0.toEpochMilli(), 1, 0);
    }

    private List<StoryCandidate> probe(String id, StoryVector v) {
        return probed(id, v).candidates();
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
    void shouldAnswerWithTheStoryACorrectionGaveAnIndexedArticle() {
        StoryVector first = vector("q1", "Earthquake hits Qeshm island",
                "A strong earthquake struck Qeshm island off southern Iran, damaging seven villages.");
        assertThat(probed("q1", first).indexedStory()).as("its own story, provisionally").isEqualTo("q1");
        corrections.process(new Record<>("q1", new StoryCorrection("q1", "story-7", 0, 1), T0.toEpochMilli()));

        List<StoryCandidate> answer = probe("q2", vector("q2", "Qeshm villagers shelter after earthquake",
                "Survivors of the Qeshm island earthquake in southern Iran slept in tents near seven villages."));

        assertThat(answer).extracting(StoryCandidate::storyId).containsExactly("story-7");
    }

    @Test
    void shouldKeepAnArchiveItemForTheRetentionWindowAfterItArrivesNotAfterItWasPublished() {
        Instant published = Instant.parse("2005-11-27T00:00:00Z");
        StoryVector archived = vectors.of(Article.ingested("a1", 1, "wire", "text", null, "Earthquake hits Qeshm island",
                List.of("A strong earthquake struck Qeshm island off southern Iran, damaging seven villages."), null,
                "en", published, T0));
        index.probe("a1", archived, T0.toEpochMilli(), 1, 0);
        // Today's news on the same keys writes the buckets, and the hourly purge runs: neither drops it.
        probe("n1", vector("n1", "Earthquake drill on Qeshm island", "Qeshm island schools held an earthquake drill."));
        index.purge(T0.plus(Duration.ofHours(1)).toEpochMilli());
        StoryVector again = vectors.of(Article.ingested("a2", 1, "wire", "text", null, "Qeshm villagers shelter after earthquake",
                List.of("Survivors of the Qeshm island earthquake in southern Iran slept in tents near seven villages."),
                null, "en", published, T0.plus(Duration.ofHours(2))));

        assertThat(index.probe("a2", again, T0.plus(Duration.ofHours(2)).toEpochMilli(), 1, 0).candidates())
                .extracting(StoryCandidate::articleId).contains("a1");

        assertThat(buckets.approximateNumEntries()).isPositive();
        index.purge(T0.plus(WEEK).plus(Duration.ofHours(3)).toEpochMilli());
        assertThat(buckets.approximateNumEntries()).as("no bucket has a member within the window").isZero();
        assertThat(index.probe("a3", again, T0.plus(WEEK).plus(Duration.ofHours(3)).toEpochMilli(), 1, 0).candidates())
                .as("past the window after their arrival, both are gone").isEmpty();
    }

    @Test
    void shouldScoreTheMembersSharingMostKeysThenTheNewestAsAFullSortWould() {
        java.util.Random random = new java.util.Random(3);
        for (int round = 0; round < 200; round++) {
            List<StoryIndex.Tally> tallies = new java.util.ArrayList<>();
            int count = random.nextInt(300);
            for (int i = 0; i < count; i++) {
                tallies.add(new StoryIndex.Tally(1 + random.nextInt(4), new StoryRecords.StoryMember("m" + i,
                        T0.toEpochMilli() + random.nextInt(5), "s" + random.nextInt(10))));
            }
            int budget = 1 + random.nextInt(StoryIndex.MAX_SCORED);
            List<StoryIndex.Tally> sorted = new java.util.ArrayList<>(tallies);
            sorted.sort(java.util.Comparator.<StoryIndex.Tally>comparingInt(t -> -t.shared)
                    .thenComparingLong(t -> -t.entry.timeMillis()).thenComparing(t -> t.entry.articleId()));

            assertThat(StoryIndex.best(tallies, budget)).containsExactlyElementsOf(
                    sorted.subList(0, Math.min(budget, sorted.size())));
        }
    }

    @Test
    void shouldNotOfferAnUnrelatedArticle() {
        probe("q1", vector("q1", "Earthquake hits Qeshm island",
                "A strong earthquake struck Qeshm island off southern Iran, damaging seven villages."));

        List<StoryCandidate> answer = probe("f1", vector("f1", "Philadelphia fires coach Maurice Cheeks",
                "The Philadelphia 76ers fired head coach Maurice Cheeks after a poor start to the season."));

        assertThat(answer).allSatisfy(c -> assertThat(c.score()).isLessThan(scorer.threshold()));
    }

    @Test
    void shouldIndexAnArticleOnceAndNotOnAPartitionOwningNoneOfItsKeys() {
        StoryVector first = vector("q1", "Earthquake hits Qeshm island",
                "A strong earthquake struck Qeshm island off southern Iran, damaging seven villages.");
        assertThat(probed("q1", first).indexedStory()).isEqualTo("q1");
        assertThat(probed("q1", first).indexedStory()).as("a redelivery keeps the entry").isNull();
        // Among 64 partitions, most own none of its keys: probing there answers and indexes nothing.
        java.util.SortedSet<Integer> owners = StoryKeys.owners(first, 64);
        int elsewhere = java.util.stream.IntStream.range(0, 64).filter(p -> !owners.contains(p)).findFirst().orElseThrow();
        assertThat(index.probe("q9", first, T0.toEpochMilli(), 64, elsewhere)).isEqualTo(new StoryIndex.Probed(List.of(), null));
        assertThat(index.probe("q9", first, T0.toEpochMilli(), 64, owners.first()).indexedStory()).as("the story of its twin q1")
                .isEqualTo("q1");
    }
}
