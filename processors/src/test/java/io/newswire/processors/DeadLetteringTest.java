package io.newswire.processors;

import static io.newswire.processors.TestArticles.T0;
import static io.newswire.processors.TestArticles.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import io.newswire.common.Article;
import io.newswire.common.DeadLetter;
import io.newswire.common.Topics;
import io.newswire.processors.nlp.Enrichment;
import io.newswire.processors.nlp.LanguageDetector;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No record stops the pipeline: a record a stage throws on, or one grown past the limit, is dead-lettered. */
class DeadLetteringTest {

    private static final Topics TOPICS = Topics.withPrefix("");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver(LanguageDetector languages, int maxBytes) {
        return driver(languages, a -> List.of(), maxBytes);
    }

    private TopologyTestDriver driver(LanguageDetector languages, io.newswire.processors.nlp.EntityExtractor entities,
                                      int maxBytes) {
        TopologySettings defaults = TopologySettings.defaults();
        TopologySettings settings = new TopologySettings(maxBytes, defaults.retention(), defaults.nearThreshold(),
                defaults.storyThreshold(), 1);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringHandlers.Processing.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringHandlers.Production.class);
        props.put(DeadLetteringHandlers.DLQ_TOPIC, TOPICS.dlq().name());
        return new TopologyTestDriver(NewsTopology.build(TOPICS, new Enrichment(languages, entities), settings,
                Clock.fixed(T0, ZoneOffset.UTC)), props);
    }

    @Test
    void shouldDeadLetterARecordAStageThrowsOnAndGoOn() {
        LanguageDetector failsOnBoom = text -> {
            if (text.startsWith("Boom")) {
                throw new IllegalStateException("detector failed");
            }
            return new LanguageDetector.Detected("en", 1.0);
        };
        try (TopologyTestDriver driver = driver(failsOnBoom, 900_000)) {
            TestInputTopic<String, byte[]> raw = driver.createInputTopic(TOPICS.raw().name(),
                    Serdes.String().serializer(), Serdes.ByteArray().serializer());
            for (Article a : List.of(article("b1", "Boom goes the detector", "Body."),
                    article("a1", "Talks resume", "Officials met in Cairo."))) {
                raw.pipeInput(a.id(), TOPICS.raw().valueSerde().serializer().serialize("t", a));
            }
            TestOutputTopic<String, DeadLetter> dlq = driver.createOutputTopic(TOPICS.dlq().name(),
                    Serdes.String().deserializer(), TOPICS.dlq().valueSerde().deserializer());
            List<DeadLetter> letters = dlq.readValuesToList();
            assertThat(letters).singleElement().satisfies(d -> {
                assertThat(d.stage()).isEqualTo("process:enrich");
                assertThat(d.reason()).contains("detector failed");
                assertThat(d.key()).isEqualTo("b1");
                assertThat(d.payload()).contains("Boom goes the detector");
            });
            assertThat(driver.createOutputTopic(TOPICS.enriched().name(), Serdes.String().deserializer(),
                    TOPICS.enriched().valueSerde().deserializer()).readKeyValuesToList().stream().map(kv -> kv.key)).containsExactly("a1");
        }
    }

    @Test
    void shouldDeadLetterAnArticleThatGrewPastTheLimitInEnrichment() {
        // Entities with their mentions are what grows an article in enrichment.
        io.newswire.processors.nlp.EntityExtractor many = a -> a.id().equals("g1")
                ? java.util.stream.IntStream.range(0, 40).mapToObj(i -> new io.newswire.common.Entity("person:p" + i,
                        io.newswire.common.Entity.EntityType.PERSON, "Person Number " + i, List.of("Person Number " + i),
                        1, 0.5, List.of())).toList()
                : List.of();
        try (TopologyTestDriver driver = driver(LanguageDetector.fixed("en"), many, 2_000)) {
            TestInputTopic<String, byte[]> raw = driver.createInputTopic(TOPICS.raw().name(),
                    Serdes.String().serializer(), Serdes.ByteArray().serializer());
            Article small = article("s1", "Talks resume", "Officials met.");
            byte[] smallBytes = TOPICS.raw().valueSerde().serializer().serialize("t", small);
            assertThat(smallBytes.length).isLessThan(1_000);
            Article big = article("g1", "Talks resume", "Officials met in Cairo on Monday.");
            raw.pipeInput(big.id(), TOPICS.raw().valueSerde().serializer().serialize("t", big));
            raw.pipeInput(small.id(), smallBytes);
            List<DeadLetter> letters = driver.createOutputTopic(TOPICS.dlq().name(), Serdes.String().deserializer(),
                    TOPICS.dlq().valueSerde().deserializer()).readValuesToList();
            assertThat(letters).singleElement().satisfies(d -> {
                assertThat(d.stage()).isEqualTo("size-guard");
                assertThat(d.reason()).contains("exceeds max.article.bytes (2000)");
            });
            assertThat(driver.createOutputTopic(TOPICS.enriched().name(), Serdes.String().deserializer(),
                    TOPICS.enriched().valueSerde().deserializer()).readKeyValuesToList().stream().map(kv -> kv.key)).containsExactly("s1");
        }
    }
}
