package io.newswire.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newswire.common.Json;
import org.junit.jupiter.api.Test;

class SinkMetricsTest {

    @Test
    void shouldDescribeEveryFamilyAndShowCountersBeforeTheFirstEvent() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SinkMetrics metrics = new SinkMetrics(registry);
        metrics.sinks(List.of("file", "postgres"));
        String scrape = registry.scrape();
        assertThat(scrape).contains("newswire_sink_retries_total{sink=\"file\"} 0.0",
                "newswire_sink_retries_total{sink=\"postgres\"} 0.0");
        assertThat(scrape.lines().filter(l -> l.startsWith("# HELP")))
                .isNotEmpty().allSatisfy(l -> assertThat(l.split(" ", 4)).hasSize(4));
    }

    @Test
    void shouldTimeEachArticleFromArrivalToTheSinks() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SinkMetrics metrics = new SinkMetrics(registry);
        metrics.consumed(SinkRecord.of(SinkRecord.Kind.ARTICLE, "a1", Json.MAPPER.readTree(
                "{\"id\":\"a1\",\"version\":1,\"received\":\"" + Instant.now().minusSeconds(2) + "\"}")));
        assertThat(registry.scrape()).contains("newswire_pipeline_latency_seconds_count 1",
                "newswire_pipeline_latency_seconds_bucket");
    }
}
