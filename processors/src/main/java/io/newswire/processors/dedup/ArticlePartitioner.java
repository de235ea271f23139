package io.newswire.processors.dedup;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Routes a gather input, keyed by request id, to the partition of its article id (the default partitioner's
 * hash of it), so that every arrival of one article is decided where that article's earlier decision is
 * remembered ({@code dedup-seen-store}).
 */
public final class ArticlePartitioner implements StreamPartitioner<String, DedupRecords.GatherInput> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String requestId, DedupRecords.GatherInput value,
                                            int numPartitions) {
        return Optional.of(Set.of(partitionOf(DedupRecords.articleIdOf(requestId), numPartitions)));
    }

    /** The partition deciding an article: the default partitioner's hash of its id. */
    public static int partitionOf(String articleId, int numPartitions) {
        return Utils.toPositive(Utils.murmur2(articleId.getBytes(StandardCharsets.UTF_8))) % numPartitions;
    }
}
