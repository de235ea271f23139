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
    void shouldKeepEveryCosineOfArticlesOnTheLevelsWithinFourAndAHalfPercent() {
        // Each weight is within 2.2% of its value, so each product of two within 4.5%; weights spanning
        // two orders of magnitude (an article's TF-IDF weights span about one) all stay above the floor.
        java.util.Random random = new java.util.Random(5);
        double sumError = 0;
        double sumCosine = 0;
        for (int round = 0; round < 500; round++) {
            StoryVector a = randomVector(random, 2);
            StoryVector b = randomVector(random, 2);
            StoryVector a2 = StoryVectorCodec.quantizedUnit(a);
            StoryVector b2 = StoryVectorCodec.quantizedUnit(b);
            assertThat(a2.termIds()).containsExactly(a.termIds());
            assertThat(a2.entityIds()).containsExactly(a.entityIds());
            assertThat(a2.termCosine(b2)).isCloseTo(a.termCosine(b), within(0.045 * a.termCosine(b)));
            assertThat(a2.entityCosine(b2)).isCloseTo(a.entityCosine(b), within(0.045 * a.entityCosine(b)));
            sumError += Math.abs(a2.termCosine(b2) - a.termCosine(b));
            sumCosine += a.termCosine(b);
        }
        // Errors of many words average out: the mean is far under the bound.
        assertThat(sumError / sumCosine).isLessThan(0.01);
    }

    @Test
    void shouldKeepEachWeightsRatioToTheLargestWithinItsLevelsHalfStep() {
        java.util.Random random = new java.util.Random(9);
        for (int round = 0; round < 200; round++) {
            StoryVector a = randomVector(random, 3);
            StoryVector a2 = StoryVectorCodec.quantizedUnit(a);
            int top = 0;
            for (int i = 0; i < a.termWeights().length; i++) {
                top = a.termWeights()[i] > a.termWeights()[top] ? i : top;
            }
            for (int i = 0; i < a.termWeights().length; i++) {
                double ratio = (double) a.termWeights()[i] / a.termWeights()[top];
                double ratio2 = (double) a2.termWeights()[i] / a2.termWeights()[top];
                if (ratio >= 1.0 / 200) {
                    assertThat(ratio2).isCloseTo(ratio, within(ratio * 0.022));
                } else if (ratio < 1.0 / 256) {
                    assertThat(ratio2).isZero();
                }
            }
        }
    }

    @Test
    void shouldPutAnArticlesVectorOnTheLevelsAtUnitLengthAndKeepItExactlyInFiveBytesATerm() {
        java.util.Random random = new java.util.Random(4);
        for (int round = 0; round < 100; round++) {
            StoryVector unit = StoryVectorCodec.quantizedUnit(randomVector(random, 2));
            assertThat(unit.termCosine(unit)).isCloseTo(1.0, within(1e-5));
            assertThat(unit.entityCosine(unit)).isCloseTo(1.0, within(1e-5));
            byte[] bytes = StoryVectorCodec.encode(unit);
            StoryVector back = StoryVectorCodec.decode(bytes);
            assertThat(back.termWeights()).containsExactly(unit.termWeights());
            assertThat(back.entityWeights()).containsExactly(unit.entityWeights());
            int terms = unit.termIds().length + unit.entityIds().length;
            // time, two counts, two kinds, two scales, the key count: 29 bytes besides the terms
            assertThat(bytes.length).isEqualTo(1 + 8 + 2 * (4 + 1 + 4) + 2 + 5 * terms);
        }
    }

    @Test
    void shouldKeepASumOfVectorsExactlyWhateverItsWeights() {
        StoryVector sum = new StoryVector(vector.termIds(), new float[] {2.5f, -1e-3f}, vector.entityIds(),
                new float[] {0.123456f}, List.of(), 0);
        StoryVector back = StoryVectorCodec.decode(StoryVectorCodec.encode(sum));
        assertThat(back.termWeights()).containsExactly(2.5f, -1e-3f);
        assertThat(back.entityWeights()).containsExactly(0.123456f);
    }

    @Test
    void shouldDropAnArticlesWeightBelowTheLowestLevel() {
        StoryVector article = new StoryVector(vector.termIds(), new float[] {0.9999f, 1e-3f}, vector.entityIds(),
                new float[] {1f}, List.of(), 0);
        assertThat(StoryVectorCodec.quantizedUnit(article).termWeights()).containsExactly(1f, 0f);
    }

    @Test
    void shouldRefuseAnIdWiderThanItsBits() {
        StoryVector wide = new StoryVector(new long[] {1L << StoryVector.ID_BITS}, new float[] {1f}, new long[0],
                new float[0], List.of(), 0);
        assertThatThrownBy(() -> StoryVectorCodec.encode(wide)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Words drawn from a small vocabulary so pairs overlap, weights spanning {@code decades} orders of magnitude. */
    private static StoryVector randomVector(java.util.Random random, int decades) {
        Map<String, Double> terms = new java.util.HashMap<>();
        Map<String, Double> entities = new java.util.HashMap<>();
        for (int i = 0; i < 150; i++) {
            terms.put("w" + random.nextInt(600), Math.pow(10, -decades * random.nextDouble()));
        }
        for (int i = 0; i < 8; i++) {
            entities.put("e:person:p" + random.nextInt(30), Math.pow(10, -decades * random.nextDouble()));
        }
        return StoryVector.of(unit(terms), unit(entities), List.of(), 0);
    }

    private static Map<String, Double> unit(Map<String, Double> weights) {
        double norm = Math.sqrt(weights.values().stream().mapToDouble(w -> w * w).sum());
        weights.replaceAll((k, w) -> w / norm);
        return weights;
    }

    @Test
    void shouldRefuseAnUnknownFormat() {
        byte[] data = StoryVectorCodec.encode(vector);
        data[0] = 9;
        assertThatThrownBy(() -> StoryVectorCodec.decode(data)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format 9");
    }
}
