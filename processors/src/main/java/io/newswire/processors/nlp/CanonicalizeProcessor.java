package io.newswire.processors.nlp;

import java.util.List;
import io.newswire.common.Article;
import io.newswire.common.KnownEntity;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Maps each article's entities to the registry's canonical ones ({@link EntityRegistry}) and passes on
 * what the registry should learn. The registry is a global store that every instance fills from the
 * compacted entities topic, so all instances converge on the same canonical forms. Lookups go to the
 * instance's {@link RegistryMirror} of that store, which also holds this instance's own updates until they
 * come back through the topic.
 */
public final class CanonicalizeProcessor implements Processor<String, Article, String, Canonicalized> {

    public static final String NAME = "canonicalize";
    public static final String REGISTRY_STORE = "entity-registry";

    private final RegistryMirror mirror;
    private ProcessorContext<String, Canonicalized> context;
    private java.util.function.Function<String, List<KnownEntity>> stored;
    private EntityRegistry resolver;

    public CanonicalizeProcessor(RegistryMirror mirror) {
        this.mirror = mirror;
    }

    @Override
    public void init(ProcessorContext<String, Canonicalized> context) {
        this.context = context;
        KeyValueStore<String, KnownEntity> registry = context.getStateStore(REGISTRY_STORE);
        this.stored = EntityRegistry.blocksOf(registry);
        this.resolver = new EntityRegistry(prefix -> mirror.block(prefix, stored));
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        if (!Article.ENTITIES_ANALYSED.equals(article.entityStatus()) || article.entities().isEmpty()) {
            context.forward(record.withValue(new Canonicalized(article, List.of())));
            return;
        }
        EntityRegistry.Resolved resolved = resolver.resolve(article.entities());
        resolved.learned().forEach(k -> mirror.learned(k, stored));
        Article canonical = article.withEntities(resolved.entities(), article.entityStatus());
        context.forward(record.withValue(new Canonicalized(canonical, resolved.learned())));
    }
}
