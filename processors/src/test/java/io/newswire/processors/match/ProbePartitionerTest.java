package io.newswire.processors.match;

import io.newswire.processors.state.KeyOwnership;
import io.newswire.processors.match.lsh.MinHash;
import io.newswire.processors.match.lsh.MinHashTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import io.newswire.processors.match.MatchRecords.Probe;
import io.newswire.processors.match.vectors.StoryVector;
import org.junit.jupiter.api.Test;

class ProbePartitionerTest {

    static final int[] SIGNATURE = MinHash.signature("Talks resume", List.of(MinHashTest.TEXT));

    @Test
    void shouldSendOneRecordToEachPartitionOwningABand() {
        Set<Integer> targets = new ProbePartitioner().partitions("t", "a", new Probe("a", "a#0@0", "h", 0, SIGNATURE, null, 6), 6)
                .orElseThrow();
        assertThat(targets).isNotEmpty().allSatisfy(p -> assertThat(p).isBetween(0, 5));
        for (int band = 0; band < MinHash.BANDS; band++) {
            assertThat(targets).contains(KeyOwnership.owner(MinHash.bandKey(SIGNATURE, band), 6));
        }
        assertThat(targets).hasSameSizeAs(MinHash.owners(SIGNATURE, 6));
    }

    @Test
    void shouldRefuseAPartitionCountThatOwnershipWasNotComputedFor() {
        assertThatThrownBy(() -> new ProbePartitioner().partitions("t", "a", new Probe("a", "a#0@0", "h", 0, SIGNATURE, null, 3), 6))
                .hasMessageContaining("topic.partitions");
    }

    @Test
    void shouldAlsoSendToEachPartitionOwningAStoryKey() {
        List<String> keys = List.of("qeshm", "earthquake", "iran", "villages", "island", "tents");
        StoryVector vector = StoryVector.of(java.util.Map.of("qeshm", 1.0), java.util.Map.of(), keys, 0);
        Set<Integer> targets = new ProbePartitioner().partitions("t", "a",
                new Probe("a", "a#0@0", "h", 0, SIGNATURE, vector, 64), 64).orElseThrow();
        for (String key : keys) {
            assertThat(targets).contains(KeyOwnership.owner(key, 64));
        }
        assertThat(targets).containsAll(MinHash.owners(SIGNATURE, 64))
                .hasSize(Probe.owners(SIGNATURE, vector, 64).size());
    }
}
