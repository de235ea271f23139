package io.newswire.processors;

import java.util.List;
import java.util.stream.Collectors;
import io.newswire.common.JsonSerde;
import io.newswire.common.Topics;
import io.newswire.processors.match.MatchRecords.GatherInput;
import io.newswire.processors.match.StoryVectorProcessor;
import io.newswire.processors.match.lsh.LshIndex;
import io.newswire.processors.match.lsh.LshRecords.Bucket;
import io.newswire.processors.match.lsh.LshRecords.StoredSignature;
import io.newswire.processors.match.vectors.StoredVectorSerde;
import io.newswire.processors.match.vectors.StoryIndex;
import io.newswire.processors.match.vectors.StoryRecords.StoryBucket;
import io.newswire.processors.nlp.CanonicalizeProcessor;
import io.newswire.processors.nlp.EnrichProcessor;
import io.newswire.processors.nlp.RegistryMirror;
import io.newswire.processors.nlp.RegistryUpdater;
import io.newswire.processors.resolve.DedupGatherProcessor;
import io.newswire.processors.resolve.GatherRecords.Pending;
import io.newswire.processors.resolve.GatherRecords.Seen;
import io.newswire.processors.resolve.StoryLinkUpdater;
import io.newswire.processors.resolve.StoryResolveProcessor;
import io.newswire.processors.state.BinarySerde;
import io.newswire.processors.stories.StoryAggregator;
import io.newswire.processors.stories.StoryMember;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * Every state store of the topology in one table: its name, the step that owns it, its serdes, how long
 * an entry lives and the version of its value format. The stores are registered from this table, and
 * docs/architecture.md renders it ({@link #markdown(Topics)}; a test keeps the two equal). A change of a value
 * format bumps its version here and goes into CHANGELOG.md with the reset it needs.
 */
public final class StateStores {

    /**
     * One store. {@code global} is null for a local store (changelogged, one per task); {@code value}
     * describes the value format that {@code version} numbers.
     */
    public record Store(String name, String step, Serde<?> keySerde, Serde<?> valueSerde, String value,
                        int version, String retention, boolean cached, Global<?> global) {
    }

    /** A global store: filled on every instance from a compacted topic by its updater, named {@code reader}. */
    public record Global<V>(String topic, String reader, ProcessorSupplier<String, V, Void, Void> updater) {
    }

    private StateStores() {
    }

    /** The table, in the order of the steps that own the stores. */
    public static List<Store> all(Topics topics) {
        return all(topics, new RegistryMirror());
    }

    /** The table, with the instance's mirror of the entity registry for the registry's updater. */
    static List<Store> all(Topics topics, RegistryMirror mirror) {
        return List.of(
                global(CanonicalizeProcessor.REGISTRY_STORE, "nlp", topics.entities().valueSerde(),
                        "known entity (JSON)", "compacted topic; spellings kept for good",
                        new Global<>(topics.entities().name(), "read-entity-registry",
                                () -> new RegistryUpdater(mirror))),
                local(EnrichProcessor.STORE, "nlp", new JsonSerde<>(EnrichProcessor.Pending.class),
                        "article at an enrich worker (JSON)", 1, "until enriched; empty with `enrich.workers=0`"),
                local(LshIndex.BUCKETS, "match", new BinarySerde<>(Bucket.CODEC),
                        "band bucket: members' id keys and arrivals (binary)", 3,
                        "members past the window dropped on write, buckets swept once all are; at most 200 a bucket"),
                local(LshIndex.SIGNATURES, "match", new BinarySerde<>(StoredSignature.CODEC),
                        "signature with its article's id and content hash, by id key (binary)", 4,
                        "swept at the window"),
                new Store(StoryVectorProcessor.FREQUENCIES, "match", Serdes.String(), Serdes.Long(),
                        "document frequency (long)", 1, "kept; sampled past 5,000 documents; written once a second",
                        true, null),
                local(StoryIndex.BUCKETS, "match", new BinarySerde<>(StoryBucket.CODEC),
                        "story-key bucket: members' ids, arrivals and stories (binary)", 2, "members past the window dropped on write, buckets swept once all are; at most 100 a key"),
                local(StoryIndex.VECTORS, "match", new StoredVectorSerde(),
                        "story vector (binary, 32-bit ids, 8-bit weights)", 3,
                        "swept at the window"),
                local(DedupGatherProcessor.PENDING, "resolve", new JsonSerde<>(Pending.class),
                        "answers gathered (JSON)", 1, "until the request is complete; orphans swept"),
                local(DedupGatherProcessor.ARTICLES, "resolve", new JsonSerde<>(GatherInput.class),
                        "article awaiting answers (JSON)", 1, "until the request is complete"),
                local(DedupGatherProcessor.SEEN, "resolve", new JsonSerde<>(Seen.class),
                        "decision of an id (JSON)", 2, "swept a window after the latest version arrived"),
                local(StoryResolveProcessor.WAITING, "resolve", new JsonSerde<>(StoryResolveProcessor.Waiting.class),
                        "article waiting for links (JSON)", 2, "at most 60 s"),
                global(StoryResolveProcessor.LINKS, "resolve", topics.storyLinks().valueSerde(),
                        "story link (JSON)", "compacted topic; tombstoned at the window",
                        new Global<>(topics.storyLinks().name(), "read-story-links", StoryLinkUpdater::new)),
                local(StoryAggregator.STORE, "stories", new JsonSerde<>(StoryAggregator.StoryState.class),
                        "story state and vector sum (JSON)", 4, "swept when no member arrived within the window"),
                local(StoryAggregator.MEMBERS, "stories", new JsonSerde<>(StoryMember.class),
                        "member: article, decision, vector (JSON)", 4, "removed with its story"));
    }

    private static Store local(String name, String step, Serde<?> valueSerde, String value, int version,
                               String retention) {
        return new Store(name, step, Serdes.String(), valueSerde, value, version, retention, false, null);
    }

    private static Store global(String name, String step, Serde<?> valueSerde, String value, String retention,
                                Global<?> source) {
        return new Store(name, step, Serdes.String(), valueSerde, value, 1, retention, false, source);
    }

    /** Registers every store of the table with the builder; global stores get their updater. */
    static void register(StreamsBuilder builder, Topics topics, RegistryMirror mirror) {
        for (Store store : all(topics, mirror)) {
            if (store.global() == null) {
                var supplier = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store.name()),
                        store.keySerde(), store.valueSerde());
                builder.addStateStore(store.cached() ? supplier.withCachingEnabled() : supplier);
            } else {
                addGlobal(builder, store);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void addGlobal(StreamsBuilder builder, Store store) {
        Global<?> global = store.global();
        // The updater's value type is the store's: the table pairs them, the compiler cannot see it.
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store.name()),
                        (Serde) store.keySerde(), (Serde) store.valueSerde()).withLoggingDisabled(),
                global.topic(), Consumed.with((Serde) store.keySerde(), (Serde) store.valueSerde())
                        .withName(global.reader()),
                (ProcessorSupplier) global.updater());
    }

    /** The table as Markdown, as docs/architecture.md shows it. */
    public static String markdown(Topics topics) {
        String rows = all(topics).stream()
                .map(s -> "| `" + s.name() + "` | " + s.step() + " | " + (s.global() == null ? "local" : "global ← `"
                        + s.global().topic() + "`") + " | " + s.value() + " | " + s.version() + " | " + s.retention() + " |")
                .collect(Collectors.joining("\n"));
        return "| store | step | kind | value | format | retention |\n|---|---|---|---|---|---|\n" + rows + "\n";
    }
}
