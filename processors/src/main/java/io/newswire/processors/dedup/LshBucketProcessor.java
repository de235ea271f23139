package io.newswire.processors.dedup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import io.newswire.processors.dedup.DedupRecords.BandAnswer;
import io.newswire.processors.dedup.DedupRecords.Bucket;
import io.newswire.processors.dedup.DedupRecords.Candidate;
import io.newswire.processors.dedup.DedupRecords.GatherInput;
import io.newswire.processors.dedup.DedupRecords.Member;
import io.newswire.processors.dedup.DedupRecords.Probe;
import io.newswire.processors.dedup.DedupRecords.StoredSignature;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The LSH buckets of this partition. Input is keyed by band key, so every article sharing a band with
 * another meets it here. For each probe it answers, keyed by the probing article's id, with the bucket's
 * earlier members and their estimated similarity (computed here, from the signatures this partition
 * keeps, so signatures never travel back), then joins the bucket.
 *
 * <p>State per article: one bucket entry per band (~60 bytes each) and one signature per partition that
 * holds any of its bands (126 ints). Bucket entries older than the retention window are dropped when the
 * bucket is next written, and a bucket keeps at most {@value #MAX_BUCKET} members (the most recent);
 * signatures past the window are purged every ten minutes.
 */
public final class LshBucketProcessor implements Processor<String, Probe, String, GatherInput> {

    public static final String NAME = "lsh-buckets";
    public static final String BUCKETS = "lsh-bucket-store";
    public static final String SIGNATURES = "lsh-signature-store";
    static final int MAX_BUCKET = 200;

    private final Duration retention;
    private ProcessorContext<String, GatherInput> context;
    private KeyValueStore<String, Bucket> buckets;
    private KeyValueStore<String, StoredSignature> signatures;

    public LshBucketProcessor(Duration retention) {
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, GatherInput> context) {
        this.context = context;
        this.buckets = context.getStateStore(BUCKETS);
        this.signatures = context.getStateStore(SIGNATURES);
        context.schedule(Duration.ofMinutes(10), PunctuationType.WALL_CLOCK_TIME, this::purgeSignatures);
    }

    @Override
    public void process(Record<String, Probe> record) {
        Probe probe = record.value();
        Bucket bucket = buckets.get(record.key());
        List<Member> members = bucket == null ? List.of() : bucket.members();
        long oldest = probe.receivedMillis() - retention.toMillis();
        List<Candidate> candidates = new ArrayList<>();
        List<Member> kept = new ArrayList<>();
        for (Member m : members) {
            if (m.receivedMillis() < oldest || m.articleId().equals(probe.articleId())) {
                continue;
            }
            kept.add(m);
            StoredSignature theirs = signatures.get(m.articleId());
            double similarity = theirs == null ? 0 : MinHash.similarity(probe.signature(), theirs.signature());
            candidates.add(new Candidate(m.articleId(), m.contentHash(), m.receivedMillis(), similarity));
        }
        context.forward(record.withKey(probe.articleId())
                .withValue(GatherInput.of(new BandAnswer(probe.articleId(), probe.band(), candidates))));
        kept.add(new Member(probe.articleId(), probe.contentHash(), probe.receivedMillis()));
        if (kept.size() > MAX_BUCKET) {
            kept = new ArrayList<>(kept.subList(kept.size() - MAX_BUCKET, kept.size()));
        }
        buckets.put(record.key(), new Bucket(kept));
        if (signatures.get(probe.articleId()) == null) {
            signatures.put(probe.articleId(), new StoredSignature(probe.signature(), probe.receivedMillis()));
        }
    }

    private void purgeSignatures(long now) {
        long oldest = now - retention.toMillis();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, StoredSignature> all = signatures.all()) {
            while (all.hasNext()) {
                KeyValue<String, StoredSignature> entry = all.next();
                if (entry.value.receivedMillis() < oldest) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(signatures::delete);
    }
}
