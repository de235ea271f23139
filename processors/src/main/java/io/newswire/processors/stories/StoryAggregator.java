package io.newswire.processors.stories;

import io.newswire.processors.resolve.Deduplicated;
import io.newswire.processors.state.StoreSweep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.newswire.common.Article;
import io.newswire.common.Decision;
import io.newswire.common.Entity;
import io.newswire.common.Story;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps one {@link Story} per story id (input is keyed by story id) and emits its new state after every
 * member change: a new or updated article joins (counted once per id), a kill removes its article, and
 * a story with no members left becomes a tombstone. Entity salience is summed per entity name across
 * members for the top entities.
 *
 * <p>An article's cost must not grow with its story: members are kept one entry each in their own store
 * ({@value #MEMBERS}, key story id + NUL + article id), the story record counts them and lists the newest
 * {@value #LISTED_MEMBERS}, sources are counted per name, and entity salience keeps the
 * {@value #KEPT_ENTITIES} heaviest names. Before, the story record held every member, so a story of n
 * articles rewrote n ids for each new one.
 *
 * <p>A story none of whose members arrived within the retention window (counted back from the latest
 * arrival here) can gain no more: the index has forgotten its articles. Its state and member entries are
 * then dropped, a slice of the store at a time ({@link StoreSweep}); its last record stays on the topic.
 */
public final class StoryAggregator implements Processor<String, Deduplicated, String, Story> {

    public static final String NAME = "stories";
    public static final String STORE = "story-store";
    public static final String MEMBERS = "story-member-store";
    static final int LISTED_MEMBERS = 100;
    private static final int TOP_ENTITIES = 5;
    private static final int KEPT_ENTITIES = 50;

    /** Stories are fewer than articles and larger records: a smaller slice keeps each sweep short. */
    private static final int SWEEP_SLICE = 1_000;

    /**
     * A story as stored: the public view plus what is needed to update it; {@code lastArrivalMillis}: when its
     * newest member arrived (0 in records from before it was kept: those are dropped at the first sweep).
     */
    public record StoryState(Story story, Map<String, Double> entitySalience, Map<String, Integer> sourceCounts,
                             long lastArrivalMillis) {
    }

    private final Duration retention;
    private ProcessorContext<String, Story> context;
    private KeyValueStore<String, StoryState> stories;
    private KeyValueStore<String, String> members;
    private StoreSweep<StoryState> sweep;
    private long latestArrival;

    public StoryAggregator(Duration retention) {
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, Story> context) {
        this.context = context;
        this.stories = context.getStateStore(STORE);
        this.members = context.getStateStore(MEMBERS);
        this.sweep = new StoreSweep<>(stories, SWEEP_SLICE);
        context.schedule(StoreSweep.EVERY, PunctuationType.WALL_CLOCK_TIME, now -> forgetQuietStories());
    }

    private void forgetQuietStories() {
        for (String storyId : sweep.expired(latestArrival, retention, StoryState::lastArrivalMillis)) {
            List<String> keys = new ArrayList<>();
            try (KeyValueIterator<String, String> member = members.prefixScan(memberKey(storyId, ""),
                    Serdes.String().serializer())) {
                member.forEachRemaining(kv -> keys.add(kv.key));
            }
            keys.forEach(members::delete);
            stories.delete(storyId);
        }
    }

    @Override
    public void process(Record<String, Deduplicated> record) {
        String storyId = record.key();
        Deduplicated d = record.value();
        if (d.article() != null) {
            latestArrival = Math.max(latestArrival, d.article().received().toEpochMilli());
        }
        StoryState state = stories.get(storyId);
        if (d.article() == null) {
            if (state == null || d.decision().decision() != Decision.Kind.KILL) {
                return;
            }
            String articleId = d.decision().articleId();
            String source = members.delete(memberKey(storyId, articleId));
            if (source == null) {
                return;
            }
            Story s = state.story();
            if (s.articleCount() <= 1) {
                stories.delete(storyId);
                context.forward(record.withValue(null));
                return;
            }
            Map<String, Integer> sources = new LinkedHashMap<>(state.sourceCounts());
            sources.computeIfPresent(source, (k, n) -> n > 1 ? n - 1 : null);
            List<String> listed = new ArrayList<>(s.memberIds());
            listed.remove(articleId);
            state = new StoryState(view(storyId, s.headline(), s.firstSeen(), s.lastSeen(), s.articleCount() - 1,
                    listed, sources, state.entitySalience(), s.duplicates()), state.entitySalience(), sources,
                    state.lastArrivalMillis());
        } else {
            state = join(storyId, state, d.article(), d.decision());
        }
        stories.put(storyId, state);
        context.forward(record.withValue(state.story()));
    }

    private StoryState join(String storyId, StoryState state, Article article, Decision decision) {
        Story before = state == null ? null : state.story();
        Map<String, Integer> sources = state == null ? new LinkedHashMap<>() : new LinkedHashMap<>(state.sourceCounts());
        Map<String, Double> salience = state == null ? new LinkedHashMap<>() : new LinkedHashMap<>(state.entitySalience());
        List<String> listed = before == null ? new ArrayList<>() : new ArrayList<>(before.memberIds());
        int count = before == null ? 0 : before.articleCount();
        String key = memberKey(storyId, article.id());
        boolean isNew = members.get(key) == null;
        if (isNew) {
            String source = article.source() == null ? "" : article.source();
            members.put(key, source);
            sources.merge(source, 1, Integer::sum);
            count++;
            listed.add(article.id());
            if (listed.size() > LISTED_MEMBERS) {
                listed = new ArrayList<>(listed.subList(listed.size() - LISTED_MEMBERS, listed.size()));
            }
            for (Entity e : article.entities()) {
                salience.merge(e.name(), e.salience(), Double::sum);
            }
            salience = heaviest(salience, KEPT_ENTITIES);
        }
        Instant seen = article.published() != null ? article.published() : article.received();
        Instant first = before == null || seen.isBefore(before.firstSeen()) ? seen : before.firstSeen();
        Instant last = before == null || seen.isAfter(before.lastSeen()) ? seen : before.lastSeen();
        String headline = before == null ? article.headline() : before.headline();
        boolean duplicate = decision.decision() == Decision.Kind.EXACT_DUPLICATE
                || decision.decision() == Decision.Kind.NEAR_DUPLICATE;
        int duplicates = (before == null ? 0 : before.duplicates()) + (isNew && duplicate ? 1 : 0);
        long arrival = Math.max(state == null ? 0 : state.lastArrivalMillis(), article.received().toEpochMilli());
        return new StoryState(view(storyId, headline, first, last, count, listed, sources, salience, duplicates),
                salience, sources, arrival);
    }

    private static String memberKey(String storyId, String articleId) {
        return storyId + '\u0000' + articleId;
    }

    private static Map<String, Double> heaviest(Map<String, Double> salience, int n) {
        if (salience.size() <= n) {
            return salience;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        salience.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .limit(n).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static Story view(String id, String headline, Instant first, Instant last, int count, List<String> listed,
                              Map<String, Integer> sources, Map<String, Double> salience, int duplicates) {
        List<String> top = heaviest(salience, TOP_ENTITIES).keySet().stream().toList();
        List<String> named = sources.keySet().stream().filter(source -> !source.isEmpty()).toList();
        return new Story(id, headline, first, last, count, named.size(), top, listed, named, duplicates);
    }
}
