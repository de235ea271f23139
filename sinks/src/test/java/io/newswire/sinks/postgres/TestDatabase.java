package io.newswire.sinks.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A real PostgreSQL server for tests: the one named by {@code NEWSWIRE_TEST_JDBC_URL} (+ {@code _USER},
 * {@code _PASSWORD}; {@code .ci/run} starts Debian's postgresql and sets them), else Testcontainers'
 * PostgreSQL where a Docker engine runs, else the test is skipped with the reason. Each test gets a
 * schema of its own, so tests never see each other's rows.
 */
final class TestDatabase {

    private static PostgreSQLContainer<?> container;

    final String url;
    final String user;
    final String password;

    private TestDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    static TestDatabase withFreshSchema() throws SQLException {
        String url = System.getenv("NEWSWIRE_TEST_JDBC_URL");
        String user = System.getenv().getOrDefault("NEWSWIRE_TEST_JDBC_USER", "");
        String password = System.getenv().getOrDefault("NEWSWIRE_TEST_JDBC_PASSWORD", "");
        if (url == null || url.isBlank()) {
            Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                    "no PostgreSQL: set NEWSWIRE_TEST_JDBC_URL (as .ci/run does) or run a Docker engine");
            synchronized (TestDatabase.class) {
                if (container == null) {
                    container = new PostgreSQLContainer<>("postgres:16-alpine");
                    container.start();
                }
            }
            url = container.getJdbcUrl();
            user = container.getUsername();
            password = container.getPassword();
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        return new TestDatabase(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password);
    }

    long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String text(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
