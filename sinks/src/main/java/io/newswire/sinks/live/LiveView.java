package io.newswire.sinks.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.common.Json;
import io.newswire.sinks.SinkRecord;

/**
 * What the dashboard shows, kept in memory from the output topics: current stories, counts (articles,
 * duplicates suppressed, kills, dead letters, decisions by kind), entities of recent articles with their
 * types and links, the latest dead letters, per source the arrival time of its last article, articles per
 * minute and the trend of the top entities over the last hour, and for each story page its members with
 * each one's decision in words ({@link Why}). Memory is bounded: at most {@value #MAX_STORIES} stories,
 * {@value #MAX_ARTICLES} article briefs and decisions, {@value #MAX_DEAD_LETTERS} dead letters and one
 * hour of entity mentions and per-minute counts.
 *
 * <p>Times on the charts are when ingest received each article (its {@code received}), so a view rebuilt
 * from the topics draws the same history as one that watched it happen; an article without one counts at
 * the moment the view read it.
 *
 * <p>Thread-safe: one feed thread applies records, HTTP threads read; listeners hear of every change
 * on the feed thread and must return quickly.
 */
public final class LiveView {

    static final int MAX_STORIES = 5_000;
    static final int MAX_ARTICLES = 20_000;
    static final int MAX_DEAD_LETTERS = 50;
    static final Duration ENTITY_WINDOW = Duration.ofHours(1);
    static final int CHART_MINUTES = 60;
    static final int TRENDING = 5;

    /** An entity as the dashboard shows it: its name, type and knowledge-base page (null when not linked). */
    public record EntityRef(String name, String type, String kbId) {
    }

    /** An entity and the number of recent articles mentioning it. */
    public record EntityCount(EntityRef entity, long articles) {
    }

    /** An entity mention batch: the entities of one article and when it was received. */
    private record Seen(Instant at, List<EntityRef> entities) {
    }

    private final Clock clock;
    private final Map<String, JsonNode> stories = new LinkedHashMap<>();
    /** Per article what a story page lists: headline, link, source, time, story, copy of. */
    private final Map<String, ObjectNode> briefs = bounded(MAX_ARTICLES);
    /** Per article its first decision ("first") and its latest revision ("moved"), each with its "why". */
    private final Map<String, ObjectNode> decided = bounded(MAX_ARTICLES);
    private final TreeMap<Long, Long> articlesPerMinute = new TreeMap<>();
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

    /** One story with its members (headline, link, source, decision in words) and volume, if the view holds it. */
    public synchronized Optional<JsonNode> story(String id) {
        return Optional.ofNullable(stories.get(id)).map(this::withHeadlines);
    }

    /**
     * Entities by the number of recent articles mentioning them, most first; an entity is its name, its type
     * the one most of those articles gave it (a name like "Israel" is a place in one and a nationality in
     * another), and its link the latest one.
     */
    public synchronized List<EntityCount> topEntities(Duration window, int limit) {
        Instant since = clock.instant().minus(window);
        Map<String, Long> counts = new HashMap<>();
        Map<String, Map<String, Long>> types = new HashMap<>();
        Map<String, String> links = new HashMap<>();
        for (Seen seen : recentEntities) {
            if (!seen.at().isBefore(since)) {
                for (EntityRef e : seen.entities()) {
                    counts.merge(e.name(), 1L, Long::sum);
                    types.computeIfAbsent(e.name(), n -> new TreeMap<>()).merge(String.valueOf(e.type()), 1L, Long::sum);
                    if (e.kbId() != null) {
                        links.put(e.name(), e.kbId());
                    }
                }
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(e -> new EntityCount(new EntityRef(e.getKey(), mostCommon(types.get(e.getKey())),
                        links.get(e.getKey())), e.getValue())).toList();
    }

    /** The type given most often; of equals, the first by name, so the answer does not depend on order. */
    private static String mostCommon(Map<String, Long> types) {
        String best = types.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))).orElseThrow().getKey();
        return best.equals("null") ? null : best;
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
        topEntities(ENTITY_WINDOW, 15).forEach(e -> entities.add(entityJson(e)));
        s.set("charts", charts(now));
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
        JsonNode d = record.json();
        if (d != null && d.hasNonNull("article_id")) {
            keepDecision(d);
        }
        if (d != null && d.path("revision").asInt(0) > 0) {
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
        Instant now = clock.instant();
        Instant stamped = instant(a.path("received"), now);
        Instant received = stamped.isAfter(now) ? now : stamped;
        briefs.put(a.path("id").asText(), brief(a, received));
        if (a.path("revision").asInt(0) > 0) {
            return; // the article moved to another story: that story's record lists it now
        }
        articles++;
        if (a.hasNonNull("duplicate_of")) {
            duplicates++;
        }
        String source = a.path("source").asText("unknown");
        // Freshness is arrival at this view: a source's "received" is when ingest read it, often the same.
        lastArticleBySource.put(source, now);
        long minute = received.getEpochSecond() / 60;
        articlesPerMinute.merge(minute, 1L, Long::sum);
        articlesPerMinute.headMap(now.getEpochSecond() / 60 - CHART_MINUTES).clear();
        List<EntityRef> refs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        a.path("entities").forEach(e -> {
            if (names.add(e.path("name").asText())) {
                refs.add(new EntityRef(e.path("name").asText(), e.path("type").asText(null), httpUrl(e.path("kb_id"))));
            }
        });
        recentEntities.addLast(new Seen(received, List.copyOf(refs)));
        // Received times are nearly in order; what is out of order is skipped by the readers' window check.
        while (!recentEntities.isEmpty() && recentEntities.peekFirst().at().isBefore(now.minus(ENTITY_WINDOW))) {
            recentEntities.removeFirst();
        }
    }

    /** What a story page shows of a member; a url only when it is http(s), since the page makes it a link. */
    private static ObjectNode brief(JsonNode a, Instant received) {
        ObjectNode b = Json.MAPPER.createObjectNode();
        b.put("id", a.path("id").asText());
        b.put("headline", a.path("headline").asText());
        b.put("url", httpUrl(a.path("url")));
        b.put("source", a.path("source").asText(null));
        b.put("at", instant(a.path("published"), received).toString());
        b.put("story_id", a.path("story_id").asText(null));
        b.put("duplicate_of", a.path("duplicate_of").asText(null));
        b.put("revision", a.path("revision").asInt(0));
        return b;
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

    /** The first decision of the newest version, and the latest revision of it; kills and stale copies aside. */
    private void keepDecision(JsonNode d) {
        if (!SinkRecord.outcomeOf(d.path("decision").asText("")).equals("decided")) {
            return;
        }
        ObjectNode kept = decided.computeIfAbsent(d.path("article_id").asText(), id -> Json.MAPPER.createObjectNode());
        int version = d.path("version").asInt();
        if (kept.path("version").asInt(Integer.MIN_VALUE) > version) {
            return;
        }
        if (kept.path("version").asInt(Integer.MIN_VALUE) < version) {
            kept.removeAll();
            kept.put("version", version);
        }
        ObjectNode said = d.deepCopy();
        int revision = d.path("revision").asInt(0);
        if (revision == 0) {
            said.put("why", Why.decided(d));
            kept.set("first", said);
        } else if (kept.path("moved").path("revision").asInt(0) < revision) {
            said.put("why", Why.moved(d));
            kept.set("moved", said);
        }
    }

    /** A story with, per member it lists, the member's brief and decisions, and its volume over time. */
    private JsonNode withHeadlines(JsonNode story) {
        ObjectNode copy = story.deepCopy();
        ArrayNode members = copy.putArray("members");
        List<Instant> times = new ArrayList<>();
        story.path("member_ids").forEach(id -> {
            ObjectNode brief = briefs.get(id.asText());
            ObjectNode member = brief == null ? members.addObject().put("id", id.asText()).putNull("headline")
                    : members.addObject().setAll(brief);
            ObjectNode d = decided.get(id.asText());
            if (d != null) {
                member.set("decision", d.get("first"));
                member.set("moved", d.get("moved"));
            }
            if (brief != null) {
                times.add(Instant.parse(brief.path("at").asText()));
            }
        });
        copy.set("volume", volume(times));
        return copy;
    }

    /** Members per hour, or per minute for a story that spans less than three hours. */
    static ObjectNode volume(List<Instant> times) {
        ObjectNode v = Json.MAPPER.createObjectNode();
        if (times.isEmpty()) {
            v.put("bucket_seconds", 60);
            v.putArray("t");
            v.putArray("articles");
            return v;
        }
        Instant first = times.stream().min(Instant::compareTo).orElseThrow();
        Instant last = times.stream().max(Instant::compareTo).orElseThrow();
        long bucket = Duration.between(first, last).compareTo(Duration.ofHours(3)) < 0 ? 60 : 3600;
        TreeMap<Long, Long> counts = new TreeMap<>();
        times.forEach(t -> counts.merge(t.getEpochSecond() / bucket * bucket, 1L, Long::sum));
        v.put("bucket_seconds", bucket);
        ArrayNode t = v.putArray("t");
        ArrayNode n = v.putArray("articles");
        counts.forEach((at, count) -> {
            t.add(at);
            n.add(count);
        });
        return v;
    }

    /**
     * The last {@value #CHART_MINUTES} minutes, one point a minute: articles received, and mentions of the
     * {@value #TRENDING} top entities (articles naming each).
     */
    private ObjectNode charts(Instant now) {
        long last = now.getEpochSecond() / 60;
        long first = last - CHART_MINUTES + 1;
        ObjectNode c = Json.MAPPER.createObjectNode();
        ArrayNode minutes = c.putArray("minutes");
        ArrayNode perMinute = c.putArray("articles");
        for (long m = first; m <= last; m++) {
            minutes.add(m * 60);
            perMinute.add(articlesPerMinute.getOrDefault(m, 0L));
        }
        ArrayNode trends = c.putArray("entities");
        for (EntityCount top : topEntities(Duration.ofMinutes(CHART_MINUTES), TRENDING)) {
            long[] counts = new long[CHART_MINUTES];
            for (Seen seen : recentEntities) {
                long m = seen.at().getEpochSecond() / 60;
                if (m >= first && m <= last && seen.entities().stream().anyMatch(e -> e.name().equals(
                        top.entity().name()))) {
                    counts[(int) (m - first)]++;
                }
            }
            ObjectNode trend = entityJson(top);
            ArrayNode series = trend.putArray("per_minute");
            for (long n : counts) {
                series.add(n);
            }
            trends.add(trend);
        }
        return c;
    }

    static ObjectNode entityJson(EntityCount e) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("name", e.entity().name());
        o.put("type", e.entity().type());
        o.put("kb_id", e.entity().kbId());
        o.put("articles", e.articles());
        return o;
    }

    private static Instant instant(JsonNode value, Instant fallback) {
        if (value.isTextual()) {
            try {
                return Instant.parse(value.asText());
            } catch (java.time.format.DateTimeParseException e) {
                return fallback;
            }
        }
        return fallback;
    }

    /** The value when it is an http(s) address, else null: the page turns it into a link. */
    static String httpUrl(JsonNode value) {
        String url = value.asText("");
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url : null;
    }

    private static <V> Map<String, V> bounded(int max) {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }
}
