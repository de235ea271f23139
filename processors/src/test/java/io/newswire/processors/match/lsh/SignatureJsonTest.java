package io.newswire.processors.match.lsh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import io.newswire.common.JsonSerde;
import io.newswire.processors.match.MatchRecords.Probe;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** A probe's signature travels as base64 and reads back whole; records with a number array still read. */
class SignatureJsonTest {

    private final JsonSerde<Probe> serde = new JsonSerde<>(Probe.class);
    private final int[] signature = MinHash.signature("Quake", List.of(MinHashTest.TEXT));

    @Test
    void shouldCarryEveryHashAsBase64() {
        byte[] json = serde.serialize("t", new Probe("a1", "a1#0-7", "h", 5L, signature, null, 3));
        String text = new String(json, StandardCharsets.UTF_8);

        assertThat(text).doesNotContain("\"signature\":[");
        assertThat(serde.deserialize("t", json).signature()).containsExactly(signature);
    }

    @Test
    void shouldReadASignatureWrittenAsNumbers() {
        String json = "{\"articleId\":\"a1\",\"requestId\":\"a1#0-7\",\"contentHash\":\"h\",\"receivedMillis\":5,"
                + "\"signature\":[1,-2,2147483647],\"vector\":null,\"partitions\":3}";
        assertThat(serde.deserialize("t", json.getBytes(StandardCharsets.UTF_8)).signature())
                .containsExactly(1, -2, Integer.MAX_VALUE);
    }

    @Test
    void shouldRefuseBytesThatAreNotWholeHashes() {
        String json = "{\"articleId\":\"a1\",\"requestId\":\"a1#0-7\",\"signature\":\"AAAB\",\"partitions\":3}";
        assertThatThrownBy(() -> serde.deserialize("t", json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
    }
}
