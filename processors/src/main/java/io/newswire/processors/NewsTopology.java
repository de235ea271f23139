package io.newswire.processors;

import java.time.Clock;
import java.util.Map;
import io.newswire.common.Article;
import io.newswire.common.DeadLetter;
import io.newswire.common.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The processors' topology, as a pure builder:
 *
 * <pre>
 *   news.raw → validate → normalize → enrich → canonicalize → (by content hash) dedup → news.enriched
 *                  ↘ rejected    ↘ rejected       ↕ entity registry              ↘ news.decisions
 *                   news.dlq ←─────┘          (global store ← news.entities)
 * </pre>
 *
 * Every processor, store and repartition topic is named, so the topology can change without
 * orphaning state. Every raw record ends up exactly once on either news.enriched or news.dlq.
 */
public final class NewsTopology {

    public static final String REPARTITION_BY_CONTENT = "dedup-by-content-hash";

    private NewsTopology() {
    }

    public static Topology build(Topics topics, Enrichment enrichment, int maxArticleBytes, Clock clock) {
        ValidateStage validate = new ValidateStage(topics.raw(), maxArticleBytes, clock);
        NormalizeStage normalize = new NormalizeStage();
        EnrichStage enrich = new EnrichStage(enrichment.languages(), enrichment.entities(), topics.raw().name(),
                clock);

        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ExactDedupProcessor.STORE), Serdes.String(), Serdes.String()));

        builder.addGlobalStore(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(CanonicalizeProcessor.REGISTRY_STORE),
                        Serdes.String(), topics.entities().valueSerde()).withLoggingDisabled(),
                topics.entities().name(),
                Consumed.with(Serdes.String(), topics.entities().valueSerde()).withName("read-entity-registry"),
                RegistryUpdater::new);

        KStream<String, byte[]> raw = builder.stream(topics.raw().name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-raw"));

        Map<String, KStream<String, Checked<Article>>> validated = raw
                .mapValues(validate::apply, Named.as(ValidateStage.NAME))
                .split(Named.as(ValidateStage.NAME + "-"))
                .branch((id, checked) -> checked.isOk(), Branched.as("ok"))
                .defaultBranch(Branched.as("rejected"));

        Map<String, KStream<String, Checked<Article>>> enriched = validated.get(ValidateStage.NAME + "-ok")
                .mapValues(Checked::value, Named.as("valid"))
                .mapValues(normalize::apply, Named.as(NormalizeStage.NAME))
                .mapValues(enrich::apply, Named.as(EnrichStage.NAME))
                .split(Named.as(EnrichStage.NAME + "-"))
                .branch((id, checked) -> checked.isOk(), Branched.as("ok"))
                .defaultBranch(Branched.as("rejected"));

        KStream<String, Canonicalized> canonical = enriched.get(EnrichStage.NAME + "-ok")
                .mapValues(Checked::value, Named.as("enriched"))
                .process(CanonicalizeProcessor::new, Named.as(CanonicalizeProcessor.NAME));
        canonical
                .flatMap((id, c) -> c.learned().stream().map(k -> KeyValue.pair(k.registryKey(), k)).toList(),
                        Named.as("registry-updates"))
                .to(topics.entities().name(), Produced.with(topics.entities().keySerde(),
                        topics.entities().valueSerde()).withName("write-entity-registry"));

        KStream<String, Deduplicated> deduplicated = canonical
                .mapValues(Canonicalized::article, Named.as("canonical"))
                .selectKey((id, article) -> article.contentHash(), Named.as("key-by-content-hash"))
                .repartition(Repartitioned.<String, Article>as(REPARTITION_BY_CONTENT)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(topics.enriched().valueSerde()))
                .process(ExactDedupProcessor::new, Named.as(ExactDedupProcessor.NAME), ExactDedupProcessor.STORE);

        deduplicated
                .mapValues(Deduplicated::article, Named.as("article"))
                .to(topics.enriched().name(), Produced.with(topics.enriched().keySerde(),
                        topics.enriched().valueSerde()).withName("write-enriched"));
        deduplicated
                .mapValues(Deduplicated::decision, Named.as("decision"))
                .to(topics.decisions().name(), Produced.with(topics.decisions().keySerde(),
                        topics.decisions().valueSerde()).withName("write-decisions"));

        KStream<String, DeadLetter> rejectedAtValidate = validated.get(ValidateStage.NAME + "-rejected")
                .mapValues(Checked::rejection, Named.as("validate-dead-letter"));
        KStream<String, DeadLetter> rejectedAtEnrich = enriched.get(EnrichStage.NAME + "-rejected")
                .mapValues(Checked::rejection, Named.as("enrich-dead-letter"));
        rejectedAtValidate.merge(rejectedAtEnrich, Named.as("dead-letters"))
                .selectKey((key, letter) -> key != null ? key : letter.id(), Named.as("key-dead-letter"))
                .to(topics.dlq().name(), Produced.with(topics.dlq().keySerde(), topics.dlq().valueSerde())
                        .withName("write-dlq"));

        return builder.build();
    }
}
