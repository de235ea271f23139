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

        assertThat(view.topEntities(Duration.ofHours(1), 10)).extracting(e -> e.getKey() + "=" + e.getValue())
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
}
