package io.newswire.ingest;

import io.newswire.common.ContractHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import io.newswire.common.Article;
import io.newswire.common.DeadLetter;
import io.newswire.common.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes articles to the raw topic and ingest rejections to the dead-letter topic, keyed by article
 * id, with an idempotent producer (acks=all), so a retried send never duplicates a record.
 *
 * <p>Thread-safe (a {@link KafkaProducer} is). Each returned future completes when the broker has
 * acknowledged the record: callers that move or delete input must wait for it.
 */
public final class ArticlePublisher implements Publisher, AutoCloseable {

    public static final String HEADER_SOURCE = ContractHeaders.SOURCE;
    public static final String HEADER_FORMAT = ContractHeaders.FORMAT;

    private final KafkaProducer<String, byte[]> producer;
    private final Topics topics;

    public ArticlePublisher(Properties clientProperties, Topics topics) {
        this.producer = new KafkaProducer<>(producerProperties(clientProperties),
                new StringSerializer(), new ByteArraySerializer());
        this.topics = topics;
    }

    /** The producer settings ingest publishes with, on top of the client properties. */
    public static Properties producerProperties(Properties client) {
        Properties props = new Properties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // Articles are a few KB: the default 16 KB batch holds only a handful (docs/operations.md, sizing).
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "newswire-ingest");
        props.putAll(client);
        return props;
    }

    @Override
    public CompletableFuture<RecordMetadata> publish(Article article) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(HEADER_SOURCE, ContractHeaders.bytes(article.source()));
        headers.add(HEADER_FORMAT, ContractHeaders.bytes(article.format()));
        headers.add(ContractHeaders.TRACEPARENT, ContractHeaders.bytes(ContractHeaders.newTraceparent()));
        ContractHeaders.stamp(headers, "news.raw", true);
        byte[] value = topics.raw().valueSerde().serializer().serialize(topics.raw().name(), article);
        // A record the broker refuses for its size never goes through on a retry: it becomes a dead letter,
        // so a drop folder or a push does not retry it forever.
        return send(new ProducerRecord<>(topics.raw().name(), null, article.id(), value, headers))
                .exceptionallyCompose(error -> {
                    Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
                    if (!(cause instanceof org.apache.kafka.common.errors.RecordTooLargeException)) {
                        return CompletableFuture.failedFuture(cause);
                    }
                    return publish(DeadLetter.of("ingest", "article of " + value.length + " bytes refused by the broker: "
                            + cause.getMessage(), topics.raw().name(), article.id(),
                            new String(value, StandardCharsets.UTF_8), java.time.Instant.now()));
                });
    }

    @Override
    public CompletableFuture<RecordMetadata> publish(DeadLetter deadLetter) {
        byte[] value = topics.dlq().valueSerde().serializer().serialize(topics.dlq().name(), deadLetter);
        String key = deadLetter.key() != null ? deadLetter.key() : deadLetter.id();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topics.dlq().name(), key, value);
        ContractHeaders.stamp(record.headers(), "news.dlq", false);
        return send(record);
    }

    /** Blocks until every record sent so far is acknowledged or has failed. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }

    private CompletableFuture<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                acked.completeExceptionally(error);
            } else {
                acked.complete(metadata);
            }
        });
        return acked;
    }

}
