package io.newswire.processors.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import io.newswire.processors.match.lsh.LshRecords.Bucket;
import io.newswire.processors.match.lsh.LshRecords.Member;
import io.newswire.processors.match.lsh.LshRecords.StoredSignature;
import io.newswire.processors.match.vectors.StoryRecords.StoryBucket;
import io.newswire.processors.match.vectors.StoryRecords.StoryMember;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class BinarySerdeTest {

    private static <T> T roundTrip(BinarySerde<T> serde, T value) {
        return serde.deserialize("store", serde.serialize("store", value));
    }

    @Test
    void shouldKeepEveryMemberOfAnLshBucketIncludingOneWithoutAContentHash() {
        Bucket bucket = new Bucket(List.of(new Member("a1", "h1", 17L), new Member("ä2-ünïcode", null, -3L)));
        assertThat(roundTrip(new BinarySerde<>(Bucket.CODEC), bucket)).isEqualTo(bucket);
        assertThat(roundTrip(new BinarySerde<>(Bucket.CODEC), new Bucket(List.of()))).isEqualTo(new Bucket(List.of()));
    }

    @Test
    void shouldKeepAStoryBucketAndASignature() {
        StoryBucket bucket = new StoryBucket(List.of(new StoryMember("s1", 5L, "s1"), new StoryMember("s2", 6L, "s1")));
        assertThat(roundTrip(new BinarySerde<>(StoryBucket.CODEC), bucket)).isEqualTo(bucket);
        StoredSignature signature = new StoredSignature(new int[] {1, -2, Integer.MAX_VALUE}, 99L);
        StoredSignature back = roundTrip(new BinarySerde<>(StoredSignature.CODEC), signature);
        assertThat(back.signature()).containsExactly(1, -2, Integer.MAX_VALUE);
        assertThat(back.receivedMillis()).isEqualTo(99L);
    }

    @Test
    void shouldPassTombstonesAndRefuseTruncatedBytes() {
        BinarySerde<Bucket> serde = new BinarySerde<>(Bucket.CODEC);
        assertThat(serde.serialize("t", null)).isNull();
        assertThat(serde.deserialize("t", null)).isNull();
        byte[] bytes = serde.serialize("t", new Bucket(List.of(new Member("a1", "h1", 17L))));
        assertThatThrownBy(() -> serde.deserialize("t", java.util.Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(SerializationException.class);
    }
}
