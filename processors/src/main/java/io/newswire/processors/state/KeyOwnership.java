package io.newswire.processors.state;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * Which partition owns what. Index keys (LSH band keys, story keys) are owned by a mix of their hash;
 * article ids by the default partitioner's hash, so a step keyed by article id lands where Kafka's own
 * partitioning put the id. Both are stable for a given partition count, which is why that count must not
 * change while index state exists.
 */
public final class KeyOwnership {

    private KeyOwnership() {
    }

    /** The partition, of {@code partitions}, that owns an index key's bucket. */
    public static int owner(String key, int partitions) {
        return Math.floorMod((int) Hashes.mix(Hashes.hash(key)), partitions);
    }

    /** The partition deciding an article: the default partitioner's hash of its id. */
    public static int articlePartition(String articleId, int partitions) {
        return Utils.toPositive(Utils.murmur2(articleId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
