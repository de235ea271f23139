package io.newswire.processors.match.vectors;

import java.util.Arrays;

/**
 * A bounded in-memory copy of counts by 64-bit term id: two open-addressing tables of primitive longs, the
 * current one and the one before it. A lookup that finds its id only in the older table copies it forward;
 * when the current table is full it becomes the older one and a new, empty one starts. What was used since
 * the last turn survives it, so the mirror keeps the recently used ids as an LRU map would, with no entry
 * objects and no reordering on a read (an access-ordered map of strings was a tenth of the story index's time).
 * Not thread-safe.
 */
final class CountMirror {

    static final long ABSENT = -1;
    private static final long EMPTY = 0;

    private final int capacity;
    private final int mask;
    private long[] keys;
    private long[] values;
    private long[] olderKeys;
    private long[] olderValues;
    private int size;

    /** @param capacity ids the current table holds before it turns (the two together hold up to twice that) */
    CountMirror(int capacity) {
        this.capacity = capacity;
        int slots = Integer.highestOneBit(Math.max(4, capacity) * 2 - 1) << 1; // load factor at most 1/2
        this.mask = slots - 1;
        this.keys = new long[slots];
        this.values = new long[slots];
        this.olderKeys = new long[slots];
        this.olderValues = new long[slots];
    }

    /** The mirrored count of an id, or {@link #ABSENT}. */
    long get(long id) {
        long key = nonEmpty(id);
        int slot = find(keys, key);
        if (keys[slot] == key) {
            return values[slot];
        }
        int older = find(olderKeys, key);
        if (olderKeys[older] == key) {
            long value = olderValues[older];
            put(id, value);
            return value;
        }
        return ABSENT;
    }

    void put(long id, long count) {
        long key = nonEmpty(id);
        int slot = find(keys, key);
        if (keys[slot] != key) {
            if (size >= capacity) {
                turn();
                slot = find(keys, key);
            }
            keys[slot] = key;
            size++;
        }
        values[slot] = count;
    }

    private void turn() {
        long[] k = olderKeys;
        long[] v = olderValues;
        olderKeys = keys;
        olderValues = values;
        Arrays.fill(k, EMPTY);
        keys = k;
        values = v;
        size = 0;
    }

    /** The slot holding {@code key}, or the empty slot where it would go (linear probing). */
    private int find(long[] table, long key) {
        int slot = (int) (key ^ (key >>> 32)) & mask;
        while (table[slot] != EMPTY && table[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Ids are hashes; the one id equal to the empty marker is folded onto another (a collision as likely as any). */
    private static long nonEmpty(long id) {
        return id == EMPTY ? 1 : id;
    }
}
