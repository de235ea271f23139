package io.newswire.processors;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import io.newswire.common.Article;
import io.newswire.common.Decision;
import io.newswire.common.Entity;
import io.newswire.common.Story;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps one {@link Story} per story id (input is keyed by story id) and emits its new state after every
 * member change: a new or updated article joins (counted once per id), a kill removes its article, and
 * a story with no members left becomes a tombstone. Entity salience is summed per entity name across
 * members for the top entities.
 */
public final class StoryAggregator implements Processor<String, Deduplicated, String, Story> {

    public static final String NAME = "stories";
    public static final String STORE = "story-store";
    private static final int TOP_ENTITIES = 5;

    /** A story as stored: the public view plus what is needed to update it. */
    public record StoryState(Story story, Map<String, Double> entitySalience, Map<String, String> sourceByMember) {
    }

    private ProcessorContext<String, Story> context;
    private KeyValueStore<String, StoryState> stories;

    @Override
    public void init(ProcessorContext<String, Story> context) {
        this.context = context;
        this.stories = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, Deduplicated> record) {
        String storyId = record.key();
        Deduplicated d = record.value();
        StoryState state = stories.get(storyId);
        if (d.article() == null) {
            if (state == null || d.decision().decision() != Decision.Kind.KILL) {
                return;
            }
            Map<String, String> members = new LinkedHashMap<>(state.sourceByMember());
            members.remove(d.decision().articleId());
            if (members.isEmpty()) {
                stories.delete(storyId);
                context.forward(record.withValue(null));
                return;
            }
            Story s = state.story();
            state = new StoryState(view(storyId, s.headline(), s.firstSeen(), s.lastSeen(), members,
                    state.entitySalience(), s.duplicates()), state.entitySalience(), members);
        } else {
            state = join(storyId, state, d.article(), d.decision());
        }
        stories.put(storyId, state);
        context.forward(record.withValue(state.story()));
    }

    private static StoryState join(String storyId, StoryState state, Article article, Decision decision) {
        Map<String, String> members = state == null ? new LinkedHashMap<>() : new LinkedHashMap<>(state.sourceByMember());
        Map<String, Double> salience = state == null ? new LinkedHashMap<>() : new LinkedHashMap<>(state.entitySalience());
        boolean isNew = !members.containsKey(article.id());
        members.put(article.id(), article.source());
        if (isNew) {
            for (Entity e : article.entities()) {
                salience.merge(e.name(), e.salience(), Double::sum);
            }
        }
        Instant seen = article.published() != null ? article.published() : article.received();
        Story before = state == null ? null : state.story();
        Instant first = before == null || seen.isBefore(before.firstSeen()) ? seen : before.firstSeen();
        Instant last = before == null || seen.isAfter(before.lastSeen()) ? seen : before.lastSeen();
        String headline = before == null ? article.headline() : before.headline();
        boolean duplicate = decision.decision() == Decision.Kind.EXACT_DUPLICATE
                || decision.decision() == Decision.Kind.NEAR_DUPLICATE;
        int duplicates = (before == null ? 0 : before.duplicates()) + (isNew && duplicate ? 1 : 0);
        return new StoryState(view(storyId, headline, first, last, members, salience, duplicates), salience, members);
    }

    private static Story view(String id, String headline, Instant first, Instant last, Map<String, String> members,
                              Map<String, Double> salience, int duplicates) {
        List<String> top = salience.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .limit(TOP_ENTITIES).map(Map.Entry::getKey).toList();
        List<String> sources = new ArrayList<>(new LinkedHashSet<>(members.values()));
        return new Story(id, headline, first, last, members.size(), sources.size(), top,
                new ArrayList<>(members.keySet()), sources, duplicates);
    }
}
