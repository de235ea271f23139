package io.newswire.processors.match.vectors;

import java.time.Duration;
import io.newswire.processors.match.vectors.StoryRecords.StoryCorrection;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Gives an article indexed here under a provisional story the story its decision chose
 * ({@link StoryIndex#correct}). Only partitions whose provisional story was wrong get one, so most
 * decisions cost the index nothing more.
 */
public final class StoryCorrectionProcessor implements Processor<String, StoryCorrection, Void, Void> {

    public static final String NAME = "story-correct";

    private final StoryScorer scorer;
    private final Duration retention;
    private ProcessorContext<Void, Void> context;
    private StoryIndex index;

    public StoryCorrectionProcessor(StoryScorer scorer, Duration retention) {
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
    public void process(Record<String, StoryCorrection> record) {
        index.correct(record.value(), context.taskId().partition());
    }
}
