package io.newswire.processors.match.vectors;

import java.nio.ByteBuffer;
import io.newswire.processors.match.vectors.StoryRecords.StoredVector;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The story index's vector store in binary: the time it was indexed (8 bytes), then the vector
 * ({@link StoryVectorCodec}). A probe reads up to a few hundred of these; JSON with base64 cost more than
 * the scoring itself. A null payload is a tombstone.
 */
public final class StoredVectorSerde implements Serde<StoredVector>, Serializer<StoredVector>,
        Deserializer<StoredVector> {

    @Override
    public byte[] serialize(String topic, StoredVector value) {
        if (value == null) {
            return null;
        }
        byte[] vector = StoryVectorCodec.encode(value.vector());
        return ByteBuffer.allocate(Long.BYTES + vector.length).putLong(value.indexedMillis()).put(vector).array();
    }

    @Override
    public StoredVector deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            long indexed = ByteBuffer.wrap(data).getLong();
            byte[] vector = new byte[data.length - Long.BYTES];
            System.arraycopy(data, Long.BYTES, vector, 0, vector.length);
            return new StoredVector(StoryVectorCodec.decode(vector), indexed);
        } catch (RuntimeException e) {
            throw new SerializationException("not a stored story vector: " + e.getMessage(), e);
        }
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
    }

    @Override
    public void close() {
    }

    @Override
    public Serializer<StoredVector> serializer() {
        return this;
    }

    @Override
    public Deserializer<StoredVector> deserializer() {
        return this;
    }
}
