package io.newswire.processors.match.lsh;

import io.newswire.processors.state.BinarySerde;
import io.newswire.processors.state.CompactFields;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/** The records the LSH index keeps in its stores and answers with. */
public final class LshRecords {

    private LshRecords() {
    }

    /** An article seen before in a bucket, with its estimated similarity to the probing article. */
    public record Candidate(String articleId, String contentHash, long receivedMillis, double similarity) {
    }

    /**
     * A bucket's members, each by its article's {@link #idKey} and arrival to the second: 12 bytes a member. The
     * id, content hash and exact arrival are kept once, in the member's {@link StoredSignature}, not in each of
     * its 42 buckets; a bucket needs arrivals only for the window and to rank its newest members.
     */
    public record Bucket(List<Member> members) {
        public Bucket {
            members = members == null ? List.of() : List.copyOf(members);
        }

        /** The arrival of its newest member (0: none): once past the window, so is the whole bucket. */
        public long newestMillis() {
            return members.stream().mapToLong(Member::receivedMillis).max().orElse(0);
        }

        /**
         * Member count (one byte below 255, else 255 and an int), then each member's id key and arrival in whole
         * seconds since the epoch (unsigned: until 2106).
         */
        public static final BinarySerde.Codec<Bucket> CODEC = new BinarySerde.Codec<>() {
            @Override
            public void write(Bucket bucket, DataOutputStream out) throws IOException {
                CompactFields.writeCount(bucket.members().size(), out);
                for (Member m : bucket.members()) {
                    out.writeLong(m.idKey());
                    out.writeInt((int) (m.receivedMillis() / 1000));
                }
            }

            @Override
            public Bucket read(DataInputStream in) throws IOException {
                int n = CompactFields.readCount(in);
                List<Member> members = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    members.add(new Member(in.readLong(), Integer.toUnsignedLong(in.readInt()) * 1000));
                }
                return new Bucket(members);
            }
        };
    }

    /** A bucket member: its article's {@link #idKey} and arrival, stored to the whole second. */
    public record Member(long idKey, long receivedMillis) {
    }

    /**
     * The 64-bit key an article is known by in the buckets and the signature store: the first 8 bytes of the
     * SHA-256 of its id, so ids cannot be chosen to collide with another article's.
     */
    public static long idKey(String articleId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(articleId.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JDK", e);
        }
    }

    /** The signature store's key for an id key: 16 hex digits. */
    public static String signatureKey(long idKey) {
        String hex = Long.toHexString(idKey);
        return "0".repeat(16 - hex.length()) + hex;
    }

    /**
     * A signature kept by a band partition, as its {@link MinHash#lowBits}, with its article's id and content
     * hash (null: none) and its arrival time for retention; keyed by {@link #signatureKey}.
     */
    public record StoredSignature(String articleId, String contentHash, byte[] lowBits, long receivedMillis) {

        public static final BinarySerde.Codec<StoredSignature> CODEC = new BinarySerde.Codec<>() {
            @Override
            public void write(StoredSignature s, DataOutputStream out) throws IOException {
                out.writeLong(s.receivedMillis());
                CompactFields.writeHex(s.articleId(), out); // a generated id in 16 bytes
                CompactFields.writeHex(s.contentHash(), out); // a SHA-256 in 32 bytes
                out.writeShort(s.lowBits().length);
                out.write(s.lowBits());
            }

            @Override
            public StoredSignature read(DataInputStream in) throws IOException {
                long received = in.readLong();
                String id = CompactFields.readHex(in);
                String hash = CompactFields.readHex(in);
                byte[] lowBits = new byte[in.readShort()];
                in.readFully(lowBits);
                return new StoredSignature(id, hash, lowBits, received);
            }
        };
    }
}
