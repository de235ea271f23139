package io.newswire.processors.story;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.newswire.common.Article;
import io.newswire.common.Decision;
import io.newswire.common.StoryLink;
import io.newswire.processors.Deduplicated;
import io.newswire.processors.dedup.ArticlePartitioner;
import org.apache.kafka.streams.KeyValue;
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
 * After the decision, before anything leaves: publishes the article's story link and gives the article the
 * story its chosen one resolves to ({@link StoryResolver}) over the links of every partition (a global store
 * read from the story-links topic). When a link on the way is not known yet, the article waits in
 * {@value #WAITING} and is tried again every {@value #RETRY_MILLIS} ms; after {@value #GIVE_UP_SECONDS} s it
 * leaves with the story it chose, so nothing is held back for good. Links past the retention window are
 * removed (tombstoned) by the partition that decided them.
 */
public final class StoryResolveProcessor implements Processor<String, Deduplicated, String, StoryResolveProcessor.Resolution> {

    public static final String NAME = "story-resolve";
    public static final String WAITING = "story-waiting-store";
    public static final String LINKS = "story-link-store";
    static final long RETRY_MILLIS = 100;
    static final long GIVE_UP_SECONDS = 60;
    private static final Logger LOG = LoggerFactory.getLogger(StoryResolveProcessor.class);

    /** Either an article leaving with its story, or a story link to write (a null link is a tombstone). */
    public record Resolution(Deduplicated resolved, String linkId, StoryLink link) {
    }

    /** An article waiting for a link, with when it started to wait. */
    public record Waiting(Deduplicated deduplicated, long sinceMillis) {
    }

    private final Duration retention;
    private final int partitions;
    private ProcessorContext<String, Resolution> context;
    private KeyValueStore<String, StoryLink> links;
    private KeyValueStore<String, Waiting> waiting;

    public StoryResolveProcessor(Duration retention, int partitions) {
        this.retention = retention;
        this.partitions = partitions;
    }

    @Override
    public void init(ProcessorContext<String, Resolution> context) {
        this.context = context;
        this.links = context.getStateStore(LINKS);
        this.waiting = context.getStateStore(WAITING);
        context.schedule(Duration.ofMillis(RETRY_MILLIS), PunctuationType.WALL_CLOCK_TIME, this::retry);
        context.schedule(Duration.ofMinutes(10), PunctuationType.WALL_CLOCK_TIME, this::expire);
    }

    @Override
    public void process(Record<String, Deduplicated> record) {
        Deduplicated d = record.value();
        Decision decision = d.decision();
        if (decision.storyId() == null) {
            context.forward(record.withValue(new Resolution(d, null, null)));
            return;
        }
        if (choosesStory(decision.decision())) {
            long decided = d.article() != null ? d.article().received().toEpochMilli() : record.timestamp();
            context.forward(record.withKey(decision.articleId())
                    .withValue(new Resolution(null, decision.articleId(), new StoryLink(decision.storyId(), decided))));
        }
        Optional<Deduplicated> resolved = resolve(d);
        if (resolved.isPresent()) {
            context.forward(record.withValue(new Resolution(resolved.get(), null, null)));
        } else {
            waiting.put(waitKey(decision.articleId()), new Waiting(d, context.currentSystemTimeMs()));
        }
    }

    /** Updates and kills keep the story chosen by the first decision; only that one publishes a link. */
    private static boolean choosesStory(Decision.Kind kind) {
        return kind == Decision.Kind.NEW || kind == Decision.Kind.SAME_STORY || kind == Decision.Kind.EXACT_DUPLICATE
                || kind == Decision.Kind.NEAR_DUPLICATE;
    }

    private Optional<Deduplicated> resolve(Deduplicated d) {
        Decision decision = d.decision();
        return StoryResolver.resolve(decision.articleId(), decision.storyId(), links::get)
                .map(story -> story.equals(decision.storyId()) ? d : inStory(d, story));
    }

    private static Deduplicated inStory(Deduplicated d, String story) {
        Decision x = d.decision();
        Article article = d.article() == null ? null : d.article().withLinks(d.article().duplicateOf(), story);
        return new Deduplicated(article, new Decision(x.articleId(), x.version(), x.decision(), x.matchedId(), story,
                x.method(), x.score(), x.threshold()), d.corrections());
    }

    /** Unique per input record, so two arrivals of one article wait side by side. */
    private String waitKey(String articleId) {
        Optional<RecordMetadata> meta = context.recordMetadata();
        return meta.map(m -> m.partition() + "/" + m.offset()).orElse(articleId + "/" + System.nanoTime());
    }

    private void retry(long now) {
        List<KeyValue<String, Waiting>> entries = new ArrayList<>();
        try (KeyValueIterator<String, Waiting> all = waiting.all()) {
            all.forEachRemaining(entries::add);
        }
        for (KeyValue<String, Waiting> entry : entries) {
            Deduplicated d = entry.value.deduplicated();
            Optional<Deduplicated> resolved = resolve(d);
            boolean givingUp = resolved.isEmpty() && now - entry.value.sinceMillis() > GIVE_UP_SECONDS * 1000;
            if (givingUp) {
                LOG.warn("article {}: the story links from {} were not all known after {} s; it keeps that story",
                        d.decision().articleId(), d.decision().storyId(), GIVE_UP_SECONDS);
            }
            if (resolved.isPresent() || givingUp) {
                waiting.delete(entry.key);
                context.forward(new Record<>(d.decision().articleId(),
                        new Resolution(resolved.orElse(d), null, null), now));
            }
        }
    }

    private void expire(long now) {
        long oldest = now - retention.toMillis();
        int partition = context.taskId().partition();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, StoryLink> all = links.all()) {
            while (all.hasNext()) {
                KeyValue<String, StoryLink> entry = all.next();
                if (entry.value.decidedMillis() < oldest
                        && ArticlePartitioner.partitionOf(entry.key, partitions) == partition) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(id -> context.forward(new Record<>(id, new Resolution(null, id, null), now)));
    }
}
