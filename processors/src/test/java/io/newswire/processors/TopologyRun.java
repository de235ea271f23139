package io.newswire.processors;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import io.newswire.common.Article;
import io.newswire.common.Decision;
import io.newswire.common.Story;
import io.newswire.common.Topics;
import io.newswire.processors.nlp.Enrichment;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The whole topology in a TopologyTestDriver, its state in a folder of the test's, with its main topics. */
final class TopologyRun implements AutoCloseable {

    static final Topics TOPICS = Topics.withPrefix("");

    final TopologyTestDriver driver;
    final TestOutputTopic<String, Article> enriched;
    final TestOutputTopic<String, Decision> decisions;
    final TestOutputTopic<String, Story> stories;
    private final TestInputTopic<String, byte[]> raw;

    TopologyRun(Path stateDir, Enrichment enrichment, TopologySettings settings, Instant now) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-run");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("s" + System.nanoTime()).toString());
        driver = new TopologyTestDriver(NewsTopology.build(TOPICS, enrichment, settings,
                Clock.fixed(now, ZoneOffset.UTC)), props);
        raw = driver.createInputTopic(TOPICS.raw().name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        enriched = driver.createOutputTopic(TOPICS.enriched().name(), Serdes.String().deserializer(),
                TOPICS.enriched().valueSerde().deserializer());
        decisions = driver.createOutputTopic(TOPICS.decisions().name(), Serdes.String().deserializer(),
                TOPICS.decisions().valueSerde().deserializer());
        stories = driver.createOutputTopic(TOPICS.stories().name(), Serdes.String().deserializer(),
                TOPICS.stories().valueSerde().deserializer());
    }

    /** Puts an article on news.raw as ingest would. */
    void publish(Article article) {
        raw.pipeInput(article.id(), TOPICS.raw().valueSerde().serializer().serialize(TOPICS.raw().name(), article));
    }

    @Override
    public void close() {
        driver.close();
    }
}
