package io.newswire.processors.match.lsh;

import io.newswire.processors.state.BinarySerde;
import java.util.List;

/** The records the LSH index keeps in its stores and answers with. */
public final class LshRecords {

    private LshRecords() {
    }

    /** An article seen before in a bucket, with its estimated similarity to the probing article. */
    public record Candidate(String articleId, String contentHash, long receivedMillis, double similarity) {
    }

    /** A bucket's members: article id, content hash and arrival time (no signatures: those are kept once). */
    public record Bucket(List<Member> members) {
        public Bucket {
            members = members == null ? List.of() : List.copyOf(members);
        }

        /** The arrival of its newest member (0: none): once past the window, so is the whole bucket. */
        public long newestMillis() {
            return members.stream().mapToLong(Member::receivedMillis).max().orElse(0);
        }

        /** Member count, then each member's id, content hash (empty for none) and arrival time. */
        public static final BinarySerde.Codec<Bucket> CODEC = new BinarySerde.Codec<>() {
            @Override
            public void write(Bucket bucket, java.io.DataOutputStream out) throws java.io.IOException {
                out.writeInt(bucket.members().size());
                for (Member m : bucket.members()) {
                    out.writeUTF(m.articleId());
                    out.writeUTF(m.contentHash() == null ? "" : m.contentHash());
                    out.writeLong(m.receivedMillis());
                }
            }

            @Override
            public Bucket read(java.io.DataInputStream in) throws java.io.IOException {
                int n = in.readInt();
                List<Member> members = new java.util.ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    String id = in.readUTF();
                    String hash = in.readUTF();
                    members.add(new Member(id, hash.isEmpty() ? null : hash, in.readLong()));
                }
                return new Bucket(members);
            }
        };
    }

    public record Member(String articleId, String contentHash, long receivedMillis) {
    }

    /** A signature kept by a band partition, with its arrival time for retention. */
    public record StoredSignature(int[] signature, long receivedMillis) {

        public static final BinarySerde.Codec<StoredSignature> CODEC = new BinarySerde.Codec<>() {
            @Override
            public void write(StoredSignature s, java.io.DataOutputStream out) throws java.io.IOException {
                out.writeLong(s.receivedMillis());
                out.writeInt(s.signature().length);
                for (int h : s.signature()) {
                    out.writeInt(h);
                }
            }

            @Override
            public StoredSignature read(java.io.DataInputStream in) throws java.io.IOException {
                long received = in.readLong();
                int[] signature = new int[in.readInt()];
                for (int i = 0; i < signature.length; i++) {
                    signature[i] = in.readInt();
                }
                return new StoredSignature(signature, received);
            }
        };
    }
}
