package io.newswire.processors.resolve;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.newswire.common.Article;
import io.newswire.common.Decision;
import io.newswire.processors.state.StoreSweep;
import io.newswire.processors.match.MatchRecords.Answer;
import io.newswire.processors.match.lsh.LshRecords.Candidate;
import io.newswire.processors.match.MatchRecords.GatherInput;
import io.newswire.processors.resolve.GatherRecords.Indexed;
import io.newswire.processors.resolve.GatherRecords.Pending;
import io.newswire.processors.resolve.GatherRecords.Seen;
import io.newswire.processors.match.vectors.StoryRecords.StoryCandidate;
import io.newswire.processors.match.vectors.StoryRecords.StoryCorrection;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers, by request id (one arrival of an article), the article and the answers of all the partitions
 * its probe went to (in any order), then decides ({@link DedupDecider}) and forwards the article with its
 * links, the decision, and the story corrections for partitions that indexed it under another story. Remembers each article id's decision
 * for updates and redeliveries (within the retention window): arrivals of one id meet on one partition
 * ({@link ArticlePartitioner}), and the first to be decided answers the others. Answers left without their
 * article for longer than an hour (a redelivery overtaken by its twin) are dropped by a punctuator.
 */
public final class DedupGatherProcessor implements Processor<String, GatherInput, String, Deduplicated> {

    public static final String NAME = "dedup";
    public static final String PENDING = "dedup-pending-store";
    public static final String SEEN = "dedup-seen-store";
    public static final String ARTICLES = "dedup-article-store";
    private static final Duration ORPHAN_AFTER = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(DedupGatherProcessor.class);

    /** Merges are weighed with at most this many other close stories per article. */
    static final int MAX_CLOSE_STORIES = 3;
    private final DedupDecider decider;
    private final double closeFloor;
    private Sensor collisions;
    private final int partitions;
    private final Duration retention;
    private StoreSweep<Seen> seenSweep;
    private long latestArrival;
    private ProcessorContext<String, Deduplicated> context;
    private KeyValueStore<String, Pending> pending;
    private KeyValueStore<String, Seen> seen;
    private KeyValueStore<String, GatherInput> articles;

    /**
     * {@code partitions}: the probe topic's partition count, which key ownership is computed for;
     * {@code retention}: how long an id's decision is remembered after its latest version arrived.
     */
    public DedupGatherProcessor(DedupDecider decider, int partitions, Duration retention) {
        this(decider, partitions, retention, decider.storyThreshold());
    }

    /**
     * @param closeFloor the score at which another story counts as close (for the merges the story step weighs):
     *                   the merge threshold, since two stories whose best pair scores less cannot average more
     */
    public DedupGatherProcessor(DedupDecider decider, int partitions, Duration retention, double closeFloor) {
        this.decider = decider;
        this.partitions = partitions;
        this.retention = retention;
        this.closeFloor = closeFloor;
    }

    @Override
    public void init(ProcessorContext<String, Deduplicated> context) {
        this.context = context;
        this.pending = context.getStateStore(PENDING);
        this.seen = context.getStateStore(SEEN);
        this.articles = context.getStateStore(ARTICLES);
        this.seenSweep = new StoreSweep<>(seen);
        this.collisions = context.metrics().addRateTotalSensor("newswire", "dedup-gather", "id-collisions",
                Sensor.RecordingLevel.INFO, "task-id", context.taskId().toString());
        context.schedule(Duration.ofMinutes(10), PunctuationType.WALL_CLOCK_TIME, this::dropOrphans);
        context.schedule(StoreSweep.EVERY, PunctuationType.WALL_CLOCK_TIME, this::forget);
    }

    @Override
    public void process(Record<String, GatherInput> record) {
        String id = record.key(); // the request id: pending state is per arrival
        GatherInput input = record.value();
        Pending state = pending.get(id);
        if (state == null) {
            state = Pending.empty(context.currentSystemTimeMs());
        }
        GatherInput articleInput = null;
        if (input.article() != null) {
            articleInput = input;
            state = new Pending(true, input.expectedAnswers(), state.answered(), state.candidates(),
                    state.storyCandidates(), state.indexed(), state.firstSeenMillis());
        } else if (input.answer() != null && !state.answered().contains(input.answer().partition())) {
            Answer answer = input.answer();
            List<StoryCandidate> stories = new ArrayList<>(state.storyCandidates());
            stories.addAll(answer.stories());
            List<Indexed> indexed = new ArrayList<>(state.indexed());
            if (answer.indexedStory() != null) {
                indexed.add(new Indexed(answer.partition(), answer.indexedStory()));
            }
            state = new Pending(state.arrived(), state.expectedAnswers(), plus(state.answered(), answer.partition()),
                    merge(state.candidates(), answer.candidates()), stories, indexed, state.firstSeenMillis());
        }
        if (!state.complete()) {
            if (articleInput != null) {
                articles.put(id, articleInput);
            }
            pending.put(id, state);
            return;
        }
        if (articleInput == null) {
            articleInput = articles.get(id);
            articles.delete(id);
        }
        pending.delete(id);
        Article article = articleInput.article();
        latestArrival = Math.max(latestArrival, article.received().toEpochMilli());
        Seen seenBefore = seen.get(article.id());
        if (DedupDecider.collides(article, seenBefore)) {
            String own = DedupDecider.ownId(article);
            LOG.warn("article {} version {} arrived with other text than the one decided for that id and version; "
                    + "deciding it as {}", article.id(), article.version(), own);
            collisions.record();
            article = article.withId(own);
            seenBefore = seen.get(own);
        }
        String articleId = article.id();
        DedupDecider.Outcome outcome = decider.decide(article, state.candidates(), state.storyCandidates(),
                seenBefore);
        if (outcome.seen() == null) {
            seen.delete(articleId);
        } else {
            seen.put(articleId, outcome.seen());
        }
        // Partitions that indexed the article under another story than the decided one get the decided one.
        String story = outcome.decision().storyId();
        List<StoryCorrection> corrections = story == null ? List.of() : state.indexed().stream()
                .filter(i -> !story.equals(i.storyId()))
                .map(i -> new StoryCorrection(articleId, story, i.partition(), partitions))
                .toList();
        Decision.Kind kind = outcome.decision().decision();
        // Only a first decision settles late copies: a redelivery repeats the answer remembered for its id.
        List<Candidate> laterCopies = seenBefore == null && (kind == Decision.Kind.NEW || kind == Decision.Kind.SAME_STORY)
                ? decider.laterCopies(article, state.candidates()) : List.of();
        List<String> close = story == null ? List.of() : closeStories(state.storyCandidates(), story);
        context.forward(record.withKey(articleId).withValue(new Deduplicated(outcome.article(), outcome.decision(),
                corrections, laterCopies, articleInput.vector(), close)));
    }

    /** The other stories at or above the close floor, closest first: the story step weighs merging them. */
    private List<String> closeStories(List<StoryCandidate> candidates, String chosen) {
        return candidates.stream()
                .filter(c -> c.score() >= closeFloor && !c.storyId().equals(chosen))
                .sorted(java.util.Comparator.comparingDouble(StoryCandidate::score).reversed()
                        .thenComparing(StoryCandidate::storyId))
                .map(StoryCandidate::storyId)
                .distinct()
                .limit(MAX_CLOSE_STORIES)
                .toList();
    }

    private static List<Integer> plus(List<Integer> list, int value) {
        List<Integer> out = new ArrayList<>(list);
        out.add(value);
        return out;
    }

    /** Candidates of all bands, one per article, with the highest similarity any band reported. */
    private static List<Candidate> merge(List<Candidate> known, List<Candidate> more) {
        Map<String, Candidate> byId = new LinkedHashMap<>();
        for (Candidate c : known) {
            byId.put(c.articleId(), c);
        }
        for (Candidate c : more) {
            byId.merge(c.articleId(), c, (a, b) -> a.similarity() >= b.similarity() ? a : b);
        }
        return new ArrayList<>(byId.values());
    }

    /** Forgets the decisions of ids whose latest version arrived before the window, as of the latest arrival. */
    private void forget(long now) {
        seenSweep.expired(latestArrival, retention, s -> s.receivedMillis()).forEach(seen::delete);
    }

    private void dropOrphans(long now) {
        List<String> orphans = new ArrayList<>();
        try (KeyValueIterator<String, Pending> all = pending.all()) {
            while (all.hasNext()) {
                KeyValue<String, Pending> entry = all.next();
                if (!entry.value.arrived() && now - entry.value.firstSeenMillis() > ORPHAN_AFTER.toMillis()) {
                    orphans.add(entry.key);
                }
            }
        }
        orphans.forEach(pending::delete);
    }
}
