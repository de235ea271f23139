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
 * then the words and the entities, then the routing keys in UTF-8. Each id takes its 32 bits
 * ({@link StoryVector#ID_BITS}). An article's weights are made on levels ({@link #quantizedUnit}) and take
 * one byte each: a sign and a level on a logarithmic scale below the list's largest weight, given once,
 * {@value #LEVELS_PER_OCTAVE} levels to a halving (a weight within 2.2% of its value, down to 1/240 of the
 * largest; smaller ones are 0): 5 bytes a term where a long and a float took 12. A vector is stored by every
 * partition owning one of its keys and travels in every probe, so its size is most of the index's state and
 * traffic. Any other list of weights (a story's vector sum, which members join and leave) is written as
 * floats, so the codec loses nothing: a sum written and read again at every join must not drift, and
 * rounding it to levels each time would (a member taken back out would leave up to 4% of a weight behind).
 * Vectors are read once per candidate on every probe; as JSON numbers their parsing was the largest single
 * cost of the dedup topology (JFR, bench dedup).
 *
 * <p>Because an article's vector is on the levels from the start, the copy a probe scores against, the
 * copy in the store and the decoded one in a cache are the same numbers: a decision cannot depend on which
 * of them was read.
 */
public final class StoryVectorCodec {

    private static final byte FORMAT = 4;
    private static final byte FLOATS = 0;
    private static final byte LEVELS = 1;
    private static final int LEVELS_PER_OCTAVE = 16;
    private static final int TOP_LEVEL = 127;
    private static final int SIGN = 0x80;
    /** The decoded magnitude of each level, as a fraction of the list's largest weight (level 0: zero). */
    private static final float[] MAGNITUDES = new float[TOP_LEVEL + 1];

    static {
        for (int level = 1; level <= TOP_LEVEL; level++) {
            MAGNITUDES[level] = (float) Math.pow(2, (double) (level - TOP_LEVEL) / LEVELS_PER_OCTAVE);
        }
    }

    private StoryVectorCodec() {
    }

    /**
     * An article's vector on the codec's levels, its words and its entities each scaled back to unit length
     * (only the list's scale moves, not the levels): the numbers a round trip gives back exactly, in 5 bytes a
     * term, and an article's cosine with itself stays 1.
     */
    public static StoryVector quantizedUnit(StoryVector v) {
        return new StoryVector(v.termIds(), unitOnLevels(v.termWeights()), v.entityIds(),
                unitOnLevels(v.entityWeights()), v.keys(), v.timeMillis());
    }

    private static float[] unitOnLevels(float[] weights) {
        float scale = largest(weights);
        byte[] levels = new byte[weights.length];
        double squares = 0;
        for (int i = 0; i < weights.length; i++) {
            levels[i] = level(weights[i], scale);
            double m = MAGNITUDES[levels[i] & ~SIGN];
            squares += m * m;
        }
        float[] out = new float[weights.length];
        if (squares == 0) {
            return out;
        }
        // Computed as decode computes a weight from its list's scale and its byte, so a round trip is exact.
        float unitScale = (float) (1 / Math.sqrt(squares));
        for (int i = 0; i < weights.length; i++) {
            out[i] = weight(unitScale, levels[i]);
        }
        return out;
    }

    public static byte[] encode(StoryVector v) {
        List<byte[]> keys = v.keys().stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
        byte[] termLevels = onLevels(v.termWeights());
        byte[] entityLevels = onLevels(v.entityWeights());
        int size = 1 + 8 + listSize(v.termIds().length, termLevels) + listSize(v.entityIds().length, entityLevels)
                + 2 + keys.stream().mapToInt(k -> 2 + k.length).sum();
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(FORMAT).putLong(v.timeMillis());
        put(out, v.termIds(), v.termWeights(), termLevels);
        put(out, v.entityIds(), v.entityWeights(), entityLevels);
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

    /**
     * The weights' bytes if every weight is exactly a level of the largest (a {@link #quantizedUnit} list), else
     * null. Runs at every encode, so a weight's level is looked up among the levels' products, not by a logarithm.
     */
    static byte[] onLevels(float[] weights) {
        float scale = largest(weights);
        byte[] levels = new byte[weights.length];
        for (int i = 0; i < weights.length; i++) {
            int level = exactLevel(Math.abs(weights[i]), scale);
            if (level < 0) {
                return null;
            }
            levels[i] = (byte) (weights[i] < 0 ? SIGN | level : level);
        }
        return levels;
    }

    /** The level whose decoded magnitude at {@code scale} is exactly {@code magnitude} (0 for zero), or -1. */
    private static int exactLevel(float magnitude, float scale) {
        if (magnitude == 0) {
            return 0;
        }
        int low = 1;
        int high = TOP_LEVEL;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            float m = scale * MAGNITUDES[mid];
            if (m < magnitude) {
                low = mid + 1;
            } else if (m > magnitude) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private static float largest(float[] weights) {
        float scale = 0;
        for (float w : weights) {
            scale = Math.max(scale, Math.abs(w));
        }
        return scale;
    }

    private static int listSize(int n, byte[] levels) {
        return 4 + (n == 0 ? 0 : 1 + n * Integer.BYTES + (levels != null ? 4 + n : n * Float.BYTES));
    }

    private static void put(ByteBuffer out, long[] ids, float[] weights, byte[] levels) {
        out.putInt(ids.length);
        if (ids.length == 0) {
            return;
        }
        out.put(levels != null ? LEVELS : FLOATS);
        for (long id : ids) {
            if (id >>> StoryVector.ID_BITS != 0) {
                throw new IllegalArgumentException("story vector id wider than " + StoryVector.ID_BITS + " bits");
            }
            out.putInt((int) id);
        }
        if (levels != null) {
            out.putFloat(largest(weights)).put(levels);
        } else {
            for (float w : weights) {
                out.putFloat(w);
            }
        }
    }

    /** A weight's byte: its sign, and the nearest level of its magnitude over {@code scale} (0: zero). */
    private static byte level(float w, float scale) {
        if (w == 0 || scale == 0) {
            return 0;
        }
        long level = TOP_LEVEL + Math.round(LEVELS_PER_OCTAVE * Math.log(Math.abs(w) / scale) / Math.log(2));
        if (level < 1) {
            return 0;
        }
        // Sums of stories can hold negative weights (a member taken back out): the sign is kept apart.
        return (byte) ((w < 0 ? SIGN : 0) | Math.min(level, TOP_LEVEL));
    }

    private static void get(ByteBuffer in, long[] ids, float[] weights) {
        if (ids.length == 0) {
            return;
        }
        byte kind = in.get();
        if (kind != LEVELS && kind != FLOATS) {
            throw new IllegalArgumentException("unknown story vector weights " + kind);
        }
        for (int i = 0; i < ids.length; i++) {
            ids[i] = in.getInt() & 0xffffffffL;
        }
        if (kind == LEVELS) {
            float scale = in.getFloat();
            for (int i = 0; i < weights.length; i++) {
                weights[i] = weight(scale, in.get());
            }
        } else {
            for (int i = 0; i < weights.length; i++) {
                weights[i] = in.getFloat();
            }
        }
    }

    private static float weight(float scale, byte level) {
        int b = level & 0xff;
        float magnitude = scale * MAGNITUDES[b & ~SIGN];
        return (b & SIGN) != 0 ? -magnitude : magnitude;
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
