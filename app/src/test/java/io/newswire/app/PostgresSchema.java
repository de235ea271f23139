package io.newswire.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh schema on the PostgreSQL server named by {@code NEWSWIRE_TEST_JDBC_URL} (+ {@code _USER},
 * {@code _PASSWORD}), which {@code .ci/run} starts; the calling test is skipped with the reason without one.
 * {@code url} points at the schema ({@code currentSchema}), so tests never see each other's rows.
 */
record PostgresSchema(String url, String user, String password) {

    static PostgresSchema fresh(String prefix) throws Exception {
        String server = System.getenv("NEWSWIRE_TEST_JDBC_URL");
        Assumptions.assumeTrue(server != null && !server.isBlank(),
                "no PostgreSQL: set NEWSWIRE_TEST_JDBC_URL (.ci/run does)");
        String user = System.getenv().getOrDefault("NEWSWIRE_TEST_JDBC_USER", "");
        String password = System.getenv().getOrDefault("NEWSWIRE_TEST_JDBC_PASSWORD", "");
        String schema = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(server, user, password); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        return new PostgresSchema(server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema, user,
                password);
    }

    /** The single number a query answers, or 0 when the table does not exist yet. */
    long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            } catch (java.sql.SQLException e) {
                if ("42P01".equals(e.getSQLState())) { // undefined table: not migrated yet
                    return 0;
                }
                throw e;
            }
        }
    }
}
