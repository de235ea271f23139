package io.newswire.processors.nlp;

import io.newswire.common.KnownEntity;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global registry store, and the instance's {@link RegistryMirror} of it, equal to the entities topic.
 * Counts only grow: an update carrying a smaller article count than the stored one (a concurrent or late
 * writer) does not lower it.
 */
public final class RegistryUpdater implements Processor<String, KnownEntity, Void, Void> {

    private final RegistryMirror mirror;
    private KeyValueStore<String, KnownEntity> store;

    public RegistryUpdater(RegistryMirror mirror) {
        this.mirror = mirror;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(CanonicalizeProcessor.REGISTRY_STORE);
        // A new store (a restart, or a store restored from the topic) may hold what the mirror does not.
        mirror.clear();
    }

    @Override
    public void process(Record<String, KnownEntity> record) {
        if (record.value() == null) {
            store.delete(record.key());
            mirror.deleted();
        } else {
            KnownEntity stored = store.get(record.key());
            if (stored == null || stored.articles() < record.value().articles()) {
                store.put(record.key(), record.value());
                mirror.stored(record.value());
            }
        }
    }
}
