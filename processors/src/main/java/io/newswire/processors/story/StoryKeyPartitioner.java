package io.newswire.processors.story;

import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import io.newswire.processors.dedup.MinHash;
import io.newswire.processors.story.StoryRecords.Routed;
import org.apache.kafka.streams.processor.StreamPartitioner;

/** Multicasts a probe or insert to exactly the partitions owning at least one of its keys. */
public final class StoryKeyPartitioner<T extends Routed> implements StreamPartitioner<String, T> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, T message, int numPartitions) {
        if (numPartitions != message.partitions()) {
            throw new IllegalStateException(topic + " has " + numPartitions + " partitions but key ownership was "
                    + "computed for " + message.partitions() + ": keep topic.partitions equal to the key topic's count");
        }
        return Optional.of(Set.copyOf(owners(message.vector(), numPartitions)));
    }

    /** The partitions owning at least one of the vector's keys; none for an article without words. */
    public static SortedSet<Integer> owners(StoryVector vector, int partitions) {
        SortedSet<Integer> out = new TreeSet<>();
        for (String key : vector.keys()) {
            out.add(MinHash.owner(key, partitions));
        }
        return out;
    }
}
