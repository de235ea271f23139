package io.newswire.processors.match.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StoreFrequenciesTest {

    private KeyValueStore<String, Long> store;

    @BeforeEach
    void setUp() {
        MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("df"), Serdes.String(), Serdes.Long())
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
    }

    @Test
    void shouldCountEveryDocumentIntoTheStoreOnFlushAndReadBackWhatAnotherInstanceWrote() {
        StoreFrequencies df = new StoreFrequencies(store);
        df.add(List.of("t:quake", "t:iran"));
        df.add(List.of("t:quake"));

        assertThat(df.documents()).isEqualTo(2);
        assertThat(df.frequency("t:quake")).isEqualTo(2);
        assertThat(store.get("t:quake")).as("held until the flush").isNull();
        df.flush();
        assertThat(store.get("t:quake")).as("one write of the latest count").isEqualTo(2L);
        assertThat(store.get("t:iran")).isEqualTo(1L);
        assertThat(store.get(StoreFrequencies.DOCUMENTS)).isEqualTo(2L);
        // A new instance (the task re-initialised) reads the store, not a stale mirror.
        assertThat(new StoreFrequencies(store).frequency("t:quake")).isEqualTo(2);
    }

    @Test
    void shouldFlushByItselfOnceManyTermsWait() {
        StoreFrequencies df = new StoreFrequencies(store);
        int words = 10; // distinct words an article; the document count is one term more
        int articles = StoreFrequencies.PENDING_MAX / words; // under COUNT_ALL: every article is counted
        for (int i = 0; i < articles - 1; i++) {
            df.add(words(i, words));
        }
        assertThat(store.get("t:w0-0")).as("fewer than PENDING_MAX terms wait").isNull();
        df.add(words(articles - 1, words));
        assertThat(store.get("t:w0-0")).isEqualTo(1L);
        assertThat(store.get(StoreFrequencies.DOCUMENTS)).isEqualTo((long) articles);
    }

    private static List<String> words(int article, int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(k -> "t:w" + article + "-" + k).toList();
    }

    @Test
    void shouldCountAUniformSampleWeightedBySampleSizePastTheThreshold() {
        store.put(StoreFrequencies.DOCUMENTS, StoreFrequencies.COUNT_ALL);
        StoreFrequencies df = new StoreFrequencies(store);
        int articles = 5_000;
        for (int i = 0; i < articles; i++) {
            df.add(List.of("t:common", "t:word" + i));
        }
        long counted = df.frequency("t:common");
        assertThat(counted % StoreFrequencies.SAMPLE).isZero();
        assertThat(df.documents() - StoreFrequencies.COUNT_ALL).isEqualTo(counted);
        assertThat((double) counted).isCloseTo(articles, org.assertj.core.data.Percentage.withPercentage(15));
        long wordsCounted = java.util.stream.IntStream.range(0, articles).filter(i -> df.frequency("t:word" + i) > 0)
                .count();
        assertThat(wordsCounted * StoreFrequencies.SAMPLE).isEqualTo(counted);
    }
}
