package io.newswire.sinks.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.common.Json;
import io.newswire.sinks.SinkRecord;

/**
 * What the dashboard shows, kept in memory from the output topics: current stories, counts (articles,
 * duplicates suppressed, kills, dead letters, decisions by kind), entities of recent articles, the latest
 * dead letters, and per source the arrival time of its last article. Memory is bounded: at most
 * {@value #MAX_STORIES} stories, {@value #MAX_HEADLINES} article headlines, {@value #MAX_DEAD_LETTERS}
 * dead letters and one hour of entity mentions.
 *
 * <p>Thread-safe: one feed thread applies records, HTTP threads read; listeners hear of every change
 * on the feed thread and must return quickly.
 */
public final class LiveView {

    static final int MAX_STORIES = 5_000;
    static final int MAX_HEADLINES = 20_000;
    static final int MAX_DEAD_LETTERS = 50;
    static final Duration ENTITY_WINDOW = Duration.ofHours(1);

    /** An entity mention batch: the entities of one article and when the view saw it. */
    private record Seen(Instant at, List<String> entities) {
    }

    private final Clock clock;
    private final Map<String, JsonNode> stories = new LinkedHashMap<>();
    private final Map<String, String> headlines = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_HEADLINES;
        }
    };
    private final Deque<Seen> recentEntities = new ArrayDeque<>();
    private final Deque<JsonNode> deadLetters = new ArrayDeque<>();
    private final Map<String, Instant> lastArticleBySource = new TreeMap<>();
    private final Map<String, Long> decisions = new TreeMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long articles;
    private long duplicates;
    private long kills;
    private long deadLetterCount;
    private long revisions;

    public LiveView(Clock clock) {
        this.clock = clock;
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public void apply(SinkRecord record) {
        synchronized (this) {
            switch (record.kind()) {
                case ARTICLE -> article(record);
                case STORY -> story(record);
                case DECISION -> decision(record);
                case DEAD_LETTER -> deadLetter(record);
            }
        }
        listeners.forEach(Runnable::run);
    }

    /** Stories, most recently active first. */
    public synchronized List<JsonNode> stories(int limit) {
        return stories.values().stream()
                .sorted(Comparator.comparing((JsonNode s) -> s.path("last_seen").asText()).reversed()
                        .thenComparing(s -> s.path("id").asText()))
                .limit(limit).map(this::withHeadlines).toList();
    }

    /** One story with its members' headlines, if the view holds it. */
    public synchronized Optional<JsonNode> story(String id) {
        return Optional.ofNullable(stories.get(id)).map(this::withHeadlines);
    }

    /** Entity names by the number of recent articles mentioning them, most first. */
    public synchronized List<Map.Entry<String, Long>> topEntities(Duration window, int limit) {
        Instant since = clock.instant().minus(window);
        Map<String, Long> counts = new HashMap<>();
        for (Seen seen : recentEntities) {
            if (!seen.at().isBefore(since)) {
                seen.entities().forEach(e -> counts.merge(e, 1L, Long::sum));
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).toList();
    }

    /** Everything the dashboard page draws, as one JSON document. */
    public synchronized ObjectNode snapshot() {
        Instant now = clock.instant();
        ObjectNode s = Json.MAPPER.createObjectNode();
        s.put("at", now.toString());
        ObjectNode counts = s.putObject("counts");
        counts.put("articles", articles);
        counts.put("stories", stories.size());
        counts.put("duplicates_suppressed", duplicates);
        counts.put("kills", kills);
        counts.put("dead_letters", deadLetterCount);
        counts.put("revisions", revisions);
        ObjectNode byKind = s.putObject("decisions");
        decisions.forEach(byKind::put);
        ArrayNode storyList = s.putArray("stories");
        stories(50).forEach(storyList::add);
        ArrayNode entities = s.putArray("top_entities");
        topEntities(ENTITY_WINDOW, 15).forEach(e -> entities.addObject().put("name", e.getKey())
                .put("articles", e.getValue()));
        ArrayNode letters = s.putArray("dead_letters");
        deadLetters.forEach(letters::add);
        ArrayNode sources = s.putArray("sources");
        lastArticleBySource.forEach((source, at) -> sources.addObject().put("source", source)
                .put("last_article", at.toString())
                .put("seconds_since", Math.max(0, Duration.between(at, now).toSeconds())));
        return s;
    }

    /** A revision is counted apart: the article's first decision is already in its kind's count. */
    private void decision(SinkRecord record) {
        if (record.json() != null && record.json().path("revision").asInt(0) > 0) {
            revisions++;
            return;
        }
        decisions.merge(record.json() == null ? "unknown" : record.json().path("decision").asText("unknown"), 1L,
                Long::sum);
    }

    private void article(SinkRecord record) {
        if (record.isTombstone()) {
            kills++;
            return;
        }
        JsonNode a = record.json();
        headlines.put(a.path("id").asText(), a.path("headline").asText());
        if (a.path("revision").asInt(0) > 0) {
            return; // the article moved to another story: that story's record lists it now
        }
        articles++;
        if (a.hasNonNull("duplicate_of")) {
            duplicates++;
        }
        String source = a.path("source").asText("unknown");
        // Freshness is arrival at this view: a source's "received" is when ingest read it, often the same.
        lastArticleBySource.put(source, clock.instant());
        List<String> names = new ArrayList<>();
        a.path("entities").forEach(e -> names.add(e.path("name").asText()));
        Instant now = clock.instant();
        recentEntities.addLast(new Seen(now, List.copyOf(names)));
        while (!recentEntities.isEmpty() && recentEntities.peekFirst().at().isBefore(now.minus(ENTITY_WINDOW))) {
            recentEntities.removeFirst();
        }
    }

    private void story(SinkRecord record) {
        if (record.isTombstone() || record.json().hasNonNull("merged_into")) {
            stories.remove(record.key());
            return;
        }
        stories.put(record.key(), record.json());
        if (stories.size() > MAX_STORIES) {
            stories.entrySet().stream().min(Comparator.comparing(e -> e.getValue().path("last_seen").asText()))
                    .ifPresent(oldest -> stories.remove(oldest.getKey()));
        }
    }

    private void deadLetter(SinkRecord record) {
        if (record.isTombstone()) {
            return;
        }
        deadLetterCount++;
        JsonNode d = record.json();
        ObjectNode brief = Json.MAPPER.createObjectNode();
        brief.put("id", d.path("id").asText());
        brief.put("stage", d.path("stage").asText());
        brief.put("reason", d.path("reason").asText());
        brief.put("origin", d.path("origin").asText());
        brief.put("at", d.path("at").asText());
        deadLetters.addFirst(brief);
        while (deadLetters.size() > MAX_DEAD_LETTERS) {
            deadLetters.removeLast();
        }
    }

    private JsonNode withHeadlines(JsonNode story) {
        ObjectNode copy = story.deepCopy();
        ArrayNode members = copy.putArray("members");
        story.path("member_ids").forEach(id -> members.addObject().put("id", id.asText())
                .put("headline", headlines.get(id.asText())));
        return copy;
    }
}
