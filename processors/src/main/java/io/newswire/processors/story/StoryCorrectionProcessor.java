package io.newswire.processors.story;

import io.newswire.processors.story.StoryRecords.StoredVector;
import io.newswire.processors.story.StoryRecords.StoryCorrection;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Gives an article indexed here under a provisional story the story its decision chose. Only partitions
 * whose provisional story was wrong get one, so most decisions cost the index nothing more.
 */
public final class StoryCorrectionProcessor implements Processor<String, StoryCorrection, Void, Void> {

    public static final String NAME = "story-correct";

    private KeyValueStore<String, StoredVector> vectors;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.vectors = context.getStateStore(StoryIndex.VECTORS);
    }

    @Override
    public void process(Record<String, StoryCorrection> record) {
        StoryCorrection correction = record.value();
        StoredVector stored = vectors.get(correction.articleId());
        // Gone past the retention window, or already right (a correction processed again): nothing to do.
        if (stored != null && !correction.storyId().equals(stored.storyId())) {
            vectors.put(correction.articleId(), new StoredVector(stored.vector(), correction.storyId()));
        }
    }
}
