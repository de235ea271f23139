package io.newswire.processors.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class RocksDbOptionsTest {

    static {
        RocksDB.loadLibrary();
    }

    private static Options options() {
        Options options = new Options();
        options.setTableFormatConfig(new BlockBasedTableConfig());
        options.setCompressionType(CompressionType.NO_COMPRESSION);
        return options;
    }

    @Test
    void shouldCompressEveryStoreAsConfigured() {
        try (Options lz4 = options(); Options zstd = options(); Options none = options()) {
            new RocksDbOptions().setConfig("story-store", lz4, Map.of(RocksDbOptions.COMPRESSION_CONFIG, "lz4"));
            new RocksDbOptions().setConfig("story-store", zstd, Map.of(RocksDbOptions.COMPRESSION_CONFIG, "ZSTD"));
            new RocksDbOptions().setConfig("story-store", none, Map.of(RocksDbOptions.COMPRESSION_CONFIG, "none"));
            assertThat(lz4.compressionType()).isEqualTo(CompressionType.LZ4_COMPRESSION);
            assertThat(zstd.compressionType()).isEqualTo(CompressionType.ZSTD_COMPRESSION);
            assertThat(none.compressionType()).isEqualTo(CompressionType.NO_COMPRESSION);
        }
    }

    @Test
    void shouldAddTheSharedCacheOnlyWhenABudgetIsConfigured() {
        try (Options plain = options(); Options shared = options()) {
            new RocksDbOptions().setConfig("story-store", plain, Map.of(RocksDbOptions.COMPRESSION_CONFIG, "lz4"));
            new RocksDbOptions().setConfig("story-store", shared, Map.of(RocksDbOptions.COMPRESSION_CONFIG, "lz4",
                    SharedRocksDbCache.CACHE_BYTES_CONFIG, Long.toString(64L << 20)));
            assertThat(((BlockBasedTableConfig) plain.tableFormatConfig()).cacheIndexAndFilterBlocks()).isFalse();
            assertThat(((BlockBasedTableConfig) shared.tableFormatConfig()).cacheIndexAndFilterBlocks()).isTrue();
        }
    }

    @Test
    void shouldRefuseAnUnknownCompression() {
        assertThatThrownBy(() -> RocksDbOptions.compressionType("brotli"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none, lz4, zstd");
    }
}
