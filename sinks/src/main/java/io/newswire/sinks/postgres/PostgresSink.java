package io.newswire.sinks.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.sinks.PermanentWriteException;
import io.newswire.sinks.RecordSink;
import io.newswire.sinks.SinkRecord;
import org.flywaydb.core.Flyway;

/**
 * Articles, their entities (and the entities themselves, by key, with their Wikipedia link), stories,
 * decisions and dead letters in PostgreSQL, with a full-text index over the articles. The schema is migrated
 * with Flyway at start ({@code db/newswire/V*.sql}). A batch is one transaction, committed by
 * {@link #flush()}; each record runs under a savepoint so that data the database refuses (SQL states
 * 22xxx and 23xxx: bad values, violated constraints) is rolled back alone and dead-lettered, while
 * anything else (a lost connection) rolls the batch back for a retry.
 *
 * <p>Idempotent: an article is upserted only when its version is newer than the stored one (the same
 * version again is a redelivery and writes nothing), its entity rows are replaced with it; a decision
 * is inserted once per article id + version; a story row holds the latest state; a kill (tombstone)
 * deletes the article and its entities, an emptied story its row. Not thread-safe.
 */
public final class PostgresSink implements RecordSink {

    private static final String UPSERT_ARTICLE = """
            INSERT INTO articles (id, version, source, format, url, headline, body, byline, language, published,
                                  received, content_hash, duplicate_of, story_id, document, revision)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
            ON CONFLICT (id) DO UPDATE SET version = excluded.version, source = excluded.source,
                format = excluded.format, url = excluded.url, headline = excluded.headline, body = excluded.body,
                byline = excluded.byline, language = excluded.language, published = excluded.published,
                received = excluded.received, content_hash = excluded.content_hash,
                duplicate_of = excluded.duplicate_of, story_id = excluded.story_id, document = excluded.document,
                revision = excluded.revision, written_at = now()
            WHERE articles.version < excluded.version OR (articles.version = excluded.version
                AND (articles.revision < excluded.revision OR articles.story_id IS DISTINCT FROM excluded.story_id))""";
    /** A story its last article left (it moved to another story) has no row any more. */
    private static final String DELETE_LEFT_STORY = """
            DELETE FROM stories s WHERE s.id = ? AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id)""";
    /** The entity's current name and type; a link once known is kept when a later article carries none. */
    private static final String UPSERT_ENTITY = """
            INSERT INTO entities (key, type, name, kb_id) VALUES (?, ?, ?, ?)
            ON CONFLICT (key) DO UPDATE SET type = excluded.type, name = excluded.name,
                kb_id = coalesce(excluded.kb_id, entities.kb_id), updated_at = now()
            WHERE (entities.type, entities.name) IS DISTINCT FROM (excluded.type, excluded.name)
                OR (excluded.kb_id IS NOT NULL AND excluded.kb_id IS DISTINCT FROM entities.kb_id)""";
    private static final String INSERT_ENTITY = """
            INSERT INTO article_entities (article_id, entity_key, type, name, mention_count, salience)
            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (article_id, entity_key) DO NOTHING""";
    private static final String UPSERT_STORY = """
            INSERT INTO stories (id, headline, first_seen, last_seen, article_count, source_count, duplicates,
                                 top_entities, member_ids, sources)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb)
            ON CONFLICT (id) DO UPDATE SET headline = excluded.headline, first_seen = excluded.first_seen,
                last_seen = excluded.last_seen, article_count = excluded.article_count,
                source_count = excluded.source_count, duplicates = excluded.duplicates,
                top_entities = excluded.top_entities, member_ids = excluded.member_ids, sources = excluded.sources""";
    private static final String INSERT_DECISION = """
            INSERT INTO decisions (article_id, version, decision, matched_id, story_id, method, score, threshold, outcome,
                                   revision)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (article_id, version, revision, outcome) DO NOTHING""";
    private static final String INSERT_DEAD_LETTER = """
            INSERT INTO dead_letters (id, stage, reason, origin, key, payload, at)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""";

    private final String url;
    private final String user;
    private final String password;
    private Connection connection;

    /** Migrates the schema, then connects. */
    public PostgresSink(String url, String user, String password) throws SQLException {
        this.url = url;
        this.user = user;
        this.password = password;
        migrate(url, user, password);
        this.connection = connect();
    }

    /** Brings the database's schema to this version's (Flyway; safe to run on every start). */
    public static void migrate(String url, String user, String password) {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/newswire").load().migrate();
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public boolean write(SinkRecord record) throws SQLException, PermanentWriteException {
        Connection c = connection();
        Savepoint savepoint = c.setSavepoint();
        try {
            boolean written = switch (record.kind()) {
                case ARTICLE -> record.isTombstone() ? delete("DELETE FROM articles WHERE id = ?", record.key())
                        : upsertArticle(record.json());
                case STORY -> record.isTombstone() || record.json().hasNonNull("merged_into")
                        ? delete("DELETE FROM stories WHERE id = ?", record.key()) : upsertStory(record.json());
                case DECISION -> !record.isTombstone() && insertDecision(record.json());
                case DEAD_LETTER -> !record.isTombstone() && insertDeadLetter(record.json());
            };
            c.releaseSavepoint(savepoint);
            return written;
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.startsWith("22") || state.startsWith("23")) {
                c.rollback(savepoint);
                throw new PermanentWriteException("PostgreSQL refused the record (SQL state " + state + "): "
                        + e.getMessage(), e);
            }
            throw e;
        }
    }

    @Override
    public void flush() throws SQLException {
        connection().commit();
    }

    @Override
    public void discard() throws SQLException {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            // A broken connection rolls back by itself; the next write reconnects.
            connection.close();
            connection = null;
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            try {
                connection.rollback();
            } finally {
                connection.close();
                connection = null;
            }
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = connect();
        }
        return connection;
    }

    private Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        c.setAutoCommit(false);
        return c;
    }

    private boolean upsertArticle(JsonNode a) throws SQLException {
        String id = a.path("id").asText();
        String storyBefore = null;
        try (PreparedStatement st = connection.prepareStatement("SELECT story_id FROM articles WHERE id = ?")) {
            st.setString(1, id);
            try (java.sql.ResultSet rs = st.executeQuery()) {
                storyBefore = rs.next() ? rs.getString(1) : null;
            }
        }
        int updated;
        try (PreparedStatement st = connection.prepareStatement(UPSERT_ARTICLE)) {
            st.setString(1, id);
            st.setInt(2, a.path("version").asInt());
            st.setString(3, text(a, "source"));
            st.setString(4, text(a, "format"));
            st.setString(5, text(a, "url"));
            st.setString(6, a.path("headline").asText());
            st.setString(7, joinBody(a.path("body")));
            st.setString(8, text(a, "byline"));
            st.setString(9, text(a, "language"));
            st.setTimestamp(10, time(a, "published"));
            st.setTimestamp(11, time(a, "received"));
            st.setString(12, text(a, "content_hash"));
            st.setString(13, text(a, "duplicate_of"));
            st.setString(14, text(a, "story_id"));
            st.setString(15, a.toString());
            st.setInt(16, a.path("revision").asInt(0));
            updated = st.executeUpdate();
        }
        if (updated == 0) {
            return false; // this version and revision, or a newer one, is stored already
        }
        if (storyBefore != null && !storyBefore.equals(text(a, "story_id"))) {
            delete(DELETE_LEFT_STORY, storyBefore);
        }
        try (PreparedStatement del = connection.prepareStatement("DELETE FROM article_entities WHERE article_id = ?")) {
            del.setString(1, id);
            del.executeUpdate();
        }
        // In key order, so that two sink instances writing articles that name the same entities take their row
        // locks in one order; a deadlock across batches is retried like any transient failure (SQL state 40P01).
        java.util.TreeMap<String, JsonNode> byKey = new java.util.TreeMap<>();
        a.path("entities").forEach(e -> byKey.putIfAbsent(e.path("key").asText(), e));
        try (PreparedStatement st = connection.prepareStatement(UPSERT_ENTITY)) {
            for (JsonNode e : byKey.values()) {
                st.setString(1, e.path("key").asText());
                st.setString(2, e.path("type").asText());
                st.setString(3, e.path("name").asText());
                st.setString(4, text(e, "kb_id"));
                st.addBatch();
            }
            st.executeBatch();
        }
        try (PreparedStatement st = connection.prepareStatement(INSERT_ENTITY)) {
            for (JsonNode e : byKey.values()) {
                st.setString(1, id);
                st.setString(2, e.path("key").asText());
                st.setString(3, e.path("type").asText());
                st.setString(4, e.path("name").asText());
                st.setInt(5, e.path("mention_count").asInt());
                st.setDouble(6, e.path("salience").asDouble());
                st.addBatch();
            }
            st.executeBatch();
        }
        return true;
    }

    private boolean upsertStory(JsonNode s) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(UPSERT_STORY)) {
            st.setString(1, s.path("id").asText());
            st.setString(2, text(s, "headline"));
            st.setTimestamp(3, time(s, "first_seen"));
            st.setTimestamp(4, time(s, "last_seen"));
            st.setInt(5, s.path("article_count").asInt());
            st.setInt(6, s.path("source_count").asInt());
            st.setInt(7, s.path("duplicates").asInt());
            st.setString(8, s.path("top_entities").toString());
            st.setString(9, s.path("member_ids").toString());
            st.setString(10, s.path("sources").toString());
            return st.executeUpdate() > 0;
        }
    }

    private boolean insertDecision(JsonNode d) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(INSERT_DECISION)) {
            st.setString(1, d.path("article_id").asText());
            st.setInt(2, d.path("version").asInt());
            st.setString(3, d.path("decision").asText());
            st.setString(4, text(d, "matched_id"));
            st.setString(5, text(d, "story_id"));
            st.setString(6, text(d, "method"));
            st.setDouble(7, d.path("score").asDouble());
            st.setDouble(8, d.path("threshold").asDouble());
            st.setString(9, SinkRecord.outcomeOf(d.path("decision").asText()));
            st.setInt(10, d.path("revision").asInt(0));
            return st.executeUpdate() > 0;
        }
    }

    private boolean insertDeadLetter(JsonNode d) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(INSERT_DEAD_LETTER)) {
            st.setString(1, d.path("id").asText());
            st.setString(2, d.path("stage").asText());
            st.setString(3, d.path("reason").asText());
            st.setString(4, text(d, "origin"));
            st.setString(5, text(d, "key"));
            st.setString(6, text(d, "payload"));
            st.setTimestamp(7, time(d, "at"));
            return st.executeUpdate() > 0;
        }
    }

    private boolean delete(String sql, String key) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setString(1, key);
            return st.executeUpdate() > 0;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Timestamp time(JsonNode node, String field) throws SQLException {
        String value = text(node, field);
        try {
            return value == null ? null : Timestamp.from(Instant.parse(value));
        } catch (java.time.format.DateTimeParseException e) {
            throw new SQLException(field + " is not an ISO-8601 instant: " + value, "22007", e);
        }
    }

    private static String joinBody(JsonNode body) {
        StringBuilder text = new StringBuilder();
        for (JsonNode paragraph : body) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(paragraph.asText());
        }
        return text.toString();
    }
}
