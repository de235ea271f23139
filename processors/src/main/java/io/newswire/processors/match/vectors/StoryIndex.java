package io.newswire.processors.match.vectors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import io.newswire.processors.state.StoreSweep;
import io.newswire.processors.state.KeyOwnership;
import io.newswire.processors.match.vectors.StoryRecords.StoredVector;
import io.newswire.processors.match.vectors.StoryRecords.StoryBucket;
import io.newswire.processors.match.vectors.StoryRecords.StoryCandidate;
import io.newswire.processors.match.vectors.StoryRecords.StoryCorrection;
import io.newswire.processors.match.vectors.StoryRecords.StoryMember;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One partition's share of the story index: for each key it owns, the recent articles carrying that key
 * with their story (at most {@value #MAX_BUCKET}, the newest), and the vector of every article it indexes.
 * An article scores at most {@value #MAX_SCORED} members in all (those sharing most keys with it, then the
 * newest), each partition a share by its share of the article's keys (at least {@value #MIN_SCORED}), so
 * its cost is bounded however large the index grows and however many partitions hold its keys.
 * Probes read it and add a provisional entry ({@code CandidatesProcessor}); decisions correct the
 * entry's story where it was wrong ({@link #correct}, from {@link StoryCorrectionProcessor}).
 *
 * <p>Vectors are written once and never change (the story lives in the bucket entries), so those read or
 * written last are kept decoded in memory, within a budget ({@link VectorCache}): at 100k articles, reading
 * them from RocksDB was a third of the processors' time. The cache starts empty whenever the task
 * (re)initialises. A probe's own entry is written from the buckets its candidates were read from, not read
 * again.
 *
 * <p>State per article: one ~20-byte bucket entry per key (13; {@link StoryBucket#CODEC}) and one vector (at most 128 words and the
 * entities, ~0.7 KB binary, with the keys that partition owns) per owning partition. Entries older than the
 * retention window are dropped when their bucket is next written; vectors, and buckets whose newest member
 * is past the window (a key no later article carried), by {@link #purge}, a slice of each store at a time.
 * All go by arrival time.
 */
public final class StoryIndex {

    public static final String BUCKETS = "story-bucket-store";
    public static final String VECTORS = "story-vector-store";
    static final int MAX_BUCKET = 100;
    static final int MAX_SCORED = 64;
    static final int MIN_SCORED = 8;
    static final int MAX_ANSWER = 10;
    private static final StoryBucket EMPTY = new StoryBucket(List.of());
    /** Buckets swept a call: an article writes up to 13 keys, so their sweep passes over more entries. */
    static final int BUCKET_SLICE = 20_000;

    private final KeyValueStore<String, StoryBucket> buckets;
    private final KeyValueStore<String, StoredVector> vectors;
    private final StoryScorer scorer;
    private final Duration retention;
    private final StoreSweep<StoredVector> sweep;
    private final StoreSweep<StoryBucket> bucketSweep;
    private final VectorCache cache;

    /** The closest stories for a probe, and the story it was indexed under here (null: not indexed now). */
    public record Probed(List<StoryCandidate> candidates, String indexedStory) {
    }

    /** An index without a vector cache: for steps that read vectors rarely (corrections). */
    public StoryIndex(KeyValueStore<String, StoryBucket> buckets, KeyValueStore<String, StoredVector> vectors,
               StoryScorer scorer, Duration retention) {
        this(buckets, vectors, scorer, retention, 0);
    }

    /** @param cacheBytes heap for decoded vectors ({@link VectorCache}) */
    public StoryIndex(KeyValueStore<String, StoryBucket> buckets, KeyValueStore<String, StoredVector> vectors,
               StoryScorer scorer, Duration retention, long cacheBytes) {
        this.buckets = buckets;
        this.vectors = vectors;
        this.scorer = scorer;
        this.retention = retention;
        this.sweep = new StoreSweep<>(vectors);
        this.bucketSweep = new StoreSweep<>(buckets, BUCKET_SLICE);
        this.cache = new VectorCache(cacheBytes);
    }

    /**
     * The closest member of each story sharing a key owned here, best stories first; and the probing
     * article joins the index at once, in the story this partition's answer points to (or its own). The
     * gather step's decision corrects that story if it chose another ({@link StoryCorrectionProcessor}).
     * Indexing at probe time is what lets articles arriving together (a batch, a burst) find each other:
     * were the index written only after the decision, every article of a burst would probe an index
     * without the others. An article indexed before (a redelivery, a newer version) keeps its entry.
     */
    public Probed probe(String articleId, StoryVector vector, long receivedMillis, int partitions, int partition) {
        List<String> keys = owned(vector.keys(), partitions, partition);
        if (keys.isEmpty()) {
            return new Probed(List.of(), null);
        }
        // The article's scoring budget is shared among the partitions by their share of its keys, so an
        // article costs the same however many partitions its keys are spread over.
        int budget = Math.max(MIN_SCORED, (int) Math.ceil((double) MAX_SCORED * keys.size() / vector.keys().size()));
        Map<String, StoryBucket> read = new HashMap<>();
        List<StoryCandidate> answer = candidates(articleId, vector, keys, budget, read);
        if (vectors.get(articleId) != null) {
            return new Probed(answer, null);
        }
        String story = answer.isEmpty() || answer.get(0).score() < scorer.threshold() ? articleId
                : answer.get(0).storyId();
        index(articleId, story, vector, receivedMillis, keys, read);
        return new Probed(answer, story);
    }

    /** A member met in the probe's buckets: how many of them hold it, and its entry (the last one met). */
    static final class Tally {
        int shared;
        StoryMember entry;

        Tally(int shared, StoryMember entry) {
            this.shared = shared;
            this.entry = entry;
        }
    }

    /** More shared keys first, then the newest, then the smaller id: a total order, as ids are unique. */
    static final Comparator<Tally> RANK = (a, b) -> {
        if (a.shared != b.shared) {
            return Integer.compare(b.shared, a.shared);
        }
        int newer = Long.compare(b.entry.timeMillis(), a.entry.timeMillis());
        return newer != 0 ? newer : a.entry.articleId().compareTo(b.entry.articleId());
    };
    private static final Comparator<Tally> WORST_FIRST = RANK.reversed();

    /** The closest members' stories; the buckets it reads go into {@code read}, for the probe's own entry. */
    private List<StoryCandidate> candidates(String articleId, StoryVector vector, List<String> keys, int budget,
                                            Map<String, StoryBucket> read) {
        // Members sharing more of the probe's keys first, then the most recent: only the best are scored.
        Map<String, Tally> tallies = new HashMap<>();
        for (String key : keys) {
            StoryBucket bucket = buckets.get(key);
            read.put(key, bucket == null ? EMPTY : bucket);
            if (bucket != null) {
                for (StoryMember m : bucket.members()) {
                    Tally tally = tallies.computeIfAbsent(m.articleId(), id -> new Tally(0, m));
                    tally.shared++;
                    tally.entry = m;
                }
            }
        }
        tallies.remove(articleId);
        List<StoryMember> members = best(tallies.values(), budget).stream().map(t -> t.entry).toList();
        Map<String, StoryCandidate> byStory = new HashMap<>();
        for (StoryMember entry : members) {
            String member = entry.articleId();
            StoryVector theirs = vector(member);
            if (theirs == null) {
                continue;
            }
            String story = entry.storyId();
            double score = scorer.score(vector, theirs);
            byStory.merge(story, new StoryCandidate(member, story, score), (a, b) -> a.score() >= b.score() ? a : b);
        }
        return byStory.values().stream()
                .sorted(Comparator.comparingDouble(StoryCandidate::score).reversed()
                        .thenComparing(StoryCandidate::storyId))
                .limit(MAX_ANSWER)
                .toList();
    }

    /**
     * The first {@code budget} tallies in {@link #RANK} order: a bounded heap keeps them, since a probe meets a
     * few hundred members to score a few dozen and sorting them all was a fifth of choosing them.
     */
    static List<Tally> best(Collection<Tally> tallies, int budget) {
        PriorityQueue<Tally> kept = new PriorityQueue<>(budget + 1, WORST_FIRST);
        for (Tally t : tallies) {
            if (kept.size() < budget) {
                kept.add(t);
            } else if (RANK.compare(t, kept.peek()) < 0) {
                kept.poll();
                kept.add(t);
            }
        }
        List<Tally> ranked = new ArrayList<>(kept);
        ranked.sort(RANK);
        return ranked;
    }

    private StoryVector vector(String articleId) {
        StoryVector v = cache.get(articleId);
        if (v == null) {
            StoredVector stored = vectors.get(articleId);
            if (stored == null) {
                return null;
            }
            v = stored.vector();
            cache.put(articleId, v);
        }
        return v;
    }

    /** Adds the article to the buckets of its keys, as {@code read} holds them (each key's bucket, just read). */
    private void index(String articleId, String storyId, StoryVector vector, long receivedMillis, List<String> keys,
                       Map<String, StoryBucket> read) {
        long oldest = receivedMillis - retention.toMillis();
        List<KeyValue<String, StoryBucket>> writes = new ArrayList<>(keys.size()); // one batch, as in LshIndex
        for (String key : keys) {
            List<StoryMember> kept = new ArrayList<>();
            for (StoryMember m : read.get(key).members()) {
                if (m.timeMillis() >= oldest && !m.articleId().equals(articleId)) {
                    kept.add(m);
                }
            }
            kept.add(new StoryMember(articleId, receivedMillis, storyId));
            if (kept.size() > MAX_BUCKET) {
                kept = new ArrayList<>(kept.subList(kept.size() - MAX_BUCKET, kept.size()));
            }
            writes.add(KeyValue.pair(key, new StoryBucket(kept)));
        }
        buckets.putAll(writes);
        // Stored with the keys this partition owns, all a correction here looks up: a third of the routing
        // keys' bytes on three partitions.
        vectors.put(articleId, new StoredVector(vector.withKeys(keys), receivedMillis));
        cache.put(articleId, vector);
    }

    /**
     * Gives an indexed article the story its decision chose, in the buckets of its keys this partition
     * owns. Nothing to do for an article gone past the retention window, or already in that story (a
     * correction processed again).
     */
    public void correct(StoryCorrection correction, int partition) {
        // Straight from the store: corrections are rare, and filling a second cache with them would only
        // hold memory (the probing side keeps its own).
        StoredVector stored = vectors.get(correction.articleId());
        if (stored == null) {
            return;
        }
        for (String key : owned(stored.vector().keys(), correction.partitions(), partition)) {
            StoryBucket bucket = buckets.get(key);
            if (bucket == null) {
                continue;
            }
            boolean changed = false;
            List<StoryMember> members = new ArrayList<>(bucket.members());
            for (int i = 0; i < members.size(); i++) {
                StoryMember m = members.get(i);
                if (m.articleId().equals(correction.articleId()) && !correction.storyId().equals(m.storyId())) {
                    members.set(i, new StoryMember(m.articleId(), m.timeMillis(), correction.storyId()));
                    changed = true;
                }
            }
            if (changed) {
                buckets.put(key, new StoryBucket(members));
            }
        }
    }

    /**
     * Drops the vectors and the buckets past the retention window, counted back from {@code asOfMillis}, in the
     * next slice of each store.
     */
    public void purge(long asOfMillis) {
        for (String expired : sweep.expired(asOfMillis, retention, v -> v.indexedMillis())) {
            vectors.delete(expired);
            cache.remove(expired);
        }
        bucketSweep.expired(asOfMillis, retention, StoryBucket::newestMillis).forEach(buckets::delete);
    }

    private static List<String> owned(List<String> keys, int partitions, int partition) {
        return keys.stream().filter(k -> KeyOwnership.owner(k, partitions) == partition).toList();
    }
}
