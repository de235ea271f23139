package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import io.newswire.common.NewswireConfig;
import io.newswire.common.SinkSettings;
import io.newswire.processors.Enrichment;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --sinks file,postgres} twice over the seeds into one database (a restart of the whole
 * pipeline against a kept database): the second run adds no row. Needs the server {@code .ci/run} starts
 * ({@code NEWSWIRE_TEST_JDBC_URL}, {@code _USER}, {@code _PASSWORD}); skipped with the reason without one.
 */
class PostgresRunIT {

    @TempDir
    java.nio.file.Path dir;

    @Test
    void shouldWriteTheSeedsOnceAcrossTwoRuns() throws Exception {
        String url = System.getenv("NEWSWIRE_TEST_JDBC_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "no PostgreSQL: set NEWSWIRE_TEST_JDBC_URL (.ci/run does)");
        String user = System.getenv().getOrDefault("NEWSWIRE_TEST_JDBC_USER", "");
        String password = System.getenv().getOrDefault("NEWSWIRE_TEST_JDBC_PASSWORD", "");
        String schema = "run_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        exec(url, user, password, "CREATE SCHEMA " + schema);
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        NewswireConfig config = NewswireConfig.defaults().withOutDir(dir.resolve("out"));
        config = config.withSinks(config.sinks().withJdbc(schemaUrl, user, password)
                .withSinks(List.of(SinkSettings.Kind.FILE, SinkSettings.Kind.POSTGRES)));

        RunCommand.run(config, List.of(RunIT.SEEDS), RunIT.TIMEOUT, Enrichment.none());
        long entities = count(schemaUrl, user, password, "SELECT count(*) FROM article_entities");
        RunCommand.run(config, List.of(RunIT.SEEDS), RunIT.TIMEOUT, Enrichment.none());

        assertThat(count(schemaUrl, user, password, "SELECT count(*) FROM articles")).isEqualTo(5);
        assertThat(count(schemaUrl, user, password, "SELECT count(DISTINCT id) FROM articles")).isEqualTo(5);
        assertThat(count(schemaUrl, user, password, "SELECT count(*) FROM decisions")).isEqualTo(5);
        assertThat(count(schemaUrl, user, password, "SELECT count(*) FROM article_entities")).isEqualTo(entities);
        assertThat(count(schemaUrl, user, password, "SELECT count(*) FROM articles WHERE story_id IS NULL")).isZero();
    }

    private static void exec(String url, String user, String password, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long count(String url, String user, String password, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
