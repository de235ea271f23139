package io.newswire.processors.nlp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import io.newswire.common.KnownEntity;

/**
 * Which blocks of the entity registry have changed, so that a step may keep the blocks it read from one
 * article to the next: the registry's global store is written only by its updater, which says here which
 * block each write touched. A block read costs a store scan and grows with the registry, and most articles
 * ask for blocks the articles before them asked for. One instance per topology, shared by the updater and
 * the steps that read.
 */
public final class RegistryBlocks {

    private final Map<String, Long> versions = new ConcurrentHashMap<>();

    /** Called by the updater after it wrote a spelling of this block. */
    void changed(String block) {
        versions.merge(block, 1L, Long::sum);
    }

    /** The block a registry key belongs to: its type, first letter and length, up to the third '|'. */
    static String blockOf(String registryKey) {
        int bar = -1;
        for (int i = 0; i < 3; i++) {
            bar = registryKey.indexOf('|', bar + 1);
            if (bar < 0) {
                return registryKey;
            }
        }
        return registryKey.substring(0, bar + 1);
    }

    /**
     * A lookup over {@code store} that keeps each block it read until the block changes, up to {@code maxHeld}
     * spellings (the least recently asked blocks go first). Not thread-safe: one per processor.
     */
    Function<String, List<KnownEntity>> caching(Function<String, List<KnownEntity>> store, int maxHeld) {
        record Held(long version, List<KnownEntity> spellings) {
        }
        int[] held = {0};
        LinkedHashMap<String, Held> blocks = new LinkedHashMap<>(256, 0.75f, true);
        return prefix -> {
            // The version before the read: a write during the read leaves the copy already out of date.
            long version = versions.getOrDefault(prefix, 0L);
            Held kept = blocks.get(prefix);
            if (kept != null && kept.version() == version) {
                return kept.spellings();
            }
            List<KnownEntity> read = List.copyOf(store.apply(prefix));
            Held previous = blocks.put(prefix, new Held(version, read));
            held[0] += read.size() - (previous == null ? 0 : previous.spellings().size());
            var eldest = blocks.entrySet().iterator();
            while (held[0] > maxHeld && eldest.hasNext()) {
                held[0] -= eldest.next().getValue().spellings().size();
                eldest.remove();
            }
            return read;
        };
    }
}
