package io.newswire.processors.match.lsh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.newswire.processors.state.KeyOwnership;
import io.newswire.processors.state.StoreSweep;
import io.newswire.processors.match.lsh.LshRecords.Bucket;
import io.newswire.processors.match.lsh.LshRecords.Candidate;
import io.newswire.processors.match.lsh.LshRecords.Member;
import io.newswire.processors.match.lsh.LshRecords.StoredSignature;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One partition's share of the LSH buckets: for each band key it owns, the recent articles in that bucket.
 * A probe is checked against every bucket this partition owns for it, and gets the earlier members of
 * those buckets with their estimated similarity (computed here, from the signatures this partition keeps,
 * so signatures never travel back). Then the article joins those buckets.
 *
 * <p>State per article: one bucket entry per band (12 bytes: a key of the article's id and its arrival to the second) and
 * one signature per partition that owns any of its bands (126 hashes' low 8 bits, with the id and content
 * hash). Bucket entries older than the retention window are dropped when the
 * bucket is next written, and a bucket keeps at most {@value #MAX_BUCKET} members (the most recent); a probe
 * compares at most {@value #MAX_COMPARED} of them (those sharing most bands with it, then the newest).
 * {@link #purge} drops, a slice of each store at a time, the signatures past the window and the buckets whose
 * newest member is: most band keys are written by one article only and never again, so without the sweep
 * they would stay for good.
 *
 * <p>For the same reason most buckets a probe looks up do not exist, and a store read finding nothing costs
 * as much as one finding a bucket. A {@link BandFilter} of the keys the store holds answers "certainly
 * absent" for most of them without a read. It never misses a key: every write adds to it, and it is
 * replaced only by one that the sweep filled over a whole pass (each key it kept) while the writes of that
 * pass went into both. A task that starts with buckets in its store reads every bucket until its sweep has
 * made one pass (a million keys take ~3 minutes at one slice every 10 s); one that starts empty filters at
 * once. Each filter takes {@value BandFilter#BITS_PER_KEY} bits a key, sized at {@value #FILTER_HEADROOM}×
 * the keys of the last pass; two exist while a pass runs.
 */
public final class LshIndex {

    public static final String BUCKETS = "lsh-bucket-store";
    public static final String SIGNATURES = "lsh-signature-store";
    static final int MAX_BUCKET = 200;
    static final int MAX_COMPARED = 100;
    /** Buckets swept a call: an article writes 42 band keys, so their sweep must pass over many more entries. */
    static final int BUCKET_SLICE = 50_000;
    /** The keys the first filter of an empty store is sized for, and the least any filter is. */
    static final long FILTER_KEYS = 1 << 20;
    static final double FILTER_HEADROOM = 1.5;

    private final KeyValueStore<String, Bucket> buckets;
    private final KeyValueStore<String, StoredSignature> signatures;
    private final Duration retention;
    private final StoreSweep<StoredSignature> sweep;
    private final StoreSweep<Bucket> bucketSweep;
    /** Null until a sweep pass has seen every stored bucket (the store was not empty when the task started). */
    private BandFilter filter;
    /** The next filter, filled by the sweep's current pass and by every write during it. */
    private BandFilter building;

    public LshIndex(KeyValueStore<String, Bucket> buckets, KeyValueStore<String, StoredSignature> signatures,
             Duration retention) {
        this.buckets = buckets;
        this.signatures = signatures;
        this.retention = retention;
        this.sweep = new StoreSweep<>(signatures);
        this.bucketSweep = new StoreSweep<>(buckets, BUCKET_SLICE);
        try (KeyValueIterator<String, Bucket> any = buckets.all()) {
            this.filter = any.hasNext() ? null : new BandFilter(FILTER_KEYS);
        }
    }

    /** The earlier articles sharing a band owned here, with their similarity; the probe joins the buckets. */
    public List<Candidate> probe(String articleId, String contentHash, long receivedMillis, int[] signature,
                                 int partitions, int partition) {
        long oldest = receivedMillis - retention.toMillis();
        long idKey = LshRecords.idKey(articleId);
        // Members sharing more bands with the probe first (a copy shares most of its 42), then the newest:
        // only the best are compared, so a probe's cost stays bounded when buckets are full.
        Map<Long, Member> members = new HashMap<>();
        Map<Long, Integer> sharedBands = new HashMap<>();
        boolean owned = false;
        // Written together at the end, one store call (a RocksDB write batch) instead of one per band: the keys
        // are distinct (each starts with its band number), so no read below sees an earlier band's write.
        List<KeyValue<String, Bucket>> writes = new ArrayList<>();
        for (int band = 0; band < MinHash.BANDS; band++) {
            String key = MinHash.bandKey(signature, band);
            if (KeyOwnership.owner(key, partitions) != partition) {
                continue;
            }
            owned = true;
            Bucket bucket = filter != null && !filter.mightContain(key) ? null : buckets.get(key);
            List<Member> kept = new ArrayList<>();
            for (Member m : bucket == null ? List.<Member>of() : bucket.members()) {
                if (m.receivedMillis() < oldest || m.idKey() == idKey) {
                    continue;
                }
                kept.add(m);
                members.put(m.idKey(), m);
                sharedBands.merge(m.idKey(), 1, Integer::sum);
            }
            kept.add(new Member(idKey, receivedMillis));
            if (kept.size() > MAX_BUCKET) {
                kept = new ArrayList<>(kept.subList(kept.size() - MAX_BUCKET, kept.size()));
            }
            writes.add(KeyValue.pair(key, new Bucket(kept)));
            remember(key);
        }
        buckets.putAll(writes);
        if (!owned) {
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        members.values().stream()
                .sorted(Comparator.<Member>comparingInt(m -> sharedBands.get(m.idKey())).reversed()
                        .thenComparing(Comparator.comparingLong(Member::receivedMillis).reversed())
                        .thenComparingLong(Member::idKey))
                .limit(MAX_COMPARED)
                .forEach(m -> {
                    // A member whose signature was swept is past the window as the partition counts it.
                    StoredSignature theirs = signatures.get(LshRecords.signatureKey(m.idKey()));
                    if (theirs != null) {
                        candidates.add(new Candidate(theirs.articleId(), theirs.contentHash(), theirs.receivedMillis(),
                                MinHash.similarity(signature, theirs.lowBits())));
                    }
                });
        String own = LshRecords.signatureKey(idKey);
        if (signatures.get(own) == null) {
            signatures.put(own, new StoredSignature(articleId, contentHash, MinHash.lowBits(signature), receivedMillis));
        }
        return candidates;
    }

    /**
     * Drops the signatures and the buckets past the retention window, counted back from {@code asOfMillis}, in
     * the next slice of each store.
     */
    public void purge(long asOfMillis) {
        sweep.expired(asOfMillis, retention, s -> s.receivedMillis()).forEach(signatures::delete);
        if (asOfMillis == 0) {
            return; // nothing arrived since the task started: the sweep reads nothing, so no pass may count
        }
        if (building == null && bucketSweep.atStart()) {
            long lastPass = filter == null ? 0 : filter.added();
            building = new BandFilter(Math.max(FILTER_KEYS, (long) (lastPass * FILTER_HEADROOM)));
        }
        long passes = bucketSweep.passes();
        bucketSweep.expired(asOfMillis, retention, Bucket::newestMillis, building::add).forEach(buckets::delete);
        if (bucketSweep.passes() > passes) {
            filter = building;
            building = null;
        }
    }

    /** Whether a probe skips the store for the keys the filter rules out (false until a pass on a restart). */
    boolean filtering() {
        return filter != null;
    }

    /** Whether a probe would read the bucket of {@code key} (the filter does not rule it out). */
    boolean mayHold(String key) {
        return filter == null || filter.mightContain(key);
    }

    private void remember(String key) {
        if (filter != null) {
            filter.add(key);
        }
        if (building != null) {
            building.add(key);
        }
    }
}
