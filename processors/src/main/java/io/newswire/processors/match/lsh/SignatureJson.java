package io.newswire.processors.match.lsh;

import java.io.IOException;
import java.nio.ByteBuffer;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;

/**
 * A MinHash signature inside a JSON record as base64 of its hashes (672 characters for 126 hashes, where
 * decimal numbers took ~1,400 and had to be parsed one by one). A probe carries it to every partition
 * owning one of the article's keys. An array of numbers, as records written before carry it, still reads.
 */
public final class SignatureJson {

    private SignatureJson() {
    }

    public static final class Serializer extends JsonSerializer<int[]> {
        @Override
        public void serialize(int[] value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            ByteBuffer bytes = ByteBuffer.allocate(value.length * Integer.BYTES);
            bytes.asIntBuffer().put(value);
            gen.writeBinary(bytes.array());
        }
    }

    public static final class Deserializer extends JsonDeserializer<int[]> {
        @Override
        public int[] deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.START_ARRAY) {
                return ctxt.readValue(p, int[].class);
            }
            byte[] bytes = p.getBinaryValue();
            if (bytes.length % Integer.BYTES != 0) {
                return (int[]) ctxt.handleWeirdStringValue(int[].class, p.getText(),
                        "a signature of %d bytes, not whole 32-bit hashes", bytes.length);
            }
            int[] signature = new int[bytes.length / Integer.BYTES];
            ByteBuffer.wrap(bytes).asIntBuffer().get(signature);
            return signature;
        }
    }
}
