package io.newswire.sinks.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.common.Json;
import io.newswire.sinks.SinkRecord;
import io.newswire.sinks.TestClock;
import io.newswire.sinks.SinkRecord.Kind;
import org.junit.jupiter.api.Test;

class LiveViewTest {

    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    static SinkRecord article(String id, String source, String duplicateOf, String... entities) throws Exception {
        ObjectNode a = (ObjectNode) Json.MAPPER.readTree("{\"id\":\"" + id + "\",\"version\":1,\"source\":\""
                + source + "\",\"headline\":\"Headline " + id + "\"}");
        a.put("duplicate_of", duplicateOf);
        for (String e : entities) {
            a.withArray("entities").addObject().put("name", e);
        }
        return SinkRecord.of(Kind.ARTICLE, id, a);
    }

    static SinkRecord story(String id, String lastSeen, String... members) throws Exception {
        ObjectNode s = (ObjectNode) Json.MAPPER.readTree("{\"id\":\"" + id + "\",\"headline\":\"Story " + id
                + "\",\"last_seen\":\"" + lastSeen + "\",\"article_count\":" + members.length + "}");
        for (String m : members) {
            s.withArray("member_ids").add(m);
        }
        return SinkRecord.of(Kind.STORY, id, s);
    }

    @Test
    void shouldListStoriesNewestFirstWithTheirMembersHeadlines() throws Exception {
        LiveView view = new LiveView(new TestClock(NOW));
        view.apply(article("a1", "wire", null));
        view.apply(article("a2", "web", null));
        view.apply(story("a1", "2026-11-22T10:00:00Z", "a1"));
        view.apply(story("a2", "2026-11-22T11:00:00Z", "a2"));
        view.apply(story("a1", "2026-11-22T11:30:00Z", "a1", "a2"));

        assertThat(view.stories(10)).extracting(s -> s.path("id").asText()).containsExactly("a1", "a2");
        JsonNode a1 = view.story("a1").orElseThrow();
        assertThat(a1.path("members").findValuesAsText("headline")).containsExactly("Headline a1", "Headline a2");
        view.apply(SinkRecord.of(Kind.STORY, "a2", null));
        assertThat(view.story("a2")).isEmpty();
    }

    @Test
    void shouldMoveARevisedArticleToTheStoryItWasMergedInto() throws Exception {
        LiveView view = new LiveView(new TestClock(NOW));
        view.apply(article("a1", "wire", null));
        view.apply(article("b1", "web", null));
        view.apply(story("a1", "2026-11-22T10:00:00Z", "a1"));
        view.apply(story("b1", "2026-11-22T10:01:00Z", "b1"));
        ObjectNode revised = (ObjectNode) article("b1", "web", null).json();
        revised.put("story_id", "a1").put("revision", 1);
        view.apply(SinkRecord.of(Kind.ARTICLE, "b1", revised));
        view.apply(SinkRecord.of(Kind.DECISION, "b1", Json.MAPPER.readTree(
                "{\"article_id\":\"b1\",\"version\":1,\"decision\":\"NEW\",\"revision\":1}")));
        view.apply(story("a1", "2026-11-22T10:01:00Z", "a1", "b1"));
        ObjectNode merged = (ObjectNode) story("b1", "2026-11-22T10:01:00Z").json();
        merged.put("merged_into", "a1");
        view.apply(SinkRecord.of(Kind.STORY, "b1", merged));

        assertThat(view.stories(10)).extracting(s -> s.path("id").asText()).containsExactly("a1");
        assertThat(view.story("a1").orElseThrow().path("members").findValuesAsText("id")).containsExactly("a1", "b1");
        assertThat(view.snapshot().path("counts").path("articles").asLong()).as("b1 counted once").isEqualTo(2);
        assertThat(view.snapshot().path("counts").path("revisions").asLong()).isEqualTo(1);
    }

    @Test
    void shouldCountEntitiesOfTheLastHourOnly() throws Exception {
        TestClock clock = new TestClock(NOW);
        LiveView view = new LiveView(clock);
        view.apply(article("old", "wire", null, "Gaza"));
        clock.now = NOW.plus(Duration.ofMinutes(90));
        view.apply(article("a1", "wire", null, "Cairo", "Egypt"));
        view.apply(article("a2", "wire", null, "Cairo"));

        assertThat(view.topEntities(Duration.ofHours(1), 10)).extracting(e -> e.entity().name() + "=" + e.articles())
                .containsExactly("Cairo=2", "Egypt=1");
    }

    @Test
    void shouldCountDuplicatesKillsDeadLettersAndSourceFreshness() throws Exception {
        TestClock clock = new TestClock(NOW);
        LiveView view = new LiveView(clock);
        view.apply(article("a1", "wire", null));
        view.apply(article("a2", "wire", "a1"));
        clock.now = NOW.plusSeconds(30);
        view.apply(article("a3", "web", null));
        view.apply(SinkRecord.of(Kind.ARTICLE, "a3", null));
        view.apply(SinkRecord.of(Kind.DEAD_LETTER, "x", Json.MAPPER.readTree(
                "{\"id\":\"d1\",\"stage\":\"ingest\",\"reason\":\"empty file\"}")));
        view.apply(SinkRecord.of(Kind.DECISION, "a2", Json.MAPPER.readTree("{\"decision\":\"EXACT_DUPLICATE\"}")));
        clock.now = NOW.plusSeconds(60);

        JsonNode snapshot = view.snapshot();
        assertThat(snapshot.path("counts").path("articles").asLong()).isEqualTo(3);
        assertThat(snapshot.path("counts").path("duplicates_suppressed").asLong()).isEqualTo(1);
        assertThat(snapshot.path("counts").path("kills").asLong()).isEqualTo(1);
        assertThat(snapshot.path("counts").path("dead_letters").asLong()).isEqualTo(1);
        assertThat(snapshot.path("dead_letters").findValuesAsText("reason")).containsExactly("empty file");
        assertThat(snapshot.path("decisions").path("EXACT_DUPLICATE").asLong()).isEqualTo(1);
        assertThat(snapshot.path("sources").findValuesAsText("source")).containsExactly("web", "wire");
        assertThat(snapshot.path("sources").findValues("seconds_since")).extracting(JsonNode::asLong)
                .containsExactly(30L, 60L);
    }

    @Test
    void shouldTellListenersOfEveryChange() throws Exception {
        LiveView view = new LiveView(new TestClock(NOW));
        int[] heard = {0};
        view.onChange(() -> heard[0]++);
        view.apply(article("a1", "wire", null));
        view.apply(story("a1", "2026-11-22T10:00:00Z", "a1"));
        assertThat(heard[0]).isEqualTo(2);
    }

    static SinkRecord decision(String id, String kind, String matched, String story, String method, double score,
                               double threshold, int revision) {
        ObjectNode d = Json.MAPPER.createObjectNode().put("article_id", id).put("version", 1).put("decision", kind)
                .put("matched_id", matched).put("story_id", story).put("method", method).put("score", score)
                .put("threshold", threshold).put("revision", revision);
        return SinkRecord.of(Kind.DECISION, id, d);
    }

    @Test
    void shouldSayOnAStoryPageWhyEachMemberIsThere() throws Exception {
        LiveView view = new LiveView(new TestClock(NOW));
        ObjectNode a1 = (ObjectNode) article("a1", "wire", null).json();
        a1.put("url", "https://example.org/a1");
        view.apply(SinkRecord.of(Kind.ARTICLE, "a1", a1));
        ObjectNode a2 = (ObjectNode) article("a2", "web", "a1").json();
        a2.put("url", "javascript:alert(1)");
        view.apply(SinkRecord.of(Kind.ARTICLE, "a2", a2));
        view.apply(article("a3", "web", null));
        // Decisions may come before or after their article: the page joins them by id.
        view.apply(decision("a1", "NEW", null, "a1", "tfidf-entities-time", 0.10, 0.24, 0));
        view.apply(decision("a2", "NEAR_DUPLICATE", "a1", "a1", "minhash-lsh", 0.82, 0.25, 0));
        view.apply(decision("a3", "SAME_STORY", "a1", "b9", "tfidf-entities-time", 0.31, 0.24, 0));
        view.apply(decision("a3", "SAME_STORY", "a1", "a1", "story-merge", 0.28, 0.24, 1));
        view.apply(decision("a4", "NEW", null, "a4", "tfidf-entities-time", 0, 0.24, 0));
        view.apply(story("a1", "2026-11-22T11:00:00Z", "a1", "a2", "a3", "a4"));

        JsonNode members = view.story("a1").orElseThrow().path("members");
        assertThat(members.get(0).path("url").asText()).isEqualTo("https://example.org/a1");
        assertThat(members.get(0).path("decision").path("why").asText())
                .isEqualTo("started a story: its best story score 0.10 < 0.24 (tfidf-entities-time)");
        assertThat(members.get(1).path("url").isNull()).as("only http(s) urls become links").isTrue();
        assertThat(members.get(1).path("decision").path("why").asText())
                .isEqualTo("near copy of a1: estimated Jaccard 0.82 ≥ 0.25 (minhash-lsh)");
        assertThat(members.get(2).path("decision").path("why").asText())
                .isEqualTo("joined the story of a1: story score 0.31 ≥ 0.24 (tfidf-entities-time)");
        assertThat(members.get(2).path("moved").path("why").asText())
                .isEqualTo("its story merged into a1 (revision 1, average link 0.28 ≥ 0.24)");
        assertThat(members.get(3).path("headline").isNull()).as("a4's article not seen yet").isTrue();
        assertThat(members.get(3).path("decision").path("why").asText())
                .isEqualTo("started a story: no earlier article shares its words");
    }

    @Test
    void shouldSayWhenAnEntityWasRespelled() throws Exception {
        LiveView view = new LiveView(new TestClock(NOW));
        view.apply(article("a1", "wire", null));
        view.apply(decision("a1", "NEW", null, "a1", "tfidf-entities-time", 0, 0.24, 0));
        view.apply(decision("a1", "NEW", null, "a1", "entity-respell", 1.0, 1.0, 1));
        view.apply(story("a1", "2026-11-22T11:00:00Z", "a1"));
        assertThat(view.story("a1").orElseThrow().path("members").get(0).path("moved").path("why").asText())
                .isEqualTo("an entity was respelled as most articles spell it (revision 1)");
    }

    @Test
    void shouldKeepTheNewestVersionsDecisionAndIgnoreKillsAndStaleCopies() throws Exception {
        LiveView view = new LiveView(new TestClock(NOW));
        view.apply(article("a1", "wire", null));
        ObjectNode v2 = (ObjectNode) decision("a1", "UPDATE", null, "a1", "version", 1, 1, 0).json();
        v2.put("version", 2);
        view.apply(SinkRecord.of(Kind.DECISION, "a1", v2));
        view.apply(decision("a1", "NEW", null, "a1", "tfidf-entities-time", 0, 0.24, 0));
        view.apply(decision("a1", "STALE", null, "a1", "version", 1, 1, 0));
        view.apply(story("a1", "2026-11-22T11:00:00Z", "a1"));

        assertThat(view.story("a1").orElseThrow().path("members").get(0).path("decision").path("why").asText())
                .isEqualTo("a newer version of an article already decided");
    }

    @Test
    void shouldChartArticlesPerMinuteAndTheTopEntitiesByReceivedTime() throws Exception {
        LiveView view = new LiveView(new TestClock(NOW));
        for (int i = 0; i < 3; i++) {
            ObjectNode a = (ObjectNode) article("a" + i, "wire", null).json();
            a.put("received", NOW.minus(Duration.ofMinutes(i == 0 ? 10 : 2)).toString());
            a.withArray("entities").addObject().put("name", "Gaza").put("type", "LOCATION")
                    .put("kb_id", "https://en.wikipedia.org/wiki/Gaza_City");
            if (i > 0) {
                a.withArray("entities").addObject().put("name", "Cairo").put("type", "LOCATION");
            }
            view.apply(SinkRecord.of(Kind.ARTICLE, a.path("id").asText(), a));
        }
        ObjectNode old = (ObjectNode) article("old", "wire", null, "Rafah").json();
        old.put("received", NOW.minus(Duration.ofHours(3)).toString());
        view.apply(SinkRecord.of(Kind.ARTICLE, "old", old));

        JsonNode charts = view.snapshot().path("charts");
        assertThat(charts.path("minutes")).hasSize(LiveView.CHART_MINUTES);
        long last = charts.path("minutes").get(LiveView.CHART_MINUTES - 1).asLong();
        assertThat(last).isEqualTo(NOW.getEpochSecond() / 60 * 60);
        JsonNode perMinute = charts.path("articles");
        assertThat(perMinute.get(LiveView.CHART_MINUTES - 3).asLong()).isEqualTo(2);
        assertThat(perMinute.get(LiveView.CHART_MINUTES - 11).asLong()).isEqualTo(1);
        long total = 0;
        for (JsonNode n : perMinute) {
            total += n.asLong();
        }
        assertThat(total).as("the article of three hours ago is off the chart").isEqualTo(3);
        JsonNode gaza = charts.path("entities").get(0);
        assertThat(gaza.path("name").asText()).isEqualTo("Gaza");
        assertThat(gaza.path("kb_id").asText()).isEqualTo("https://en.wikipedia.org/wiki/Gaza_City");
        assertThat(gaza.path("per_minute").get(LiveView.CHART_MINUTES - 3).asLong()).isEqualTo(2);
        assertThat(charts.path("entities").findValuesAsText("name")).containsExactly("Gaza", "Cairo");
        assertThat(view.snapshot().path("top_entities").get(0).path("type").asText()).isEqualTo("LOCATION");
        ObjectNode demonym = (ObjectNode) article("a9", "wire", null).json();
        demonym.withArray("entities").addObject().put("name", "Gaza").put("type", "MISC");
        view.apply(SinkRecord.of(Kind.ARTICLE, "a9", demonym));
        assertThat(view.snapshot().path("top_entities").get(0).path("type").asText()).as("the type most articles gave")
                .isEqualTo("LOCATION");
        assertThat(view.snapshot().path("top_entities").get(0).path("kb_id").asText())
                .isEqualTo("https://en.wikipedia.org/wiki/Gaza_City");
    }

    @Test
    void shouldCountAStorysVolumePerMinuteOrPerHourByItsSpan() {
        Instant t = Instant.parse("2026-11-22T10:00:10Z");
        JsonNode minutes = LiveView.volume(java.util.List.of(t, t.plusSeconds(20), t.plusSeconds(130)));
        assertThat(minutes.path("bucket_seconds").asLong()).isEqualTo(60);
        assertThat(minutes.path("articles")).extracting(JsonNode::asLong).containsExactly(2L, 1L);
        JsonNode hours = LiveView.volume(java.util.List.of(t, t.plus(Duration.ofHours(5))));
        assertThat(hours.path("bucket_seconds").asLong()).isEqualTo(3600);
        assertThat(hours.path("t")).extracting(JsonNode::asLong)
                .containsExactly(t.getEpochSecond() / 3600 * 3600, t.getEpochSecond() / 3600 * 3600 + 5 * 3600);
    }
}
