package io.newswire.processors.match;

import java.util.Optional;
import java.util.Set;
import io.newswire.processors.match.MatchRecords.Probe;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Multicasts an article's probe to exactly the partitions owning at least one of its band keys or story
 * keys: at most one record per partition, instead of one per band (42) and key (13).
 */
public final class ProbePartitioner implements StreamPartitioner<String, Probe> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, Probe probe, int numPartitions) {
        if (numPartitions != probe.partitions()) {
            throw new IllegalStateException(topic + " has " + numPartitions + " partitions but key ownership was "
                    + "computed for " + probe.partitions() + ": keep topic.partitions equal to the probe topic's count");
        }
        return Optional.of(Set.copyOf(Probe.owners(probe.signature(), probe.vector(), numPartitions)));
    }
}
