package io.newswire.processors.resolve;

import io.newswire.common.StoryLink;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the global story-link store equal to the story-links topic (a tombstone removes a link). */
public final class StoryLinkUpdater implements Processor<String, StoryLink, Void, Void> {

    private KeyValueStore<String, StoryLink> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(StoryResolveProcessor.LINKS);
    }

    @Override
    public void process(Record<String, StoryLink> record) {
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
    }
}
