package io.newswire.processors.match;

import io.newswire.processors.match.vectors.StoreFrequencies;
import io.newswire.processors.match.vectors.StoryVector;
import io.newswire.processors.match.vectors.StoryVectors;
import io.newswire.processors.match.MatchRecords.Signed;
import io.newswire.processors.state.Arrival;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Adds each article's {@link StoryVector}, counting it into this partition's document frequencies. Each
 * partition counts only the articles it receives: with articles spread by id hash, every partition sees
 * the same mix, so its IDF estimates the global one (exact with one partition) without a global counter.
 * Past {@value StoreFrequencies#COUNT_ALL} documents a partition counts a sample ({@link StoreFrequencies}); the
 * counts reach the store every {@link StoreFrequencies#FLUSH_EVERY}.
 * Kills pass through without a vector.
 */
public final class StoryVectorProcessor implements Processor<String, Signed, String, Signed> {

    public static final String NAME = "story-vector";
    public static final String FREQUENCIES = "story-df-store";

    private ProcessorContext<String, Signed> context;
    private StoryVectors vectors;

    @Override
    public void init(ProcessorContext<String, Signed> context) {
        this.context = context;
        KeyValueStore<String, Long> store = context.getStateStore(FREQUENCIES);
        StoreFrequencies frequencies = new StoreFrequencies(store);
        this.vectors = new StoryVectors(frequencies);
        context.schedule(StoreFrequencies.FLUSH_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> frequencies.flush());
    }

    @Override
    public void process(Record<String, Signed> record) {
        Signed signed = record.value();
        // The raw record's position names this arrival (see Arrival): the same again only when the same
        // record is processed again (at-least-once), where gathering into one request is right.
        String arrival = Arrival.of(record.headers(), context.recordMetadata())
                .orElse(Long.toString(record.timestamp()));
        String request = MatchRecords.requestId(signed.article().id(), arrival);
        StoryVector vector = signed.signature() == null ? null : vectors.of(signed.article());
        context.forward(record.withValue(signed.withVector(vector, request))
                .withHeaders(Arrival.without(record.headers())));
    }
}
