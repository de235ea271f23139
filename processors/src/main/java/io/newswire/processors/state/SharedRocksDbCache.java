package io.newswire.processors.state;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * One block cache and one memtable budget for every RocksDB store of the process, of
 * {@value #CACHE_BYTES_CONFIG} bytes in all, instead of RocksDB's own cache per store: the index's stores
 * (buckets, vectors, members, seen texts) are read at random by every probe, and per store a cache either
 * stays small while its store outgrows it or, summed over stores and partitions, grows without a bound.
 * Index and filter blocks live in the same cache (high priority), so the bound holds as stores grow.
 */
public final class SharedRocksDbCache implements RocksDBConfigSetter {

    /** The Streams property (set from {@code state.cache.mb}) giving the shared budget in bytes. */
    public static final String CACHE_BYTES_CONFIG = "newswire.rocksdb.cache.bytes";
    /** Memtables take at most this share of the budget, charged to the cache. */
    private static final double MEMTABLE_SHARE = 0.25;
    private static final double HIGH_PRIORITY_SHARE = 0.1;

    private static Cache cache;
    private static WriteBufferManager writeBuffers;
    private static long cacheBytes;

    private static synchronized Cache cache(long bytes) {
        if (cache == null || cacheBytes != bytes) {
            // Kept for the life of the process: stores close and reopen on rebalances and share it throughout.
            cache = new LRUCache(bytes, -1, false, HIGH_PRIORITY_SHARE);
            writeBuffers = new WriteBufferManager((long) (bytes * MEMTABLE_SHARE), cache);
            cacheBytes = bytes;
        }
        return cache;
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Object configured = configs.get(CACHE_BYTES_CONFIG);
        if (configured == null) {
            return;
        }
        long bytes = Long.parseLong(configured.toString());
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        Cache shared = cache(bytes);
        table.setBlockCache(shared);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBuffers);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write-buffer manager are shared: closing one store must not free them.
    }
}
