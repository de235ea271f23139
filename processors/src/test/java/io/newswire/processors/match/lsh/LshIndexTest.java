package io.newswire.processors.match.lsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import io.newswire.processors.match.lsh.LshRecords.Bucket;
import io.newswire.processors.match.lsh.LshRecords.Candidate;
import io.newswire.processors.match.lsh.LshRecords.StoredSignature;
import io.newswire.processors.state.BinarySerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One partition's LSH buckets: copies find each other, and nothing outlives the retention window. */
class LshIndexTest {

    private static final Instant T0 = Instant.parse("2024-08-20T07:13:00Z");
    private static final Duration WEEK = Duration.ofDays(7);
    private static final String QUAKE = "A strong earthquake struck Qeshm island off southern Iran on Sunday, damaging "
            + "seven villages and injuring five people, state television reported.";
    private static final String COACH = "The Philadelphia 76ers fired head coach Maurice Cheeks on Saturday after a "
            + "nine and fourteen start to the season, the team said in a statement.";

    private KeyValueStore<String, Bucket> buckets;
    private KeyValueStore<String, StoredSignature> signatures;
    private LshIndex index;

    @BeforeEach
    void setUp() {
        MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
        buckets = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(LshIndex.BUCKETS), Serdes.String(),
                new BinarySerde<>(Bucket.CODEC)).withLoggingDisabled().build();
        signatures = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(LshIndex.SIGNATURES), Serdes.String(),
                new BinarySerde<>(StoredSignature.CODEC)).withLoggingDisabled().build();
        buckets.init(context.getStateStoreContext(), buckets);
        signatures.init(context.getStateStoreContext(), signatures);
        index = new LshIndex(buckets, signatures, WEEK);
    }

    private List<Candidate> probe(String id, String text, Instant at) {
        return index.probe(id, "hash-" + id, at.toEpochMilli(), MinHash.signature("", List.of(text)), 1, 0);
    }

    @Test
    void shouldFindACopyWithinTheWindowAndSweepEveryBucketPastIt() {
        assertThat(probe("q1", QUAKE, T0)).isEmpty();
        assertThat(probe("q2", QUAKE, T0.plusSeconds(60)))
                .singleElement().satisfies(c -> {
                    assertThat(c.articleId()).isEqualTo("q1");
                    assertThat(c.contentHash()).isEqualTo("hash-q1");
                    assertThat(c.receivedMillis()).isEqualTo(T0.toEpochMilli());
                    assertThat(c.similarity()).isEqualTo(1.0);
                });
        long quakeBuckets = buckets.approximateNumEntries();
        assertThat(quakeBuckets).isEqualTo(MinHash.BANDS);

        // A week and an hour later an unrelated article writes buckets of its own; the quake's are never written
        // again, so only the sweep can drop them.
        Instant later = T0.plus(WEEK).plus(Duration.ofHours(1));
        assertThat(probe("c1", COACH, later)).isEmpty();
        index.purge(later.toEpochMilli());

        assertThat(signatures.get(LshRecords.signatureKey(LshRecords.idKey("q1")))).isNull();
        assertThat(signatures.get(LshRecords.signatureKey(LshRecords.idKey("c1"))))
                .extracting(LshRecords.StoredSignature::articleId).isEqualTo("c1");
        try (KeyValueIterator<String, Bucket> all = buckets.all()) {
            List<KeyValue<String, Bucket>> left = new java.util.ArrayList<>();
            all.forEachRemaining(left::add);
            assertThat(left).hasSize(MinHash.BANDS).allSatisfy(kv -> assertThat(kv.value.members())
                    .extracting(LshRecords.Member::idKey).containsExactly(LshRecords.idKey("c1")));
        }
    }

    @Test
    void shouldKeepABucketWhoseNewestMemberIsWithinTheWindow() {
        probe("q1", QUAKE, T0);
        Instant later = T0.plus(WEEK).minus(Duration.ofHours(1));
        probe("q2", QUAKE, later);

        index.purge(later.toEpochMilli());

        assertThat(buckets.approximateNumEntries()).isEqualTo(MinHash.BANDS);
        assertThat(probe("q3", QUAKE, later.plusSeconds(1))).extracting(Candidate::articleId).contains("q2");
    }

    @Test
    void shouldFindEveryCopyWhenTheTaskStartsOnAStoreThatHoldsBuckets() {
        probe("q1", QUAKE, T0);
        // The task restarts on its store: the new index cannot know which keys it holds until a sweep pass.
        index = new LshIndex(buckets, signatures, WEEK);
        assertThat(probe("q2", QUAKE, T0.plusSeconds(60))).extracting(Candidate::articleId).containsExactly("q1");

        index.purge(T0.plusSeconds(60).toEpochMilli()); // one slice is the whole store: a pass, the filter is built
        index.purge(T0.plusSeconds(70).toEpochMilli());
        probe("c1", COACH, T0.plusSeconds(80));

        assertThat(probe("q3", QUAKE, T0.plusSeconds(90))).extracting(Candidate::articleId)
                .containsExactlyInAnyOrder("q1", "q2");
        assertThat(probe("c2", COACH, T0.plusSeconds(100))).extracting(Candidate::articleId).containsExactly("c1");
    }

    @Test
    void shouldHoldEveryStoredKeyInTheFilterItBuiltWhileArticlesArrivedDuringThePass() {
        // More buckets than a slice, so a pass takes two calls; articles arrive before, between and after them.
        for (int i = 0; i < LshIndex.BUCKET_SLICE / MinHash.BANDS + 10; i++) {
            probe("x" + i, "filler" + i + " report" + i + " on" + i + " a quiet" + i + " day" + i + " in town" + i,
                    T0.plusMillis(i));
        }
        index = new LshIndex(buckets, signatures, WEEK); // restarted: no filter until a pass
        assertThat(index.filtering()).isFalse();
        Instant now = T0.plusSeconds(3600);
        index.purge(now.toEpochMilli());
        probe("q1", QUAKE, now);
        assertThat(index.filtering()).isFalse();
        index.purge(now.plusSeconds(10).toEpochMilli());
        probe("c1", COACH, now.plusSeconds(15));

        assertThat(index.filtering()).isTrue();
        try (KeyValueIterator<String, Bucket> all = buckets.all()) {
            int keys = 0;
            while (all.hasNext()) {
                assertThat(index.mayHold(all.next().key)).isTrue();
                keys++;
            }
            assertThat(keys).isGreaterThan(LshIndex.BUCKET_SLICE);
        }
        assertThat(probe("q2", QUAKE, now.plusSeconds(30))).extracting(Candidate::articleId).containsExactly("q1");
    }
}
