package io.newswire.processors.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class CompactFieldsTest {

    private interface Write {
        void to(DataOutputStream out) throws IOException;
    }

    private static DataInputStream written(Write write) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write.to(out);
        }
        return new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    }

    @Test
    void shouldKeepEveryLongAndSpendOneByteOnSmallOnes() throws IOException {
        long[] values = {0, 1, -1, 63, -64, 64, 1_733_000_000_000L, -600_000L, Long.MAX_VALUE, Long.MIN_VALUE};
        DataInputStream in = written(out -> {
            for (long v : values) {
                CompactFields.writeVarLong(v, out);
            }
        });
        for (long v : values) {
            assertThat(CompactFields.readVarLong(in)).isEqualTo(v);
        }
        assertThat(in.available()).isZero();
        assertThat(written(out -> CompactFields.writeVarLong(-64, out)).available()).isEqualTo(1);
        assertThat(written(out -> CompactFields.writeVarLong(64, out)).available()).isEqualTo(2);
        assertThat(written(out -> CompactFields.writeVarLong(Long.MIN_VALUE, out)).available()).isEqualTo(10);
        assertThat(written(out -> CompactFields.writeUnsigned(127, out)).available()).isEqualTo(1);
        assertThat(CompactFields.readUnsigned(written(out -> CompactFields.writeUnsigned(-1L, out)))).isEqualTo(-1L);
    }

    @Test
    void shouldWriteHexDigestsAsTheirBytesAndAnythingElseAsText() throws IOException {
        String sha = io.newswire.common.Hashing.sha256Hex("text");
        String id = sha.substring(0, 32);
        String[] values = {sha, id, id.toUpperCase(java.util.Locale.ROOT), "g" + id.substring(1), "ä-ü", "", null};
        DataInputStream in = written(out -> {
            for (String s : values) {
                CompactFields.writeHex(s, out);
            }
        });
        for (String s : values) {
            assertThat(CompactFields.readHex(in)).isEqualTo(s);
        }
        assertThat(written(out -> CompactFields.writeHex(sha, out)).available()).isEqualTo(33);
        assertThat(written(out -> CompactFields.writeHex(id, out)).available()).isEqualTo(17);
        assertThat(written(out -> CompactFields.writeHex("g" + id.substring(1), out)).available()).isEqualTo(35);
    }
}
