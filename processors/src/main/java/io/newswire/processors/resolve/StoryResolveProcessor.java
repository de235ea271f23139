package io.newswire.processors.resolve;

import org.apache.kafka.common.header.Headers;
import java.util.Map;
import io.newswire.processors.state.KeyOwnership;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import io.newswire.common.Article;
import io.newswire.common.Decision;
import io.newswire.common.StoryLink;
import io.newswire.processors.state.StoreSweep;
import io.newswire.processors.state.StoredHeaders;
import io.newswire.processors.match.ArticlePartitioner;
import io.newswire.processors.match.lsh.LshRecords.Candidate;
import io.newswire.processors.resolve.GatherRecords.Seen;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the decision, before anything leaves, two steps over the story links of every partition (a global
 * store read from the story-links topic):
 * <ol>
 *   <li><b>Settle copies found late.</b> An original with copies that arrived after it but were indexed
 *       before it (so they could not see it) becomes the copy of the best of them whose own chain of copy
 *       links ends at an original other than it; one whose chain leads back to it (it saw it) is passed
 *       over. Every decided chain ends at an original, whose decision is final, so links never form a
 *       cycle. The decision's method says so
 *       ({@code content-hash-late}, {@code minhash-lsh-late}), and the gather's memory of the id is updated.
 *       Then the article's own story link is published.</li>
 *   <li><b>Resolve the story.</b> The article gets the story its chosen one resolves to
 *       ({@link StoryResolver}): it may have joined a story whose founder was meanwhile decided into another.
 *       A copy's {@code duplicate_of} becomes the original at the end of its chain of copy links.</li>
 * </ol>
 * While a link either step needs is not known yet, the article waits in {@value #WAITING} and is tried again
 * every {@value #RETRY_MILLIS} ms; after {@value #GIVE_UP_SECONDS} s it leaves as decided, so nothing is held
 * back for good. Links past the retention window are tombstoned by the partition that decided them.
 */
public final class StoryResolveProcessor implements Processor<String, Deduplicated, String, StoryResolveProcessor.Resolution> {

    public static final String NAME = "story-resolve";
    public static final String WAITING = "story-waiting-store";
    public static final String LINKS = "story-link-store";
    static final long RETRY_MILLIS = 100;
    static final long GIVE_UP_SECONDS = 60;
    static final int HELD_WAITING = 10_000;
    /** Copy chains are short (a copy of a copy); a longer one is not followed, and the candidate passed over. */
    private static final int MAX_COPY_HOPS = 20;
    private static final Logger LOG = LoggerFactory.getLogger(StoryResolveProcessor.class);

    /** Either an article leaving with its story, or a story link to write (a null link is a tombstone). */
    public record Resolution(Deduplicated resolved, String linkId, StoryLink link) {
    }

    /** An article waiting for links; {@code settled}: its copy decision is final and its link published. */
    public record Waiting(Deduplicated deduplicated, boolean settled, long sinceMillis, Map<String, String> headers) {

        public Waiting {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }

        /** The record headers the article arrived with (source, format, traceparent), as Kafka headers. */
        Headers kafkaHeaders() {
            return StoredHeaders.toKafka(headers);
        }
    }

    private final Duration retention;
    private final int partitions;
    private final double nearThreshold;
    private ProcessorContext<String, Resolution> context;
    private KeyValueStore<String, StoryLink> links;
    private KeyValueStore<String, Waiting> waiting;
    /**
     * The waiting store's entries, decoded, in its key order, while there are at most {@value #HELD_WAITING}:
     * tried every {@value #RETRY_MILLIS} ms, they were read and decoded from the store each time. The store is
     * this processor's alone, so the copy cannot go stale; it is loaded whenever the task (re)initialises. More
     * waiting (a stalled partition's links) are tried from the store until it has emptied.
     */
    private final TreeMap<String, Waiting> held = new TreeMap<>();
    private boolean holding;
    private KeyValueStore<String, Seen> seen;
    private StoreSweep<StoryLink> linkSweep;
    private long latestArrival;

    public StoryResolveProcessor(Duration retention, int partitions, double nearThreshold) {
        this.retention = retention;
        this.partitions = partitions;
        this.nearThreshold = nearThreshold;
    }

    @Override
    public void init(ProcessorContext<String, Resolution> context) {
        this.context = context;
        this.links = context.getStateStore(LINKS);
        this.waiting = context.getStateStore(WAITING);
        held.clear();
        holding = true;
        try (KeyValueIterator<String, Waiting> all = waiting.all()) {
            all.forEachRemaining(kv -> hold(kv.key, kv.value));
        }
        this.seen = context.getStateStore(io.newswire.processors.resolve.DedupGatherProcessor.SEEN);
        context.schedule(Duration.ofMillis(RETRY_MILLIS), PunctuationType.WALL_CLOCK_TIME, this::retry);
        this.linkSweep = new StoreSweep<>(links);
        context.schedule(StoreSweep.EVERY, PunctuationType.WALL_CLOCK_TIME, this::expire);
    }

    @Override
    public void process(Record<String, Deduplicated> record) {
        Deduplicated d = record.value();
        latestArrival = Math.max(latestArrival, d.article() != null ? d.article().received().toEpochMilli()
                : record.timestamp());
        if (d.decision().storyId() == null) {
            context.forward(record.withValue(new Resolution(d, null, null)));
            return;
        }
        Waiting w = step(new Waiting(d, false, context.currentSystemTimeMs(), StoredHeaders.of(record.headers())),
                record.timestamp(), false);
        if (w != null) {
            String key = waitKey(d.decision().articleId());
            waiting.put(key, w);
            hold(key, w);
        }
    }

    /** Takes the steps it can; returns what is left to wait for, or null when the article has left. */
    private Waiting step(Waiting w, long timestamp, boolean givingUp) {
        Deduplicated d = w.deduplicated();
        if (!w.settled()) {
            Optional<Deduplicated> settled = settleLateCopies(d);
            if (settled.isEmpty() && !givingUp) {
                return w;
            }
            d = settled.orElse(d);
            publishLink(d, timestamp, w.kafkaHeaders());
        }
        Decision decision = d.decision();
        Optional<String> story = StoryResolver.resolve(decision.articleId(), decision.storyId(), links::get);
        boolean copy = isCopysFirstDecision(decision);
        Optional<String> original = copy ? originalOf(decision.matchedId()) : Optional.empty();
        if ((story.isEmpty() || (copy && original.isEmpty())) && !givingUp) {
            // Unchanged since the last try: the same object, so that it is not written again.
            return w.settled() ? w : new Waiting(d, true, w.sinceMillis(), w.headers());
        }
        Deduplicated out = d;
        if (original.isPresent() && d.article() != null && !original.get().equals(d.article().duplicateOf())) {
            out = withOriginal(out, original.get());
        }
        if (story.isPresent() && !story.get().equals(decision.storyId())) {
            out = inStory(out, story.get());
        }
        context.forward(new Record<>(decision.articleId(), new Resolution(out.withoutCorrections(), null, null),
                timestamp, w.kafkaHeaders()));
        return null;
    }

    private static boolean isCopysFirstDecision(Decision decision) {
        Decision.Kind kind = decision.decision();
        return (kind == Decision.Kind.EXACT_DUPLICATE || kind == Decision.Kind.NEAR_DUPLICATE)
                && !DedupDecider.METHOD_VERSION.equals(decision.method()) && decision.matchedId() != null;
    }

    /**
     * The original at the end of a copy's chain of copy links, from the article it matched (a copy may match
     * another copy, the one most like it): that is its {@code duplicate_of}, while the decision keeps the
     * article it matched, which its score is against. Empty while a link on the way is not known yet.
     */
    private Optional<String> originalOf(String matched) {
        String at = matched;
        for (int hops = 0; hops < MAX_COPY_HOPS; hops++) {
            StoryLink link = links.get(at);
            if (link == null) {
                return Optional.empty();
            }
            if (link.duplicateOf() == null) {
                return Optional.of(at);
            }
            at = link.duplicateOf();
        }
        return Optional.of(matched);
    }

    /** The copy points at its original; the gather's memory of the id too, so later versions carry it. */
    private Deduplicated withOriginal(Deduplicated d, String original) {
        String id = d.decision().articleId();
        Seen known = seen.get(id);
        if (known != null && !original.equals(known.duplicateOf())) {
            seen.put(id, known.withOriginal(original));
        }
        return d.with(d.article().withLinks(original, d.article().storyId()), d.decision());
    }

    /**
     * The article as decided, or as the copy of the best later copy whose own copy links do not lead back
     * to it; empty while a link needed to tell is not known yet.
     */
    private Optional<Deduplicated> settleLateCopies(Deduplicated d) {
        String self = d.decision().articleId();
        for (Candidate c : d.laterCopies()) {
            StoryLink link = links.get(c.articleId());
            if (link == null) {
                return Optional.empty();
            }
            Optional<Boolean> leadsBack = leadsBackTo(self, link);
            if (leadsBack.isEmpty()) {
                return Optional.empty();
            }
            if (!leadsBack.get()) {
                return Optional.of(lateCopy(d, c, link));
            }
        }
        return Optional.of(d);
    }

    /**
     * Whether a decided article's chain of copies reaches {@code self} before an original (then it saw
     * {@code self} and must not be pointed at); empty while a link on the way is not known.
     */
    private Optional<Boolean> leadsBackTo(String self, StoryLink link) {
        StoryLink at = link;
        for (int hops = 0; at.duplicateOf() != null && hops < MAX_COPY_HOPS; hops++) {
            if (at.duplicateOf().equals(self)) {
                return Optional.of(true);
            }
            at = links.get(at.duplicateOf());
            if (at == null) {
                return Optional.empty();
            }
        }
        return Optional.of(at.duplicateOf() != null);
    }

    private Deduplicated lateCopy(Deduplicated d, Candidate original, StoryLink link) {
        Decision x = d.decision();
        boolean exact = original.contentHash() != null && d.article() != null
                && original.contentHash().equals(d.article().contentHash());
        Decision.Kind kind = exact ? Decision.Kind.EXACT_DUPLICATE : Decision.Kind.NEAR_DUPLICATE;
        Decision decision = new Decision(x.articleId(), x.version(), kind, original.articleId(), link.storyId(),
                exact ? DedupDecider.METHOD_EXACT_LATE : DedupDecider.METHOD_NEAR_LATE,
                exact ? 1.0 : original.similarity(), exact ? 1.0 : nearThreshold);
        long received = d.article() != null ? d.article().received().toEpochMilli() : context.currentSystemTimeMs();
        Seen known = seen.get(x.articleId());
        seen.put(x.articleId(), new Seen(x.version(), original.articleId(), link.storyId(), kind.name(), received,
                known == null ? null : known.contentHash(), false));
        Article article = d.article() == null ? null : d.article().withLinks(original.articleId(), link.storyId());
        return new Deduplicated(article, decision, d.corrections(), List.of(), d.vector(), d.closeStories());
    }

    /** Updates and kills keep the links of the first decision; only that one publishes a link. */
    private void publishLink(Deduplicated d, long timestamp, Headers headers) {
        Decision x = d.decision();
        Decision.Kind kind = x.decision();
        if (kind == Decision.Kind.NEW || kind == Decision.Kind.SAME_STORY || kind == Decision.Kind.EXACT_DUPLICATE
                || kind == Decision.Kind.NEAR_DUPLICATE) {
            long decided = d.article() != null ? d.article().received().toEpochMilli() : timestamp;
            boolean copy = kind == Decision.Kind.EXACT_DUPLICATE || kind == Decision.Kind.NEAR_DUPLICATE;
            context.forward(new Record<>(x.articleId(), new Resolution(null, x.articleId(),
                    new StoryLink(x.storyId(), copy ? x.matchedId() : null, decided)), timestamp, headers));
        }
    }

    private static Deduplicated inStory(Deduplicated d, String story) {
        Decision x = d.decision();
        Article article = d.article() == null ? null : d.article().withLinks(d.article().duplicateOf(), story);
        return d.with(article, new Decision(x.articleId(), x.version(), x.decision(), x.matchedId(), story,
                x.method(), x.score(), x.threshold()));
    }

    /** Unique per input record, so two arrivals of one article wait side by side. */
    private String waitKey(String articleId) {
        // Not the position of a punctuation's context (-1), which every record forwarded by one would share.
        Optional<RecordMetadata> meta = context.recordMetadata().filter(m -> m.offset() >= 0);
        return meta.map(m -> m.partition() + "/" + m.offset()).orElse(articleId + "/" + System.nanoTime());
    }

    private void hold(String key, Waiting w) {
        if (holding && held.size() >= HELD_WAITING && !held.containsKey(key)) {
            holding = false;
            held.clear();
        }
        if (holding) {
            held.put(key, w);
        }
    }

    private void retry(long now) {
        List<Map.Entry<String, Waiting>> entries = new ArrayList<>();
        if (holding) {
            entries.addAll(held.entrySet());
        } else {
            try (KeyValueIterator<String, Waiting> all = waiting.all()) {
                all.forEachRemaining(kv -> entries.add(Map.entry(kv.key, kv.value)));
            }
        }
        int left = entries.size();
        for (Map.Entry<String, Waiting> entry : entries) {
            boolean givingUp = now - entry.getValue().sinceMillis() > GIVE_UP_SECONDS * 1000;
            Waiting still = step(entry.getValue(), now, givingUp);
            if (still == null) {
                if (givingUp) {
                    LOG.warn("article {}: not all the story links it needed were known after {} s; it left as decided",
                            entry.getValue().deduplicated().decision().articleId(), GIVE_UP_SECONDS);
                }
                waiting.delete(entry.getKey());
                held.remove(entry.getKey());
                left--;
            } else if (still != entry.getValue()) {
                waiting.put(entry.getKey(), still);
                hold(entry.getKey(), still);
            }
        }
        if (!holding && left == 0) {
            holding = true; // the store is empty again, and so is the copy
        }
    }

    /** Tombstones this partition's links past the window, as of the latest arrival, in the next slice. */
    private void expire(long now) {
        int partition = context.taskId().partition();
        for (String id : linkSweep.expired(latestArrival, retention, link -> link.decidedMillis())) {
            if (KeyOwnership.articlePartition(id, partitions) == partition) {
                context.forward(new Record<>(id, new Resolution(null, id, null), now));
            }
        }
    }
}
