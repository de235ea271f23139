package io.newswire.processors.story;

import java.time.Duration;
import io.newswire.processors.story.StoryRecords.StoryInsert;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Adds a decided article, with its story, to the index of the keys this partition owns. */
public final class StoryInsertProcessor implements Processor<String, StoryInsert, Void, Void> {

    public static final String NAME = "story-index";

    private final StoryScorer scorer;
    private final Duration retention;
    private ProcessorContext<Void, Void> context;
    private StoryIndex index;

    public StoryInsertProcessor(StoryScorer scorer, Duration retention) {
        this.scorer = scorer;
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.index = new StoryIndex(context.getStateStore(StoryIndex.BUCKETS), context.getStateStore(StoryIndex.VECTORS),
                scorer, retention);
    }

    @Override
    public void process(Record<String, StoryInsert> record) {
        index.insert(record.value(), context.taskId().partition());
    }
}
