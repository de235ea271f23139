package io.newswire.processors.match;

import java.util.Optional;
import java.util.Set;
import io.newswire.processors.state.KeyOwnership;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Routes a gather input, keyed by request id, to the partition of its article id (the default partitioner's
 * hash of it), so that every arrival of one article is decided where that article's earlier decision is
 * remembered ({@code dedup-seen-store}).
 */
public final class ArticlePartitioner implements StreamPartitioner<String, MatchRecords.GatherInput> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String requestId, MatchRecords.GatherInput value,
                                            int numPartitions) {
        return Optional.of(Set.of(KeyOwnership.articlePartition(MatchRecords.articleIdOf(requestId), numPartitions)));
    }
}
