package io.newswire.app.eval;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import io.newswire.common.Article;
import io.newswire.common.Decision;
import io.newswire.common.Topics;
import io.newswire.processors.nlp.Enrichment;
import io.newswire.processors.NewsTopology;
import io.newswire.processors.TopologySettings;
import io.newswire.processors.stories.StoryAggregator;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The stream's own topology run in-process (TopologyTestDriver) for the evaluation commands: articles in,
 * in the given order, and the decisions out. Closes its driver and state folder.
 */
final class TopologyRunner implements AutoCloseable {

    private final TopologyTestDriver driver;
    private final Path stateDir;
    private final Topics topics = Topics.withPrefix("");
    private final TestInputTopic<String, byte[]> raw;
    private final TestOutputTopic<String, Decision> decisions;
    private final TestOutputTopic<String, Article> enriched;

    TopologyRunner(Enrichment enrichment, TopologySettings settings) throws Exception {
        stateDir = io.newswire.app.Folders.temporary("eval");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "newswire-eval");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "in-process:0");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(NewsTopology.build(topics, enrichment, settings.inProcess(), Clock.systemUTC()),
                props);
        raw = driver.createInputTopic(topics.raw().name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        decisions = driver.createOutputTopic(topics.decisions().name(), Serdes.String().deserializer(),
                topics.decisions().valueSerde().deserializer());
        enriched = driver.createOutputTopic(topics.enriched().name(), Serdes.String().deserializer(),
                topics.enriched().valueSerde().deserializer());
    }

    /** Each article as the stream last published it on news.enriched (its latest revision), in input order. */
    static List<Article> enrich(Enrichment enrichment, TopologySettings settings, List<Article> articles)
            throws Exception {
        try (TopologyRunner runner = new TopologyRunner(enrichment, settings)) {
            runner.run(articles);
            java.util.Map<String, Article> latest = new java.util.HashMap<>();
            for (Article a : runner.enriched.readValuesToList()) {
                if (a != null) {
                    latest.merge(a.id(), a, (x, y) -> y.revision() >= x.revision() ? y : x);
                }
            }
            return articles.stream().map(a -> latest.get(a.id())).filter(java.util.Objects::nonNull).toList();
        }
    }

    /** In-process runs, each on a fresh driver and state: one partition, the list's order exactly. */
    static DecisionRunner inProcess(Enrichment enrichment, TopologySettings settings) {
        return articles -> {
            try (TopologyRunner runner = new TopologyRunner(enrichment, settings)) {
                return runner.run(articles);
            }
        };
    }

    /** @return the decisions, one per article, in processing order */
    List<Decision> run(List<Article> articles) {
        for (Article a : articles) {
            raw.pipeInput(a.id(), topics.raw().valueSerde().serializer().serialize(topics.raw().name(), a));
        }
        // The input has ended: the story step, idle, makes the renames it was waiting for.
        driver.advanceWallClockTime(StoryAggregator.RENAME_IDLE.multipliedBy(2));
        return new ArrayList<>(decisions.readValuesToList());
    }

    @Override
    public void close() {
        driver.close();
        io.newswire.app.Folders.remove(stateDir);
    }
}
