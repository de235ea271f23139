package io.newswire.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.CompressionType;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class StoreCompactionTest {

    @TempDir
    Path state;

    @Test
    void shouldLeaveOnlyWhatTheStoreHoldsAndKeepIt() throws Exception {
        RocksDB.loadLibrary();
        Path store = state.resolve("0_1/rocksdb/dedup-article-store");
        store.toFile().mkdirs();
        byte[] value = new byte[2000];
        new java.util.Random(1).nextBytes(value);
        try (Options options = new Options().setCreateIfMissing(true).setDisableAutoCompactions(true);
             RocksDB db = RocksDB.open(options, store.toString());
             FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            // Each entry written, flushed to a file, then deleted in the next: what an article awaiting its
            // answers leaves behind when Streams flushes its stores at every commit.
            for (int i = 0; i < 300; i++) {
                db.put(key(i), value);
                db.flush(flush);
                if (i > 0) {
                    db.delete(key(i - 1));
                }
            }
            db.flush(flush);
        }
        long before = tableBytes(store);

        StoreCompaction.compactAll(state, CompressionType.LZ4_COMPRESSION);

        assertThat(tableBytes(store)).isPositive().isLessThan(before / 20);
        try (Options options = new Options(); RocksDB db = RocksDB.open(options, store.toString())) {
            assertThat(db.get(key(299))).isEqualTo(value);
            assertThat(db.get(key(298))).isNull();
        }
    }

    /** The store's table files (its info logs record every flush, and stay). */
    private static long tableBytes(Path store) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(store)) {
            return files.filter(f -> f.toString().endsWith(".sst")).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static byte[] key(int i) {
        return ("article-" + i).getBytes(StandardCharsets.UTF_8);
    }
}
