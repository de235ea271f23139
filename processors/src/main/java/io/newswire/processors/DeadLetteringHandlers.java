package io.newswire.processors;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.newswire.common.DeadLetter;
import io.newswire.common.JsonSerde;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' exception handlers, so that no record stops the pipeline: a record a processor throws on,
 * or one that cannot be serialized or produced (too large for a repartition topic, say), becomes a dead
 * letter on {@code news.dlq} with the node, the reason and the input it came from, and the stream goes
 * on. A retriable production error (the broker away past the producer's timeout) still fails the stream
 * thread: losing records to an outage would be silent loss, and the role then exits non-zero.
 */
public final class DeadLetteringHandlers {

    /** The Streams config key that carries the dead-letter topic's name to the handlers. */
    public static final String DLQ_TOPIC = "newswire.dlq.topic";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetteringHandlers.class);
    private static final JsonSerde<DeadLetter> SERDE = new JsonSerde<>(DeadLetter.class);

    private DeadLetteringHandlers() {
    }

    static ProducerRecord<byte[], byte[]> deadLetter(String topic, ErrorHandlerContext context, String stage,
                                                     Exception e) {
        String key = context.sourceRawKey() == null ? null : new String(context.sourceRawKey(), StandardCharsets.UTF_8);
        String origin = context.topic() + "-" + context.partition() + "@" + context.offset();
        DeadLetter letter = DeadLetter.of(stage, e.getClass().getSimpleName() + ": " + e.getMessage(), origin, key,
                context.sourceRawValue(), Instant.now());
        LOG.warn("dead-lettering the record at {} ({}): {}", origin, stage, letter.reason());
        byte[] k = (key != null ? key : letter.id()).getBytes(StandardCharsets.UTF_8);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, k, SERDE.serializer().serialize(topic, letter));
        io.newswire.common.ContractHeaders.stamp(record.headers(), "news.dlq", false);
        return record;
    }

    private static String topic(Map<String, ?> configs) {
        Object topic = configs.get(DLQ_TOPIC);
        if (topic == null) {
            throw new IllegalStateException(DLQ_TOPIC + " is not set: the handlers need the dead-letter topic");
        }
        return topic.toString();
    }

    /** A processor threw on a record: dead-letter it and go on. */
    public static final class Processing implements ProcessingExceptionHandler {
        private String topic;

        @Override
        public void configure(Map<String, ?> configs) {
            topic = topic(configs);
        }

        @Override
        public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
            return Response.resume(List.of(deadLetter(topic, context, "process:" + context.processorNodeId(),
                    exception)));
        }
    }

    /** A record could not be serialized or produced: dead-letter it and go on, unless the error is retriable. */
    public static final class Production implements ProductionExceptionHandler {
        private String topic;

        @Override
        public void configure(Map<String, ?> configs) {
            topic = topic(configs);
        }

        @Override
        public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                    Exception exception) {
            if (exception instanceof RetriableException) {
                return Response.fail();
            }
            return Response.resume(List.of(deadLetter(topic, context, "produce:" + record.topic(), exception)));
        }

        @Override
        public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record,
                                                 Exception exception, SerializationExceptionOrigin origin) {
            return Response.resume(List.of(deadLetter(topic, context, "serialize:" + record.topic(), exception)));
        }
    }
}
