package io.newswire.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * Compacts every RocksDB store under a closed Streams state directory in full, as Streams would write its
 * files (4 KB blocks, Bloom filters, the configured compression): what the stores hold once the values
 * overwritten and deleted are gone. Short-lived entries (an article waiting for its answers) leave files
 * behind until compaction reaches them, a constant amount rather than an amount per article, which would
 * otherwise count as state per article in a short run.
 */
final class StoreCompaction {

    private StoreCompaction() {
    }

    static void compactAll(Path stateDir, CompressionType compression) throws IOException {
        RocksDB.loadLibrary();
        List<Path> stores;
        try (var walk = Files.walk(stateDir)) {
            stores = walk.filter(p -> p.getFileName().toString().equals("CURRENT")).map(Path::getParent).toList();
        }
        for (Path store : stores) {
            try {
                compact(store, compression);
            } catch (RocksDBException e) {
                throw new IOException("could not compact " + store + ": " + e.getMessage(), e);
            }
        }
    }

    private static void compact(Path store, CompressionType compression) throws RocksDBException {
        List<byte[]> families;
        try (Options options = new Options()) {
            families = RocksDB.listColumnFamilies(options, store.toString());
        }
        try (BloomFilter filter = new BloomFilter();
             ColumnFamilyOptions family = new ColumnFamilyOptions()
                     .setCompressionType(compression)
                     .setTableFormatConfig(new BlockBasedTableConfig().setBlockSize(4096L).setFilterPolicy(filter));
             DBOptions options = new DBOptions()) {
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            families.forEach(name -> descriptors.add(new ColumnFamilyDescriptor(name, family)));
            List<ColumnFamilyHandle> handles = new ArrayList<>();
            try (RocksDB db = RocksDB.open(options, store.toString(), descriptors, handles)) {
                for (ColumnFamilyHandle handle : handles) {
                    db.compactRange(handle);
                }
                handles.forEach(ColumnFamilyHandle::close);
            }
        }
    }
}
