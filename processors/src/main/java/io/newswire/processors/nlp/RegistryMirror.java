package io.newswire.processors.nlp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import io.newswire.common.KnownEntity;

/**
 * The entity registry's blocks held in memory, one mirror per instance: a block is read from the global store
 * the first time a step asks for it and then kept current by the store's updater, so an article's lookups no
 * longer scan RocksDB for blocks that grow with the registry. A spelling's count only grows here, as in the
 * store. Past {@code capacity} spellings every block is dropped and read again as asked, which bounds the
 * memory (about 200 bytes a spelling).
 */
public final class RegistryMirror {

    /** About 50 MB of spellings. */
    public static final int DEFAULT_CAPACITY = 250_000;
    /** Within a block every registry key starts with the block, so the entity keys order the block. */
    private static final Comparator<KnownEntity> BY_KEY = Comparator.comparing(KnownEntity::key);

    /**
     * Each block an immutable list in registry-key order, replaced whole on a change: an article reads about
     * ten blocks and changes one or two, and a read then costs nothing.
     */
    private final ConcurrentHashMap<String, List<KnownEntity>> blocks = new ConcurrentHashMap<>();
    private final AtomicInteger held = new AtomicInteger();
    private final int capacity;

    public RegistryMirror() {
        this(DEFAULT_CAPACITY);
    }

    public RegistryMirror(int capacity) {
        this.capacity = capacity;
    }

    /**
     * The spellings of one block in registry-key order, as the store's range scan gives them; {@code store}
     * reads the block when the mirror does not hold it.
     */
    public List<KnownEntity> block(String prefix, Function<String, List<KnownEntity>> store) {
        List<KnownEntity> block = blocks.get(prefix);
        if (block != null) {
            return block;
        }
        if (held.get() > capacity) {
            clear();
        }
        // Read under the map's lock for this prefix: an update for the block that arrives meanwhile waits
        // and then applies to what was read, so none is lost between the scan and the install.
        return blocks.computeIfAbsent(prefix, p -> {
            List<KnownEntity> read = new ArrayList<>(store.apply(p));
            read.sort(BY_KEY);
            held.addAndGet(read.size());
            return Collections.unmodifiableList(read);
        });
    }

    /**
     * A spelling this instance has just counted, on its way to the store through the entities topic: the
     * lookups see it at once.
     */
    public void learned(KnownEntity known, Function<String, List<KnownEntity>> store) {
        block(known.block(), store);
        stored(known);
    }

    /** A spelling the updater wrote to the store; a block not held is read whole when first asked for. */
    public void stored(KnownEntity known) {
        blocks.computeIfPresent(known.block(), (prefix, block) -> with(block, known));
    }

    /** A spelling deleted from the store. Deletes are rare, so the mirror starts over. */
    public void deleted() {
        clear();
    }

    /** Forgets every block: on a new store (a restart or a restored instance) and past the capacity. */
    public void clear() {
        blocks.clear();
        held.set(0);
    }

    /** Spellings held now. */
    public int size() {
        return held.get();
    }

    /** The block with the spelling in its place; a count only grows. */
    private List<KnownEntity> with(List<KnownEntity> block, KnownEntity known) {
        int at = Collections.binarySearch(block, known, BY_KEY);
        if (at >= 0 && block.get(at).articles() >= known.articles()) {
            return block;
        }
        List<KnownEntity> entries = new ArrayList<>(block.size() + 1);
        entries.addAll(block);
        if (at >= 0) {
            entries.set(at, known);
        } else {
            entries.add(-at - 1, known);
            held.incrementAndGet();
        }
        return Collections.unmodifiableList(entries);
    }
}
