package io.newswire.processors.story;

import java.time.Duration;
import io.newswire.processors.dedup.DedupRecords.GatherInput;
import io.newswire.processors.story.StoryRecords.StoryAnswer;
import io.newswire.processors.story.StoryRecords.StoryProbe;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Answers a probe with the closest stories among the articles indexed under the keys this partition owns;
 * the answer goes back to the gather step keyed by the article's id. Also purges expired vectors.
 */
public final class StoryProbeProcessor implements Processor<String, StoryProbe, String, GatherInput> {

    public static final String NAME = "story-candidates";
    public static final String BUCKETS = StoryIndex.BUCKETS;
    public static final String VECTORS = StoryIndex.VECTORS;

    private final StoryScorer scorer;
    private final Duration retention;
    private ProcessorContext<String, GatherInput> context;
    private StoryIndex index;

    public StoryProbeProcessor(StoryScorer scorer, Duration retention) {
        this.scorer = scorer;
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, GatherInput> context) {
        this.context = context;
        this.index = new StoryIndex(context.getStateStore(BUCKETS), context.getStateStore(VECTORS), scorer, retention);
        context.schedule(Duration.ofMinutes(10), PunctuationType.WALL_CLOCK_TIME, index::purge);
    }

    @Override
    public void process(Record<String, StoryProbe> record) {
        StoryProbe probe = record.value();
        int partition = context.taskId().partition();
        context.forward(record.withKey(probe.requestId()).withValue(GatherInput.of(
                new StoryAnswer(probe.articleId(), partition, index.probe(probe, partition)))));
    }
}
