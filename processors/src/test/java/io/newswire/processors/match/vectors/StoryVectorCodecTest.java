package io.newswire.processors.match.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import io.newswire.common.JsonSerde;
import io.newswire.processors.match.vectors.StoryRecords.StoredVector;
import org.junit.jupiter.api.Test;

class StoryVectorCodecTest {

    private final StoryVector vector = StoryVector.of(Map.of("qeshm", 0.8, "quake", 0.6),
            Map.of("e:location:iran", 1.0), List.of("t:qeshm", "e:location:iran"), 1_724_137_980_000L);

    @Test
    void shouldRoundTripThroughTheJsonRecordsThatCarryIt() {
        JsonSerde<StoredVector> serde = new JsonSerde<>(StoredVector.class);
        StoredVector back = serde.deserialize("t", serde.serialize("t", new StoredVector(vector, 42L)));

        assertThat(back.indexedMillis()).isEqualTo(42L);
        assertThat(back.vector().keys()).isEqualTo(vector.keys());
        assertThat(back.vector().timeMillis()).isEqualTo(vector.timeMillis());
        assertThat(back.vector().termIds()).containsExactly(vector.termIds());
        assertThat(back.vector().termWeight("qeshm")).isCloseTo(0.8, within(1e-6));
        assertThat(back.vector().entityWeight("e:location:iran")).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void shouldRoundTripThroughTheBinaryStoreSerde() {
        StoredVectorSerde serde = new StoredVectorSerde();
        StoredVector back = serde.deserialize("t", serde.serialize("t", new StoredVector(vector, 1_724_137_980_123L)));

        assertThat(back.indexedMillis()).isEqualTo(1_724_137_980_123L);
        assertThat(back.vector().termIds()).containsExactly(vector.termIds());
        assertThat(back.vector().keys()).isEqualTo(vector.keys());
        assertThat(serde.deserialize("t", null)).isNull();
    }

    @Test
    void shouldRefuseAnUnknownFormat() {
        byte[] data = StoryVectorCodec.encode(vector);
        data[0] = 9;
        assertThatThrownBy(() -> StoryVectorCodec.decode(data)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format 9");
    }
}
