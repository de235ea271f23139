package io.newswire.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import io.newswire.common.ConfigException;
import io.newswire.common.NewswireConfig;
import io.newswire.processors.state.RocksDbOptions;
import org.junit.jupiter.api.Test;

/** The Kafka Streams properties the processors run with, from newswire's settings and kafka.* overrides. */
class ProcessorsAppTest {

    private static Properties props(Map<String, String> values, Map<String, String> kafka) {
        Map<String, String> withBroker = new java.util.HashMap<>(values);
        withBroker.put("bootstrap.servers", "localhost:9092");
        return ProcessorsApp.streamsProperties(new NewswireConfig(withBroker, Set.of(), kafka));
    }

    @Test
    void shouldCompressStateAndStreamsRecordsWithLz4ByDefault() {
        Properties p = props(Map.of(), Map.of());
        assertThat(p.get(RocksDbOptions.COMPRESSION_CONFIG)).isEqualTo("lz4");
        assertThat(p.get("producer.compression.type")).isEqualTo("lz4");
        assertThat(p.get("rocksdb.config.setter")).isEqualTo(RocksDbOptions.class);
    }

    @Test
    void shouldKeepACompressionTheUserChose() {
        assertThat(props(Map.of("state.compression", "none"), Map.of("producer.compression.type", "zstd")))
                .containsEntry(RocksDbOptions.COMPRESSION_CONFIG, "none")
                .containsEntry("producer.compression.type", "zstd");
        Properties everyClient = props(Map.of(), Map.of("compression.type", "gzip"));
        assertThat(everyClient).containsEntry("compression.type", "gzip").doesNotContainKey("producer.compression.type");
    }

    @Test
    void shouldRefuseAnUnknownStateCompression() {
        assertThatThrownBy(() -> props(Map.of("state.compression", "brotli"), Map.of()).size())
                .isInstanceOf(ConfigException.class).hasMessageContaining("state.compression");
    }
}
