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
        byte[] articleId = DedupRecords.articleIdOf(requestId).getBytes(StandardCharsets.UTF_8);
        return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(articleId)) % numPartitions));
    }
}
