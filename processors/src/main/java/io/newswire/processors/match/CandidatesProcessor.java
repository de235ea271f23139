package io.newswire.processors.match;

import io.newswire.processors.match.lsh.LshIndex;
import java.time.Duration;
import java.util.List;
import io.newswire.processors.state.StoreSweep;
import io.newswire.processors.match.MatchRecords.Answer;
import io.newswire.processors.match.lsh.LshRecords.Candidate;
import io.newswire.processors.match.MatchRecords.GatherInput;
import io.newswire.processors.match.MatchRecords.Probe;
import io.newswire.processors.match.vectors.StoryIndex;
import io.newswire.processors.match.vectors.StoryScorer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Answers an article's probe from this partition's share of both indexes: the LSH buckets of the band keys
 * it owns ({@link LshIndex}) and the story buckets of the story keys it owns ({@link StoryIndex}). One
 * probe in and one answer out per partition, keyed by request id for the gather step. Also purges what
 * is past the retention window, a slice of each store every {@code StoreSweep.EVERY}.
 */
public final class CandidatesProcessor implements Processor<String, Probe, String, GatherInput> {

    public static final String NAME = "dedup-candidates";

    private final StoryScorer scorer;
    private final Duration retention;
    private final long vectorCacheBytes;
    private ProcessorContext<String, GatherInput> context;
    private LshIndex lsh;
    private StoryIndex stories;
    private long latestArrival;

    public CandidatesProcessor(StoryScorer scorer, Duration retention, long vectorCacheBytes) {
        this.scorer = scorer;
        this.retention = retention;
        this.vectorCacheBytes = vectorCacheBytes;
    }

    @Override
    public void init(ProcessorContext<String, GatherInput> context) {
        this.context = context;
        this.lsh = new LshIndex(context.getStateStore(LshIndex.BUCKETS), context.getStateStore(LshIndex.SIGNATURES), retention);
        this.stories = new StoryIndex(context.getStateStore(StoryIndex.BUCKETS), context.getStateStore(StoryIndex.VECTORS),
                scorer, retention, vectorCacheBytes);
        context.schedule(StoreSweep.EVERY, PunctuationType.WALL_CLOCK_TIME, now -> {
            lsh.purge(latestArrival);
            stories.purge(latestArrival);
        });
    }

    @Override
    public void process(Record<String, Probe> record) {
        Probe probe = record.value();
        latestArrival = Math.max(latestArrival, probe.receivedMillis());
        int partition = context.taskId().partition();
        List<Candidate> copies = lsh.probe(probe.articleId(), probe.contentHash(), probe.receivedMillis(),
                probe.signature(), probe.partitions(), partition);
        StoryIndex.Probed story = probe.vector() == null ? new StoryIndex.Probed(List.of(), null)
                : stories.probe(probe.articleId(), probe.vector(), probe.receivedMillis(), probe.partitions(),
                        partition);
        context.forward(record.withKey(probe.requestId()).withValue(GatherInput.of(
                new Answer(probe.articleId(), partition, copies, story.candidates(), story.indexedStory()))));
    }
}
