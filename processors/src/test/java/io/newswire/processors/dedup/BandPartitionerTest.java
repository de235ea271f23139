package io.newswire.processors.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import io.newswire.processors.dedup.DedupRecords.Probe;
import org.junit.jupiter.api.Test;

class BandPartitionerTest {

    static final int[] SIGNATURE = MinHash.signature("Talks resume", List.of(MinHashTest.TEXT));

    @Test
    void shouldSendOneRecordToEachPartitionOwningABand() {
        Set<Integer> targets = new BandPartitioner().partitions("t", "a", new Probe("a", "a#0@0", "h", 0, SIGNATURE, 6), 6)
                .orElseThrow();
        assertThat(targets).isNotEmpty().allSatisfy(p -> assertThat(p).isBetween(0, 5));
        for (int band = 0; band < MinHash.BANDS; band++) {
            assertThat(targets).contains(MinHash.owner(MinHash.bandKey(SIGNATURE, band), 6));
        }
        assertThat(targets).hasSameSizeAs(MinHash.owners(SIGNATURE, 6));
    }

    @Test
    void shouldRefuseAPartitionCountThatOwnershipWasNotComputedFor() {
        assertThatThrownBy(() -> new BandPartitioner().partitions("t", "a", new Probe("a", "a#0@0", "h", 0, SIGNATURE, 3), 6))
                .hasMessageContaining("topic.partitions");
    }
}
