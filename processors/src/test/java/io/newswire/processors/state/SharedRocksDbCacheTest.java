package io.newswire.processors.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class SharedRocksDbCacheTest {

    static {
        RocksDB.loadLibrary();
    }

    private static Options options() {
        Options options = new Options();
        options.setTableFormatConfig(new BlockBasedTableConfig());
        return options;
    }

    @Test
    void shouldPutEveryStoreOnTheSharedCacheWithItsIndexAndFilterBlocks() {
        SharedRocksDbCache setter = new SharedRocksDbCache();
        try (Options a = options(); Options b = options()) {
            Map<String, Object> configs = Map.of(SharedRocksDbCache.CACHE_BYTES_CONFIG, Long.toString(64L << 20));
            setter.setConfig("story-store", a, configs);
            setter.setConfig("dedup-seen-store", b, configs);
            for (Options o : new Options[] {a, b}) {
                BlockBasedTableConfig table = (BlockBasedTableConfig) o.tableFormatConfig();
                assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
                assertThat(table.cacheIndexAndFilterBlocksWithHighPriority()).isTrue();
            }
        }
    }

    @Test
    void shouldLeaveAStoreAsRocksDbMakesItWhenNoBudgetIsConfigured() {
        try (Options o = options()) {
            new SharedRocksDbCache().setConfig("story-store", o, Map.of());
            assertThat(((BlockBasedTableConfig) o.tableFormatConfig()).cacheIndexAndFilterBlocks()).isFalse();
        }
    }
}
