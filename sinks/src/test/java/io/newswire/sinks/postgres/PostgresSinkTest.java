package io.newswire.sinks.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.Json;
import io.newswire.sinks.PermanentWriteException;
import io.newswire.sinks.SinkRecord;
import io.newswire.sinks.SinkRecord.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PostgreSQL sink against a real server (see {@link TestDatabase}). */
class PostgresSinkTest {

    TestDatabase db;

    @BeforeEach
    void database() throws Exception {
        db = TestDatabase.withFreshSchema();
    }

    PostgresSink open() throws Exception {
        return new PostgresSink(db.url, db.user, db.password);
    }

    static SinkRecord article(String id, int version, String headline, String storyId) throws Exception {
        JsonNode json = Json.MAPPER.readTree("""
                {"id":"%s","version":%d,"source":"wire","format":"text","headline":"%s",
                 "body":["Officials met in Cairo.","Talks go on."],"language":"en",
                 "published":"2026-11-22T08:00:00Z","received":"2026-11-22T09:00:00Z","content_hash":"abc",
                 "duplicate_of":null,"story_id":"%s",
                 "entities":[{"key":"location:iso:EG","type":"LOCATION","name":"Egypt","mention_count":2,"salience":0.5},
                             {"key":"person:b:5:biden","type":"PERSON","name":"Joe Biden","mention_count":1,"salience":0.3}]}
                """.formatted(id, version, headline, storyId));
        return SinkRecord.of(Kind.ARTICLE, id, json);
    }

    static SinkRecord story(String id, int members) throws Exception {
        return SinkRecord.of(Kind.STORY, id, Json.MAPPER.readTree("""
                {"id":"%s","headline":"Talks","first_seen":"2026-11-22T09:00:00Z","last_seen":"2026-11-22T09:05:00Z",
                 "article_count":%d,"source_count":1,"top_entities":["Egypt"],"member_ids":["a1"],"sources":["wire"],
                 "duplicates":0}""".formatted(id, members)));
    }

    static SinkRecord decision(String id, int version, String kind) throws Exception {
        return SinkRecord.of(Kind.DECISION, id, Json.MAPPER.readTree("""
                {"article_id":"%s","version":%d,"decision":"%s","matched_id":null,"story_id":"%s","method":"none",
                 "score":0.0,"threshold":0.25}""".formatted(id, version, kind, id)));
    }

    void writeBatch(PostgresSink sink) throws Exception {
        sink.write(article("a1", 1, "Talks resume", "a1"));
        sink.write(article("a2", 1, "Talks resume in Cairo", "a1"));
        sink.write(story("a1", 2));
        sink.write(decision("a1", 1, "NEW"));
        sink.write(decision("a2", 1, "SAME_STORY"));
        sink.write(SinkRecord.of(Kind.DEAD_LETTER, "k", Json.MAPPER.readTree(
                "{\"id\":\"d1\",\"stage\":\"validate\",\"reason\":\"no headline\",\"at\":\"2026-11-22T09:00:00Z\"}")));
        sink.flush();
    }

    @Test
    void shouldWriteArticlesEntitiesStoriesDecisionsAndDeadLetters() throws Exception {
        try (PostgresSink sink = open()) {
            writeBatch(sink);
        }
        assertThat(db.count("SELECT count(*) FROM articles")).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM article_entities")).isEqualTo(4);
        assertThat(db.count("SELECT count(*) FROM stories")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM decisions")).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM dead_letters")).isEqualTo(1);
        assertThat(db.text("SELECT body FROM articles WHERE id = 'a1'")).isEqualTo("Officials met in Cairo.\n\nTalks go on.");
        assertThat(db.text("SELECT document->>'story_id' FROM articles WHERE id = 'a2'")).isEqualTo("a1");
    }

    @Test
    void shouldSurviveARestartAndARedeliveryWithoutDuplicateRows() throws Exception {
        try (PostgresSink sink = open()) {
            writeBatch(sink);
        }
        try (PostgresSink sink = open()) { // migrations again, then the same batch redelivered
            assertThat(sink.write(article("a1", 1, "Talks resume", "a1"))).isFalse();
            writeBatch(sink);
        }
        assertThat(db.count("SELECT count(*) FROM articles")).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM article_entities")).isEqualTo(4);
        assertThat(db.count("SELECT count(*) FROM decisions")).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM dead_letters")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM flyway_schema_history")).as("V1 to V4, once").isEqualTo(4);
    }

    @Test
    void shouldKeepEveryDecisionOfOneVersion() throws Exception {
        try (PostgresSink sink = open()) {
            sink.write(decision("a1", 1, "NEW"));
            sink.write(decision("a1", 1, "KILL"));
            sink.write(decision("a1", 1, "STALE"));
            sink.write(decision("a1", 1, "KILL")); // redelivered
            sink.write(decision("a1", 1, "SAME_STORY")); // another run's first decision of the same version
            sink.flush();
        }
        assertThat(db.count("SELECT count(*) FROM decisions WHERE article_id = 'a1'")).isEqualTo(3);
        assertThat(db.text("SELECT decision FROM decisions WHERE article_id = 'a1' AND outcome = 'decided'"))
                .isEqualTo("NEW");
    }

    @Test
    void shouldReplaceAnOlderVersionAndIgnoreAnOlderOneArrivingLate() throws Exception {
        try (PostgresSink sink = open()) {
            sink.write(article("a1", 2, "Talks resume, updated", "a1"));
            sink.flush();
            assertThat(sink.write(article("a1", 1, "Talks resume", "a1"))).isFalse();
            assertThat(sink.write(article("a1", 3, "Talks resume, final", "a1"))).isTrue();
            sink.flush();
        }
        assertThat(db.text("SELECT headline FROM articles WHERE id = 'a1'")).isEqualTo("Talks resume, final");
        assertThat(db.count("SELECT version FROM articles WHERE id = 'a1'")).isEqualTo(3);
    }

    static SinkRecord revised(String id, int revision, String storyId) throws Exception {
        SinkRecord a = article(id, 1, "Talks resume", storyId);
        ((com.fasterxml.jackson.databind.node.ObjectNode) a.json()).put("revision", revision);
        return SinkRecord.of(Kind.ARTICLE, id, a.json());
    }

    static SinkRecord mergedStory(String id, String into) throws Exception {
        SinkRecord s = story(id, 0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) s.json()).put("merged_into", into);
        return SinkRecord.of(Kind.STORY, id, s.json());
    }

    @Test
    void shouldApplyAMergeAndASplitAndIgnoreARedeliveredRevision() throws Exception {
        try (PostgresSink sink = open()) {
            sink.write(article("a1", 1, "Talks resume", "a1"));
            sink.write(article("b1", 1, "Talks resume", "b1"));
            sink.write(article("b2", 1, "Talks resume", "b1"));
            sink.write(story("a1", 1));
            sink.write(story("b1", 2));
            sink.flush();
            // b1's story merges into a1: both members are published again, and b1's last record says where it went.
            sink.write(revised("b1", 1, "a1"));
            sink.write(revised("b2", 1, "a1"));
            sink.write(story("a1", 3));
            sink.write(mergedStory("b1", "a1"));
            sink.flush();
            assertThat(db.count("SELECT count(*) FROM stories")).isEqualTo(1);
            assertThat(db.count("SELECT count(*) FROM articles WHERE story_id = 'a1'")).isEqualTo(3);
            // b2 is split off again into a story of its own.
            sink.write(revised("b2", 2, "b2"));
            sink.write(story("b2", 1));
            assertThat(sink.write(revised("b2", 2, "b2"))).as("the same revision, redelivered").isFalse();
            sink.flush();
        }
        assertThat(db.text("SELECT story_id FROM articles WHERE id = 'b2'")).isEqualTo("b2");
        assertThat(db.count("SELECT revision FROM articles WHERE id = 'b2'")).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM stories")).isEqualTo(2);
    }

    @Test
    void shouldRemoveTheRowOfAStoryItsLastArticleLeft() throws Exception {
        try (PostgresSink sink = open()) {
            sink.write(article("a1", 1, "Talks resume", "x"));
            sink.write(story("x", 1));
            sink.write(story("a1", 1));
            sink.flush();
            sink.write(revised("a1", 1, "a1"));
            sink.flush();
        }
        assertThat(db.count("SELECT count(*) FROM stories WHERE id = 'x'")).isZero();
        assertThat(db.count("SELECT count(*) FROM stories")).isEqualTo(1);
    }

    @Test
    void shouldDeleteAKilledArticleWithItsEntitiesAndAnEmptiedStory() throws Exception {
        try (PostgresSink sink = open()) {
            writeBatch(sink);
            sink.write(SinkRecord.of(Kind.ARTICLE, "a2", null));
            sink.write(SinkRecord.of(Kind.STORY, "a1", null));
            sink.flush();
        }
        assertThat(db.count("SELECT count(*) FROM articles")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM article_entities WHERE article_id = 'a2'")).isZero();
        assertThat(db.count("SELECT count(*) FROM stories")).isZero();
    }

    @Test
    void shouldRefuseDataTheDatabaseRejectsAndKeepTheRestOfTheBatch() throws Exception {
        try (PostgresSink sink = open()) {
            sink.write(article("a1", 1, "Talks resume", "a1"));
            // PostgreSQL text cannot hold NUL: SQL state 22021, a permanent refusal of this record alone.
            assertThatThrownBy(() -> sink.write(article("a2", 1, "Bad \\u0000 headline", "a2")))
                    .isInstanceOf(PermanentWriteException.class).hasMessageContaining("22021");
            sink.write(article("a3", 1, "Talks end", "a3"));
            sink.flush();
        }
        assertThat(db.count("SELECT count(*) FROM articles")).isEqualTo(2);
    }

    @Test
    void shouldForgetADiscardedBatch() throws Exception {
        try (PostgresSink sink = open()) {
            sink.write(article("a1", 1, "Talks resume", "a1"));
            sink.discard();
            sink.write(article("a3", 1, "Talks end", "a3"));
            sink.flush();
        }
        assertThat(db.count("SELECT count(*) FROM articles")).isEqualTo(1);
        assertThat(db.text("SELECT id FROM articles")).isEqualTo("a3");
    }

    @Test
    void shouldKeepEachEntityOnceWithItsCurrentNameAndItsLink() throws Exception {
        try (PostgresSink sink = open()) {
            writeBatch(sink);
            com.fasterxml.jackson.databind.node.ObjectNode linked = (com.fasterxml.jackson.databind.node.ObjectNode)
                    article("a3", 1, "Biden in Cairo", "a3").json();
            ((com.fasterxml.jackson.databind.node.ObjectNode) linked.path("entities").get(1))
                    .put("name", "Joe R. Biden").put("kb_id", "https://en.wikipedia.org/wiki/Joe_Biden");
            sink.write(SinkRecord.of(Kind.ARTICLE, "a3", linked));
            sink.write(article("a4", 1, "Biden again", "a3")); // no link this time: the known one stays
            sink.flush();
        }
        assertThat(db.count("SELECT count(*) FROM entities")).isEqualTo(2);
        assertThat(db.text("SELECT kb_id FROM entities WHERE key = 'person:b:5:biden'"))
                .isEqualTo("https://en.wikipedia.org/wiki/Joe_Biden");
        assertThat(db.text("SELECT name FROM entities WHERE key = 'person:b:5:biden'")).isEqualTo("Joe Biden");
        assertThat(db.text("SELECT type FROM entities WHERE key = 'location:iso:EG'")).isEqualTo("LOCATION");
        assertThat(db.count("SELECT count(*) FROM article_entities ae JOIN entities e ON e.key = ae.entity_key"))
                .isEqualTo(8);
        assertThat(db.text("SELECT name FROM article_entities WHERE article_id = 'a3' AND entity_key = 'person:b:5:biden'"))
                .isEqualTo("Joe R. Biden");
    }

    /** The query docs/operations.md gives for searching the articles in PostgreSQL. */
    static final String FULL_TEXT_QUERY = """
            SELECT id, headline, ts_rank(search, query) AS rank
            FROM articles, websearch_to_tsquery('english', ?) AS query
            WHERE search @@ query ORDER BY rank DESC, id LIMIT 20""";

    java.util.List<String> search(String words) throws Exception {
        java.util.List<String> ids = new java.util.ArrayList<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db.url, db.user, db.password);
             java.sql.PreparedStatement st = c.prepareStatement(FULL_TEXT_QUERY)) {
            st.setString(1, words);
            try (java.sql.ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    @Test
    void shouldFindArticlesByTheirWordsThroughTheFullTextIndex() throws Exception {
        try (PostgresSink sink = open()) {
            writeBatch(sink);
            com.fasterxml.jackson.databind.node.ObjectNode floods = (com.fasterxml.jackson.databind.node.ObjectNode)
                    article("a5", 1, "Floods in Valencia", "a5").json();
            floods.putArray("body").add("Rescuers reached villages cut off by the water.");
            sink.write(SinkRecord.of(Kind.ARTICLE, "a5", floods));
            sink.flush();
        }
        // Stemmed: "talk" finds "Talks"; the headline weighs more than the body, so a2 (Cairo in both) leads.
        assertThat(search("talk")).containsExactlyInAnyOrder("a1", "a2");
        assertThat(search("cairo")).containsExactly("a2", "a1");
        assertThat(search("talks -cairo")).isEmpty();
        assertThat(search("village")).containsExactly("a5");
        assertThat(search("valencia")).containsExactly("a5");
        assertThat(db.text("SELECT indexdef FROM pg_indexes WHERE indexname = 'articles_search'")).contains("gin");
        try (PostgresSink sink = open()) {
            sink.write(SinkRecord.of(Kind.ARTICLE, "a5", null));
            sink.flush();
        }
        assertThat(search("valencia")).as("a kill leaves the index with its row").isEmpty();
    }

    @Test
    void shouldFillTheEntitiesOfADatabaseWrittenBeforeTheyHadATable() throws Exception {
        org.flywaydb.core.Flyway.configure().dataSource(db.url, db.user, db.password)
                .locations("classpath:db/newswire").target("3").load().migrate();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db.url, db.user, db.password);
             java.sql.Statement st = c.createStatement()) {
            st.execute("""
                    INSERT INTO articles (id, version, headline, body, document) VALUES ('a1', 1, 'Talks', 'Cairo.',
                      '{"entities":[{"key":"person:wiki:Joe_Biden","kb_id":"https://en.wikipedia.org/wiki/Joe_Biden"}]}')""");
            st.execute("""
                    INSERT INTO article_entities VALUES ('a1', 'person:wiki:Joe_Biden', 'PERSON', 'Joe Biden', 1, 0.5),
                                                        ('a1', 'location:iso:EG', 'LOCATION', 'Egypt', 1, 0.5)""");
        }
        open().close(); // migrates to the current schema

        assertThat(db.count("SELECT count(*) FROM entities")).isEqualTo(2);
        assertThat(db.text("SELECT kb_id FROM entities WHERE key = 'person:wiki:Joe_Biden'"))
                .isEqualTo("https://en.wikipedia.org/wiki/Joe_Biden");
        assertThat(search("talks")).containsExactly("a1");
    }
}
