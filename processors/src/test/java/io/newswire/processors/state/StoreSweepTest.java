package io.newswire.processors.state;

import io.newswire.processors.TestStores;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

class StoreSweepTest {

    private final KeyValueStore<String, Long> store = TestStores.add(new MockProcessorContext<>(), "s", Serdes.Long());

    @Test
    void shouldReadASliceAtATimeResumingWhereItStoppedAndStartOverAfterTheLastKey() {
        for (int i = 0; i < 12; i++) {
            store.put(String.format("k%02d", i), (long) i);
        }
        StoreSweep<Long> sweep = new StoreSweep<>(store, 5);
        List<String> read = new ArrayList<>();

        for (int call = 0; call < 3; call++) {
            read.addAll(sweep.expired(v -> true));
        }
        assertThat(read).hasSize(12).doesNotHaveDuplicates().isSorted();
        assertThat(sweep.expired(v -> true)).as("after the last key, from the first again")
                .containsExactly("k00", "k01", "k02", "k03", "k04");
    }

    @Test
    void shouldReturnOnlyExpiredEntriesAndGoOnWhenTheCallerDeletesThem() {
        for (int i = 0; i < 10; i++) {
            store.put(String.format("k%02d", i), (long) i);
        }
        StoreSweep<Long> sweep = new StoreSweep<>(store, 4);
        List<String> expired = new ArrayList<>();
        for (int call = 0; call < 3; call++) {
            List<String> slice = sweep.expired(v -> v % 3 == 0);
            slice.forEach(store::delete);
            expired.addAll(slice);
        }
        assertThat(expired).containsExactly("k00", "k03", "k06", "k09");
        assertThat(store.approximateNumEntries()).isEqualTo(6);
    }
}
