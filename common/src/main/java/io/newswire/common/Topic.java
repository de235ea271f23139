package io.newswire.common;

import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with its serdes, so producers, the topology, sinks and tests cannot disagree on the format.
 * {@code compacted} topics keep the latest record per key.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {
}
