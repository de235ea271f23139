package io.newswire.processors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import io.newswire.common.Article;
import io.newswire.common.DeadLetter;
import io.newswire.common.Decision;
import io.newswire.common.Story;
import io.newswire.processors.nlp.EnrichStage;
import io.newswire.processors.nlp.SizeGuard;
import io.newswire.processors.prepare.ValidateStage;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.StreamsMetrics;

/**
 * What the steps write to each output topic, counted by kind: articles, revisions and kills on
 * {@code news.enriched}, each decision kind on {@code news.decisions}, dead letters by the stage that refused
 * them, story states, registry spellings, story links. The counts are Kafka Streams metrics of the stream
 * thread that wrote the record (group {@value #GROUP}, metric {@code <kind>-total}, tag {@value #TOPIC_TAG}
 * = the topic's unprefixed name), so they live and die with the Streams client and a TopologyTestDriver shows
 * them; {@link ProcessorsApp#bindMetrics} sums them over threads as {@code newswire_processed_records_total}.
 */
final class StageCounts {

    static final String SCOPE = "newswire";
    static final String GROUP = "stream-" + SCOPE + "-metrics";
    static final String TOPIC_TAG = SCOPE + "-id";

    /** Every kind each topic can count, so that every counter is there, at 0, from the start. */
    static final Map<String, List<String>> KINDS = kinds();

    private final StreamsMetrics metrics;
    private final String topic;
    private final Map<String, Sensor> sensors = new LinkedHashMap<>();

    /** @param topic the unprefixed output topic this step writes to */
    StageCounts(StreamsMetrics metrics, String topic) {
        this.metrics = metrics;
        this.topic = topic;
    }

    void count(Object value) {
        // Sensors are per stream thread; asking again on the same thread returns the same one.
        sensors.computeIfAbsent(kindOf(topic, value), kind -> metrics.addRateTotalSensor(SCOPE, topic, kind,
                Sensor.RecordingLevel.INFO)).record();
    }

    /** The kind a record counts as on its topic; a null value is a tombstone. */
    static String kindOf(String topic, Object value) {
        if (value instanceof Article a) {
            return a.revision() > 0 ? "revision" : "article";
        }
        if (value instanceof Decision d) {
            return d.revision() > 0 ? "revision" : d.decision().name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof DeadLetter d) {
            return d.stage();
        }
        if (value instanceof Story s) {
            return s.mergedInto() != null ? "merged" : "story";
        }
        if (value == null) {
            return topic.equals("news.enriched") ? "kill" : "tombstone";
        }
        return "record";
    }

    /** The count of one topic and kind in a Streams client's metrics, summed over its threads. */
    static double total(Map<MetricName, ? extends Metric> all, String topic, String kind) {
        double sum = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : all.entrySet()) {
            MetricName name = e.getKey();
            if (name.group().equals(GROUP) && name.name().equals(kind + "-total")
                    && topic.equals(name.tags().get(TOPIC_TAG))) {
                sum += ((Number) e.getValue().metricValue()).doubleValue();
            }
        }
        return sum;
    }

    private static Map<String, List<String>> kinds() {
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        kinds.put("news.enriched", List.of("article", "revision", "kill"));
        List<String> decisions = new java.util.ArrayList<>();
        for (Decision.Kind kind : Decision.Kind.values()) {
            decisions.add(kind.name().toLowerCase(Locale.ROOT));
        }
        decisions.add("revision");
        kinds.put("news.decisions", List.copyOf(decisions));
        kinds.put("news.dlq", List.of(ValidateStage.NAME, EnrichStage.NAME, SizeGuard.NAME));
        kinds.put("news.stories", List.of("story", "merged", "tombstone"));
        kinds.put("news.entities", List.of("record"));
        kinds.put("news.story-links", List.of("record"));
        return Map.copyOf(kinds);
    }
}
