package io.newswire.processors.state;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A store value in a compact binary form, for the index buckets every probe reads and rewrites by the
 * dozen: JSON spelled each member's field names out and cost more than the lookups. A null is a tombstone.
 */
public final class BinarySerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    /** Writes and reads one value's fields, in the same order. */
    public interface Codec<T> {
        void write(T value, DataOutputStream out) throws IOException;

        T read(DataInputStream in) throws IOException;
    }

    private final Codec<T> codec;

    public BinarySerde(Codec<T> codec) {
        this.codec = codec;
    }

    @Override
    public byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        Output bytes = new Output();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            codec.write(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new Input(data))) {
            return codec.read(in);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("not a " + topic + " value: " + e.getMessage(), e);
        }
    }

    /**
     * The bytes of one value, read without a lock: {@code ByteArrayInputStream} locks on every call, and a
     * bucket of a hundred members makes several hundred calls.
     */
    private static final class Input extends InputStream {
        private final byte[] data;
        private int position;

        Input(byte[] data) {
            this.data = data;
        }

        @Override
        public int read() {
            return position < data.length ? data[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            int n = Math.min(length, data.length - position);
            if (n <= 0) {
                return -1;
            }
            System.arraycopy(data, position, into, offset, n);
            position += n;
            return n;
        }
    }

    /** The bytes of one value, written without a lock (as {@link Input} reads them). */
    private static final class Output extends OutputStream {
        private byte[] buffer = new byte[128];
        private int size;

        @Override
        public void write(int b) {
            ensure(1);
            buffer[size++] = (byte) b;
        }

        @Override
        public void write(byte[] from, int offset, int length) {
            ensure(length);
            System.arraycopy(from, offset, buffer, size, length);
            size += length;
        }

        private void ensure(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, size);
        }
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
    }

    @Override
    public void close() {
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }
}
