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
 * then the words and the entities, then the routing keys in UTF-8. Each id takes its 48 bits
 * ({@link StoryVector#ID_BITS}) and each weight 16 bits, a fraction of the list's largest weight, given
 * once: 8 bytes a term where a long and a float took 12. A vector is stored by every partition owning one
 * of its keys and travels in every probe, so its size is most of the index's state and traffic; cosines
 * change by less than 1e-4 (tested). Vectors are read once per candidate on every probe; as JSON numbers
 * their parsing was the largest single cost of the dedup topology (JFR, bench dedup).
 */
public final class StoryVectorCodec {

    private static final byte FORMAT = 3;
    private static final int ID_BYTES = StoryVector.ID_BITS / 8;
    private static final int STEPS = Short.MAX_VALUE;

    private StoryVectorCodec() {
    }

    public static byte[] encode(StoryVector v) {
        List<byte[]> keys = v.keys().stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
        int size = 1 + 8 + listSize(v.termIds().length) + listSize(v.entityIds().length) + 2
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

    private static int listSize(int n) {
        return 4 + (n == 0 ? 0 : 4 + n * (ID_BYTES + 2));
    }

    private static void put(ByteBuffer out, long[] ids, float[] weights) {
        out.putInt(ids.length);
        if (ids.length == 0) {
            return;
        }
        for (long id : ids) {
            if (id >>> StoryVector.ID_BITS != 0) {
                throw new IllegalArgumentException("story vector id wider than " + StoryVector.ID_BITS + " bits");
            }
            out.putShort((short) (id >>> 32)).putInt((int) id);
        }
        // Sums of stories can hold tiny negative weights (a member taken back out), so the scale is the
        // largest magnitude and a weight a signed fraction of it.
        float scale = 0;
        for (float w : weights) {
            scale = Math.max(scale, Math.abs(w));
        }
        out.putFloat(scale);
        for (float w : weights) {
            out.putShort(scale == 0 ? 0 : (short) Math.round(w / scale * STEPS));
        }
    }

    private static void get(ByteBuffer in, long[] ids, float[] weights) {
        if (ids.length == 0) {
            return;
        }
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ((long) (in.getShort() & 0xffff) << 32) | (in.getInt() & 0xffffffffL);
        }
        float step = in.getFloat() / STEPS;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = in.getShort() * step;
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
