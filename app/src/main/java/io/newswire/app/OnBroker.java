package io.newswire.app;

import io.newswire.common.NewswireConfig;

/** Runs a command's body against the configured broker, or an embedded one started for it, topics made. */
final class OnBroker {

    interface Body {
        void run(NewswireConfig target) throws Exception;
    }

    private OnBroker() {
    }

    static void run(NewswireConfig config, Body body) throws Exception {
        try (EmbeddedKafka broker = config.bootstrapServers().isEmpty() ? EmbeddedKafka.start(EmbeddedKafka.dataDir(config)) : null) {
            NewswireConfig target = broker == null ? config : config.withBootstrapServers(broker.bootstrapServers());
            TopicAdmin.ensureTopics(target);
            body.run(target);
        }
    }
}
