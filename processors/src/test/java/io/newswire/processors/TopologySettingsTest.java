package io.newswire.processors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import io.newswire.common.ConfigException;
import io.newswire.common.NewswireConfig;
import io.newswire.common.Setting;
import org.junit.jupiter.api.Test;

class TopologySettingsTest {

    private static TopologySettings load(Map<String, String> flags) {
        List<Setting<?>> settings = Stream.concat(NewswireConfig.SETTINGS.stream(), TopologySettings.SETTINGS.stream())
                .toList();
        return TopologySettings.from(NewswireConfig.load(Optional.empty(), Map.of(), flags, settings, settings));
    }

    @Test
    void shouldRunOneEnrichWorkerPerStreamThreadByDefault() {
        assertEquals(1, load(Map.of()).enrichWorkers());
        assertEquals(3, load(Map.of("kafka.num.stream.threads", "3")).enrichWorkers());
    }

    @Test
    void shouldTakeAnExplicitWorkerCountOverTheStreamThreads() {
        assertEquals(0, load(Map.of("enrich.workers", "0", "kafka.num.stream.threads", "3")).enrichWorkers());
        assertEquals(2, load(Map.of("enrich.workers", "2")).enrichWorkers());
    }

    @Test
    void shouldRefuseAWorkerCountThatIsNeitherANumberNorAuto() {
        assertThrows(ConfigException.class, () -> load(Map.of("enrich.workers", "many")));
        assertThrows(ConfigException.class, () -> load(Map.of("kafka.num.stream.threads", "none")));
    }

    @Test
    void shouldEnrichOnTheStreamThreadInProcessWhereNoWallClockDrainsTheWorkers() {
        assertEquals(0, load(Map.of("enrich.workers", "2")).inProcess().enrichWorkers());
    }
}
