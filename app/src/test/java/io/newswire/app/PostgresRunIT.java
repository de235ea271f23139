package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import io.newswire.common.NewswireConfig;
import io.newswire.sinks.SinkSettings;
import io.newswire.processors.nlp.Enrichment;
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
        PostgresSchema db = PostgresSchema.fresh("run_");
        NewswireConfig config = NewswireConfig.defaults().with(SinkSettings.OUT_DIR, dir.resolve("out").toString());
        config = config.with(SinkSettings.JDBC_URL, db.url()).with(SinkSettings.JDBC_USER, db.user())
                .with(SinkSettings.JDBC_PASSWORD, db.password()).with(SinkSettings.SINKS, "file,postgres");

        RunCommand.run(config, List.of(RunIT.SEEDS), RunIT.TIMEOUT, Enrichment.none());
        long entities = db.count("SELECT count(*) FROM article_entities");
        RunCommand.run(config, List.of(RunIT.SEEDS), RunIT.TIMEOUT, Enrichment.none());

        assertThat(db.count("SELECT count(*) FROM articles")).isEqualTo(5);
        assertThat(db.count("SELECT count(DISTINCT id) FROM articles")).isEqualTo(5);
        assertThat(db.count("SELECT count(*) FROM decisions WHERE revision = 0")).isEqualTo(5);
        assertThat(db.count("SELECT count(*) FROM stories")).as("one row per story after two runs")
                .isEqualTo(db.count("SELECT count(DISTINCT story_id) FROM articles"));
        assertThat(db.count("SELECT count(*) FROM stories s WHERE NOT EXISTS "
                + "(SELECT 1 FROM articles a WHERE a.story_id = s.id)")).isZero();
        assertThat(db.count("SELECT count(*) FROM article_entities")).isEqualTo(entities);
        assertThat(db.count("SELECT count(*) FROM articles WHERE story_id IS NULL")).isZero();
    }
}
