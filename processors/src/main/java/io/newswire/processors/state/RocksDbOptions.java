package io.newswire.processors.state;

import java.util.Locale;
import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;

/**
 * What newswire changes in Kafka Streams' RocksDB settings: every store compressed (Streams leaves them
 * uncompressed) with the algorithm named by {@value #COMPRESSION_CONFIG}, and, when a budget is
 * configured, one block cache for them all ({@link SharedRocksDbCache}). The index's vectors and hashes
 * hardly compress; articles, members and ids in the other stores do.
 */
public final class RocksDbOptions implements RocksDBConfigSetter {

    /** The Streams property (set from {@code state.compression}) naming the compression: none, lz4, zstd. */
    public static final String COMPRESSION_CONFIG = "newswire.rocksdb.compression";

    private final SharedRocksDbCache cache = new SharedRocksDbCache();

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Object compression = configs.get(COMPRESSION_CONFIG);
        if (compression != null) {
            options.setCompressionType(compressionType(compression.toString()));
        }
        cache.setConfig(storeName, options, configs);
    }

    /** The RocksDB compression for a setting's value; an unknown name is refused. */
    public static CompressionType compressionType(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "none" -> CompressionType.NO_COMPRESSION;
            case "lz4" -> CompressionType.LZ4_COMPRESSION;
            case "zstd" -> CompressionType.ZSTD_COMPRESSION;
            default -> throw new IllegalArgumentException("unknown state compression '" + name
                    + "'; one of none, lz4, zstd");
        };
    }

    @Override
    public void close(String storeName, Options options) {
        cache.close(storeName, options);
    }
}
