package io.newswire.sinks;

import java.util.concurrent.atomic.AtomicLong;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newswire.common.Decision;

/**
 * The pipeline's own counters as the sinks see them (names as Prometheus shows them):
 * {@code newswire_output_records_total{kind}} read from each output topic,
 * {@code newswire_sink_writes_total{sink,result}} (written, skipped as already there, dead_lettered),
 * {@code newswire_sink_retries_total{sink}}, {@code newswire_dead_letters_total{stage}} by the stage that
 * rejected the input, {@code newswire_decisions_total{decision}}, and {@code newswire_duplicate_ratio}
 * (flagged copies over enriched articles). Thread-safe.
 */
public final class SinkMetrics {

    private final MeterRegistry registry;
    private final AtomicLong articles = new AtomicLong();
    private final AtomicLong kills = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private final AtomicLong stories = new AtomicLong();
    private final AtomicLong revisions = new AtomicLong();
    private final java.util.Map<java.util.List<String>, Counter> counters = new java.util.concurrent.ConcurrentHashMap<>();
    private final io.micrometer.core.instrument.Timer latency;

    public SinkMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = io.micrometer.core.instrument.Timer.builder("newswire.pipeline.latency")
                .description("time from an article's arrival at ingest to the sinks reading it enriched")
                .publishPercentileHistogram().minimumExpectedValue(java.time.Duration.ofMillis(10))
                .maximumExpectedValue(java.time.Duration.ofMinutes(10)).register(registry);
        Gauge.builder("newswire.duplicate.ratio", this, m -> m.articles.get() == 0 ? 0
                        : (double) m.duplicates.get() / m.articles.get())
                .description("flagged copies (exact or near) over enriched articles").register(registry);
        // Zero series for the stages that reject input, so a dashboard shows 0 rather than no data.
        for (String stage : java.util.List.of("ingest", "validate", "enrich")) {
            counter("newswire.dead.letters", "dead letters by the stage that rejected the input", "stage", stage);
        }
        for (String method : java.util.List.of(Decision.METHOD_STORY_MERGE, Decision.METHOD_STORY_SPLIT,
                Decision.METHOD_STORY_RENAME, Decision.METHOD_ENTITY_RESPELL)) {
            counter("newswire.revisions", "articles published again with a better answer (another story, an "
                    + "entity respelled), by why", "method", method);
        }
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Zero series for every sink that runs, so a retry counter is there before the first retry. */
    void sinks(java.util.List<String> names) {
        for (String sink : names) {
            counter("newswire.sink.retries", "batches handed to a sink again after a transient failure", "sink", sink);
        }
    }

    void consumed(SinkRecord record) {
        counter("newswire.output.records", "records read from an output topic", "kind",
                record.kind().name().toLowerCase(java.util.Locale.ROOT)).increment();
        if (record.isTombstone()) {
            if (record.kind() == SinkRecord.Kind.ARTICLE) {
                kills.incrementAndGet();
            }
            return;
        }
        if (record.json().path("revision").asInt(0) > 0) {
            // A revision moves an article already counted to another story; its decision says why.
            if (record.kind() == SinkRecord.Kind.DECISION) {
                revisions.incrementAndGet();
                counter("newswire.revisions", "articles published again in another story, by why", "method",
                        record.json().path("method").asText("unknown")).increment();
            }
            return;
        }
        switch (record.kind()) {
            case ARTICLE -> {
                articles.incrementAndGet();
                java.time.Instant received = parseInstant(record.json().path("received").asText(null));
                if (received != null) {
                    latency.record(java.time.Duration.between(received, java.time.Instant.now()));
                }
                if (record.json().hasNonNull("duplicate_of")) {
                    duplicates.incrementAndGet();
                }
            }
            case DEAD_LETTER -> {
                deadLetters.incrementAndGet();
                counter("newswire.dead.letters", "dead letters by the stage that rejected the input",
                        "stage", record.json().path("stage").asText("unknown")).increment();
            }
            case DECISION -> {
                String decision = record.json().path("decision").asText("unknown");
                counter("newswire.decisions", "dedup decisions by kind", "decision", decision).increment();
                if (decision.equals("STALE")) {
                    stale.incrementAndGet();
                }
            }
            case STORY -> stories.incrementAndGet();
        }
    }

    /** Revised decisions read so far (an article moved to another story). */
    long revisions() {
        return revisions.get();
    }

    /** Enriched articles read so far (tombstones and revisions not counted). */
    long articles() {
        return articles.get();
    }

    /** Kills read so far: tombstones on the enriched topic, one for each killed article. */
    long kills() {
        return kills.get();
    }

    /** Stale versions decided so far: they end on the decisions topic only. */
    long stale() {
        return stale.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    long deadLetters() {
        return deadLetters.get();
    }

    long stories() {
        return stories.get();
    }

    void write(String sink, String result) {
        counters.computeIfAbsent(java.util.List.of("newswire.sink.writes", sink, result), k ->
                Counter.builder("newswire.sink.writes").description("sink writes by result")
                        .tags("sink", sink, "result", result).register(registry)).increment();
    }

    void retry(String sink) {
        counter("newswire.sink.retries", "batches handed to a sink again after a transient failure",
                "sink", sink).increment();
    }

    private static java.time.Instant parseInstant(String text) {
        try {
            return text == null ? null : java.time.Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private Counter counter(String name, String description, String tag, String value) {
        return counters.computeIfAbsent(java.util.List.of(name, value), k ->
                Counter.builder(name).description(description).tag(tag, value).register(registry));
    }
}
