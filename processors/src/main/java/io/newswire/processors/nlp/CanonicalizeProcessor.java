package io.newswire.processors.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import io.newswire.common.Article;
import io.newswire.common.KnownEntity;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Maps each article's entities to the registry's canonical ones ({@link EntityRegistry}) and passes on
 * what the registry should learn. The registry is a global store that every instance fills from the
 * compacted entities topic, so all instances converge on the same canonical forms. Until this
 * instance's own updates come back through that topic, a local cache stands in for them.
 */
public final class CanonicalizeProcessor implements Processor<String, Article, String, Canonicalized> {

    public static final String NAME = "canonicalize";
    public static final String REGISTRY_STORE = "entity-registry";
    /** Beyond this many pending entries the cache is dropped; the global store has them by then. */
    private static final int MAX_CACHED = 100_000;

    private final TreeMap<String, KnownEntity> recentlyLearned = new TreeMap<>();
    private ProcessorContext<String, Canonicalized> context;
    private java.util.function.Function<String, List<KnownEntity>> stored;
    private EntityRegistry resolver;

    @Override
    public void init(ProcessorContext<String, Canonicalized> context) {
        this.context = context;
        KeyValueStore<String, KnownEntity> registry = context.getStateStore(REGISTRY_STORE);
        this.stored = EntityRegistry.blocksOf(registry);
        this.resolver = new EntityRegistry(this::block);
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        if (!Article.ENTITIES_ANALYSED.equals(article.entityStatus()) || article.entities().isEmpty()) {
            context.forward(record.withValue(new Canonicalized(article, List.of())));
            return;
        }
        EntityRegistry.Resolved resolved = resolver.resolve(article.entities());
        if (recentlyLearned.size() > MAX_CACHED) {
            recentlyLearned.clear();
        }
        resolved.learned().forEach(k -> recentlyLearned.put(k.registryKey(), k));
        Article canonical = article.withEntities(resolved.entities(), article.entityStatus());
        context.forward(record.withValue(new Canonicalized(canonical, resolved.learned())));
    }

    /** The global store's spellings of a block, with this instance's own not yet back from the topic. */
    private List<KnownEntity> block(String prefix) {
        Map<String, KnownEntity> found = new TreeMap<>(recentlyLearned.subMap(prefix, prefix + '\uffff'));
        stored.apply(prefix).forEach(k -> found.put(k.registryKey(), k));
        return new ArrayList<>(found.values());
    }
}
