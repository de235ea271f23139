package io.newswire.processors.match.vectors;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;

/**
 * A {@link StoryVector} as a compact binary blob, inside the JSON records as base64: format byte, time,
 * then ids and 32-bit weights of words and of entities, then the routing keys in UTF-8. Vectors are read
 * once per candidate on every probe; as JSON numbers their parsing was the largest single cost of the
 * dedup topology (JFR, bench dedup).
 */
public final class StoryVectorCodec {

    private static final byte FORMAT = 2;

    private StoryVectorCodec() {
    }

    public static byte[] encode(StoryVector v) {
        List<byte[]> keys = v.keys().stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
        int size = 1 + 8 + 4 + 12 * v.termIds().length + 4 + 12 * v.entityIds().length + 2
                + keys.stream().mapToInt(k -> 2 + k.length).sum();
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(FORMAT).putLong(v.timeMillis());
        put(out, v.termIds(), v.termWeights());
        put(out, v.entityIds(), v.entityWeights());
        out.putShort((short) keys.size());
        for (byte[] k : keys) {
            out.putShort((short) k.length).put(k);
        }
        return out.array();
    }

    public static StoryVector decode(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        try {
            byte format = in.get();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown story vector format " + format);
            }
            long time = in.getLong();
            long[] termIds = new long[in.getInt()];
            float[] termWeights = new float[termIds.length];
            get(in, termIds, termWeights);
            long[] entityIds = new long[in.getInt()];
            float[] entityWeights = new float[entityIds.length];
            get(in, entityIds, entityWeights);
            int keyCount = in.getShort();
            List<String> keys = new ArrayList<>(keyCount);
            for (int i = 0; i < keyCount; i++) {
                int length = in.getShort();
                keys.add(new String(data, in.position(), length, StandardCharsets.UTF_8));
                in.position(in.position() + length);
            }
            return new StoryVector(termIds, termWeights, entityIds, entityWeights, keys, time);
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("truncated story vector", e);
        }
    }

    private static void put(ByteBuffer out, long[] ids, float[] weights) {
        out.putInt(ids.length);
        for (long id : ids) {
            out.putLong(id);
        }
        for (float w : weights) {
            out.putFloat(w);
        }
    }

    private static void get(ByteBuffer in, long[] ids, float[] weights) {
        for (int i = 0; i < ids.length; i++) {
            ids[i] = in.getLong();
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] = in.getFloat();
        }
    }

    public static final class Serializer extends JsonSerializer<StoryVector> {
        @Override
        public void serialize(StoryVector value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeBinary(encode(value));
        }
    }

    public static final class Deserializer extends JsonDeserializer<StoryVector> {
        @Override
        public StoryVector deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return decode(p.getBinaryValue());
        }
    }
}
