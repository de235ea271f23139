package io.newswire.processors.match.vectors;

import java.util.Optional;
import java.util.Set;
import io.newswire.processors.match.vectors.StoryRecords.StoryCorrection;
import org.apache.kafka.streams.processor.StreamPartitioner;

/** Sends a story correction to the one partition that indexed the article under another story. */
public final class CorrectionPartitioner implements StreamPartitioner<String, StoryCorrection> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, StoryCorrection correction, int numPartitions) {
        if (correction.partition() >= numPartitions) {
            throw new IllegalStateException(topic + " has " + numPartitions + " partitions but a correction is for "
                    + "partition " + correction.partition() + ": keep topic.partitions equal to the probe topic's count");
        }
        return Optional.of(Set.of(correction.partition()));
    }
}
