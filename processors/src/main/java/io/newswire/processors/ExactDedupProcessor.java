package io.newswire.processors;

import io.newswire.common.Article;
import io.newswire.common.Decision;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Exact deduplication. Input is keyed by content hash (so every copy of a text meets on one partition
 * and one store); output is re-keyed by article id. The first article seen with a content hash is the
 * canonical one; a later article with another id and the same hash is flagged {@code duplicate_of}
 * the canonical id, never dropped. The same id again (a redelivery or re-ingest) is not a duplicate.
 */
public final class ExactDedupProcessor implements Processor<String, Article, String, Deduplicated> {

    public static final String NAME = "dedup";
    public static final String STORE = "content-hash-index";
    public static final String METHOD = "content-hash";

    private ProcessorContext<String, Deduplicated> context;
    private KeyValueStore<String, String> firstIdByHash;

    @Override
    public void init(ProcessorContext<String, Deduplicated> context) {
        this.context = context;
        this.firstIdByHash = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        String hash = record.key();
        String canonical = firstIdByHash.get(hash);
        Decision decision;
        if (canonical == null || canonical.equals(article.id())) {
            firstIdByHash.putIfAbsent(hash, article.id());
            decision = new Decision(article.id(), article.version(), Decision.Kind.NEW, null, null, METHOD, 0.0, 1.0);
        } else {
            article = article.withDuplicateOf(canonical);
            decision = new Decision(article.id(), article.version(), Decision.Kind.EXACT_DUPLICATE, canonical,
                    null, METHOD, 1.0, 1.0);
        }
        context.forward(record.withKey(article.id()).withValue(new Deduplicated(article, decision)));
    }
}
