package io.newswire.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import io.newswire.common.NewswireConfig;
import io.newswire.common.Topic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** Creates the catalogue's topics that do not exist yet, with the configured partitions and replication. */
public final class TopicAdmin {

    private TopicAdmin() {
    }

    public static void ensureTopics(NewswireConfig config) {
        try (Admin admin = Admin.create(config.clientProperties())) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (Topic<String, ?> topic : config.topics().all()) {
                if (!existing.contains(topic.name())) {
                    NewTopic spec = new NewTopic(topic.name(), config.partitions(), config.replicationFactor());
                    if (topic.compacted()) {
                        spec.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                    }
                    missing.add(spec);
                }
            }
            if (!missing.isEmpty()) {
                createAll(admin, missing);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list topics at " + config.bootstrapServers().orElse("?")
                    + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static void createAll(Admin admin, List<NewTopic> topics) throws InterruptedException {
        for (var entry : admin.createTopics(topics).values().entrySet()) {
            try {
                entry.getValue().get();
            } catch (ExecutionException e) {
                // Another instance may have created it between our list and create: that is fine.
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + entry.getKey() + ": "
                            + e.getCause().getMessage(), e.getCause());
                }
            }
        }
        awaitLeaders(admin, topics.stream().map(NewTopic::name).toList());
    }

    /**
     * Waits until the leader of every partition of new topics answers as leader (a ListOffsets request,
     * which only the leader serves). Producing in the moment before, when metadata already names the
     * leader but the broker still answers NOT_LEADER_OR_FOLLOWER, let Kafka 4.3.1's idempotent producer
     * land its second batch before its first, and then loop on OUT_OF_ORDER_SEQUENCE_NUMBER for the first
     * until its delivery timeout.
     */
    private static void awaitLeaders(Admin admin, List<String> names) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest =
                        new java.util.HashMap<>();
                admin.describeTopics(names).allTopicNames().get().values().forEach(d -> d.partitions().forEach(p ->
                        latest.put(new org.apache.kafka.common.TopicPartition(d.name(), p.partition()),
                                org.apache.kafka.clients.admin.OffsetSpec.latest())));
                admin.listOffsets(latest).all().get();
                return;
            } catch (ExecutionException e) {
                // not visible yet, or not yet leader (UnknownTopicOrPartition, NotLeaderOrFollower): ask again
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("topics " + names + " have partitions without a leader after 30 s");
    }
}
