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
    void shouldKeepEveryMemberOfAnLshBucket() {
        Bucket bucket = new Bucket(List.of(new Member(Long.MIN_VALUE, 17_000L), new Member(-1L, 4_102_444_800_000L)));
        assertThat(roundTrip(new BinarySerde<>(Bucket.CODEC), bucket)).isEqualTo(bucket);
        assertThat(roundTrip(new BinarySerde<>(Bucket.CODEC), new Bucket(List.of(new Member(5L, 1_733_000_000_999L)))))
                .isEqualTo(new Bucket(List.of(new Member(5L, 1_733_000_000_000L))));
        List<Member> many = java.util.stream.LongStream.range(0, 300).mapToObj(i -> new Member(i, i * 1000)).toList();
        assertThat(roundTrip(new BinarySerde<>(Bucket.CODEC), new Bucket(many)).members()).isEqualTo(many);
        assertThat(roundTrip(new BinarySerde<>(Bucket.CODEC), new Bucket(List.of()))).isEqualTo(new Bucket(List.of()));
    }

    @Test
    void shouldKeepAStoryBucketAndASignature() {
        StoryBucket bucket = new StoryBucket(List.of(new StoryMember("s1", 5L, "s1"), new StoryMember("s2", 6L, "s1")));
        assertThat(roundTrip(new BinarySerde<>(StoryBucket.CODEC), bucket)).isEqualTo(bucket);
        StoredSignature signature = new StoredSignature("ä2-ünïcode", "h1", new byte[] {1, -2, Byte.MAX_VALUE}, 99L);
        StoredSignature back = roundTrip(new BinarySerde<>(StoredSignature.CODEC), signature);
        assertThat(back.lowBits()).containsExactly(1, -2, Byte.MAX_VALUE);
        assertThat(back.receivedMillis()).isEqualTo(99L);
        assertThat(back.articleId()).isEqualTo("ä2-ünïcode");
        assertThat(back.contentHash()).isEqualTo("h1");
        StoredSignature unhashed = roundTrip(new BinarySerde<>(StoredSignature.CODEC),
                new StoredSignature("a1", null, new byte[0], 1L));
        assertThat(unhashed.contentHash()).isNull();
    }

    @Test
    void shouldKeepAStoryBucketsMembersAndSharedStoriesInAThirdOfTheirPlainBytes() {
        String story = "1f".repeat(16);
        List<StoryMember> members = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String id = String.format(java.util.Locale.ROOT, "%032x", 7_919L * i + 1);
            members.add(new StoryMember(id, 1_733_000_000_000L + 600L * i, i % 3 == 0 ? id : story));
        }
        // A GUID from a feed, a story no member founded, arrivals out of order, and one id twice.
        members.add(new StoryMember("urn:ap:Ä-99", 1_732_000_000_000L, "tag:example.com,2026:Story"));
        members.add(new StoryMember(members.get(4).articleId(), 5L, "urn:ap:Ä-99"));
        StoryBucket bucket = new StoryBucket(members);
        BinarySerde<StoryBucket> serde = new BinarySerde<>(StoryBucket.CODEC);
        byte[] bytes = serde.serialize("t", bucket);
        assertThat(serde.deserialize("t", bytes)).isEqualTo(bucket);
        List<StoryMember> back = serde.deserialize("t", bytes).members();
        assertThat(back.get(50).storyId()).isEqualTo(story).isSameAs(back.get(49).storyId());
        int plain = members.stream().mapToInt(m -> 2 + m.articleId().length() + 8 + 2 + m.storyId().length()).sum();
        assertThat(bytes.length).as("%d bytes against %d plain", bytes.length, plain).isLessThan(plain / 3);
        List<StoryMember> many = java.util.stream.IntStream.range(0, 300)
                .mapToObj(i -> new StoryMember("a" + i, i, "s")).toList();
        assertThat(roundTrip(serde, new StoryBucket(many)).members()).isEqualTo(many);
        assertThat(roundTrip(serde, new StoryBucket(List.of()))).isEqualTo(new StoryBucket(List.of()));
    }

    @Test
    void shouldRefuseAStoryReferenceToAStringNotYetRead() {
        BinarySerde<StoryBucket> serde = new BinarySerde<>(StoryBucket.CODEC);
        byte[] bytes = serde.serialize("t", new StoryBucket(List.of(new StoryMember("a", 5L, "a"))));
        bytes[bytes.length - 1] = 9; // the story's reference, past the one string read
        assertThatThrownBy(() -> serde.deserialize("t", bytes)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("story reference 9");
    }

    @Test
    void shouldKeepASha256ContentHashIn32Bytes() {
        String sha = io.newswire.common.Hashing.sha256Hex("text");
        BinarySerde<StoredSignature> serde = new BinarySerde<>(StoredSignature.CODEC);
        byte[] asHex = serde.serialize("t", new StoredSignature("a1", "x".repeat(64), new byte[0], 1L));
        byte[] asDigest = serde.serialize("t", new StoredSignature("a1", sha, new byte[0], 1L));
        assertThat(serde.deserialize("t", asDigest).contentHash()).isEqualTo(sha);
        assertThat(serde.deserialize("t", asHex).contentHash()).isEqualTo("x".repeat(64));
        assertThat(asDigest.length).isEqualTo(asHex.length - 34);
        String upper = sha.toUpperCase(java.util.Locale.ROOT);
        assertThat(serde.deserialize("t", serde.serialize("t", new StoredSignature("a1", upper, new byte[0], 1L)))
                .contentHash()).isEqualTo(upper);
    }

    @Test
    void shouldPassTombstonesAndRefuseTruncatedBytes() {
        BinarySerde<Bucket> serde = new BinarySerde<>(Bucket.CODEC);
        assertThat(serde.serialize("t", null)).isNull();
        assertThat(serde.deserialize("t", null)).isNull();
        byte[] bytes = serde.serialize("t", new Bucket(List.of(new Member(5L, 17_000L))));
        assertThatThrownBy(() -> serde.deserialize("t", java.util.Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(SerializationException.class);
    }
}
