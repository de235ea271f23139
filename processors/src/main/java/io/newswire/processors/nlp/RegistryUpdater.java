package io.newswire.processors.nlp;

import io.newswire.common.KnownEntity;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global registry store equal to the entities topic. Counts only grow: an update carrying a
 * smaller article count than the stored one (a concurrent or late writer) does not lower it.
 */
public final class RegistryUpdater implements Processor<String, KnownEntity, Void, Void> {

    private KeyValueStore<String, KnownEntity> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(CanonicalizeProcessor.REGISTRY_STORE);
    }

    @Override
    public void process(Record<String, KnownEntity> record) {
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            KnownEntity stored = store.get(record.key());
            if (stored == null || stored.articles() < record.value().articles()) {
                store.put(record.key(), record.value());
            }
        }
    }
}
