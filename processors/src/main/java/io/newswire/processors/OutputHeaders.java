package io.newswire.processors;

import io.newswire.common.ContractHeaders;
import io.newswire.processors.state.Arrival;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The exit to one output topic: stamps each record with the topic's contract headers ({@link ContractHeaders})
 * and counts it by kind ({@link StageCounts}). A record carries on the headers of the raw record it came from
 * (source, format, traceparent); records that are not about one article (a registry spelling, a story's
 * state) drop those.
 */
final class OutputHeaders<V> implements FixedKeyProcessor<String, V, V> {

    private final String schema;
    private final boolean aboutOneArticle;
    private FixedKeyProcessorContext<String, V> context;
    private StageCounts counts;

    private OutputHeaders(String schema, boolean aboutOneArticle) {
        this.schema = schema;
        this.aboutOneArticle = aboutOneArticle;
    }

    static <V> FixedKeyProcessorSupplier<String, V, V> of(String schema, boolean aboutOneArticle) {
        return () -> new OutputHeaders<>(schema, aboutOneArticle);
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        this.context = context;
        this.counts = new StageCounts(context.metrics(), schema);
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.remove(Arrival.HEADER); // internal: a dead letter from before the story vector step still has it
        ContractHeaders.stamp(headers, schema, aboutOneArticle);
        counts.count(record.value());
        context.forward(record.withHeaders(headers));
    }
}
