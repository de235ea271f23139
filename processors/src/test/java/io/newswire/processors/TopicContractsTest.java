package io.newswire.processors;

import static io.newswire.processors.TestArticles.T0;
import static io.newswire.processors.TestArticles.article;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import io.newswire.common.Article;
import io.newswire.common.ContractHeaders;
import io.newswire.common.Entity;
import io.newswire.common.ItemMeta;
import io.newswire.common.Json;
import io.newswire.common.Topic;
import io.newswire.common.TopicContracts;
import io.newswire.common.Topics;
import io.newswire.processors.nlp.Enrichment;
import io.newswire.processors.nlp.LanguageDetector;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every record the topology writes, on every topic, keeps its topic's contract (schemas/) and carries its headers. */
class TopicContractsTest {

    private static final Topics TOPICS = Topics.withPrefix("");
    private static final String TRACE = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @TempDir
    Path stateDir;

    @Test
    void shouldWriteOnlyRecordsThatKeepTheirTopicsContract() throws Exception {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        Entity cairo = new Entity("location:cairo", Entity.EntityType.LOCATION, "Cairo", List.of("Cairo"), 1, 1.0,
                List.of(new Entity.Mention(Entity.Mention.Field.BODY, 17, 22)));
        try (TopologyTestDriver driver = new TopologyTestDriver(NewsTopology.build(TOPICS,
                new Enrichment(LanguageDetector.fixed("en"), a -> List.of(cairo)), TopologySettings.defaults(),
                Clock.fixed(T0, ZoneOffset.UTC)), props)) {
            TestInputTopic<String, byte[]> raw = driver.createInputTopic(TOPICS.raw().name(),
                    Serdes.String().serializer(), Serdes.ByteArray().serializer());
            Article talks = article("a1", "Talks resume", "Officials met in Cairo on Monday.");
            Article meta = article("m1", "Fires near Sydney", "Crews fought fires.").withMeta(new ItemMeta("Wire",
                    List.of("medtop:1"), 3, ItemMeta.USABLE, null, T0, T0, List.of("headline derived")));
            for (Article a : List.of(talks, article("b1", "Talks resume", "Officials met in Cairo on Monday."), meta,
                    talks.withMeta(new ItemMeta(null, List.of(), null, ItemMeta.CANCELED, null, null, null)), talks,
                    article("a1", "Other text", "Under the same id and version."))) {
                org.apache.kafka.common.header.internals.RecordHeaders headers =
                        new org.apache.kafka.common.header.internals.RecordHeaders();
                headers.add(ContractHeaders.TRACEPARENT, ContractHeaders.bytes(TRACE));
                headers.add(ContractHeaders.SOURCE, ContractHeaders.bytes(a.source()));
                raw.pipeInput(new org.apache.kafka.streams.test.TestRecord<>(a.id(),
                        TOPICS.raw().valueSerde().serializer().serialize("t", a), headers));
                TopicContracts.assertValid(TOPICS.raw().name(), Json.MAPPER.readTree(
                        TOPICS.raw().valueSerde().serializer().serialize("t", a)));
            }
            raw.pipeInput("bad", "{not json".getBytes(StandardCharsets.UTF_8));
            for (Topic<String, ?> topic : List.<Topic<String, ?>>of(TOPICS.enriched(), TOPICS.decisions(),
                    TOPICS.stories(), TOPICS.dlq(), TOPICS.entities(), TOPICS.storyLinks())) {
                var out = driver.createOutputTopic(topic.name(), Serdes.String().deserializer(),
                        Serdes.ByteArray().deserializer());
                var records = out.readRecordsToList();
                org.assertj.core.api.Assertions.assertThat(records).as(topic.name()).isNotEmpty();
                boolean aboutOneArticle = !topic.name().equals(TOPICS.entities().name())
                        && !topic.name().equals(TOPICS.stories().name());
                for (var record : records) {
                    byte[] value = record.value();
                    TopicContracts.assertValid(topic.name(), value == null ? null : Json.MAPPER.readTree(value));
                    var h = record.headers();
                    org.assertj.core.api.Assertions.assertThat(ContractHeaders.text(h, ContractHeaders.SCHEMA))
                            .as("%s schema header", topic.name()).isEqualTo(topic.name());
                    org.assertj.core.api.Assertions.assertThat(ContractHeaders.text(h, ContractHeaders.CONTENT_TYPE))
                            .isEqualTo("application/json");
                    org.assertj.core.api.Assertions.assertThat(ContractHeaders.text(h, ContractHeaders.SCHEMA_VERSION))
                            .isEqualTo("1");
                    if (aboutOneArticle && value != null && !topic.name().equals(TOPICS.dlq().name())) {
                        org.assertj.core.api.Assertions.assertThat(ContractHeaders.text(h, ContractHeaders.TRACEPARENT))
                                .as("%s carries the trace from ingest", topic.name()).isEqualTo(TRACE);
                    }
                    if (!aboutOneArticle) {
                        org.assertj.core.api.Assertions.assertThat(ContractHeaders.text(h, ContractHeaders.SOURCE))
                                .as("%s is not one article's", topic.name()).isNull();
                    }
                }
            }
        }
    }
}
