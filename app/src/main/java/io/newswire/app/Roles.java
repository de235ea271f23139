package io.newswire.app;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import io.newswire.common.NewswireConfig;
import io.newswire.common.Setting;
import io.newswire.ingest.sources.HttpPushSource;
import io.newswire.ingest.sources.SafeFetch;
import io.newswire.processors.ProcessorsApp;
import io.newswire.sinks.SinkSettings;
import io.newswire.sinks.live.DashboardSettings;

/** Which settings each command reads, composed from the settings each module declares. */
final class Roles {

    static final List<Setting<?>> INGEST = of(NewswireConfig.SETTINGS, List.of(HttpPushSource.TOKEN,
            HttpPushSource.HOST, SafeFetch.ALLOW_PRIVATE), SchemaRegistration.SETTINGS);
    static final List<Setting<?>> PROCESS = of(NewswireConfig.SETTINGS, ProcessorsApp.SETTINGS,
            DashboardSettings.SETTINGS, SchemaRegistration.SETTINGS);
    static final List<Setting<?>> SINK = of(NewswireConfig.SETTINGS, SinkSettings.SETTINGS, DashboardSettings.SETTINGS);
    static final List<Setting<?>> BROKER = of(NewswireConfig.SETTINGS, List.of(EmbeddedKafka.DATA_DIR));
    static final List<Setting<?>> EVAL = of(NewswireConfig.SETTINGS, ProcessorsApp.SETTINGS,
            List.of(EmbeddedKafka.DATA_DIR));
    static final List<Setting<?>> RUN = of(NewswireConfig.SETTINGS, ProcessorsApp.SETTINGS, SinkSettings.SETTINGS,
            DashboardSettings.SETTINGS, SchemaRegistration.SETTINGS, List.of(EmbeddedKafka.DATA_DIR));
    /** Every setting of the program: the keys a shared config file may hold. */
    static final List<Setting<?>> ALL = of(INGEST, PROCESS, SINK, RUN);

    private Roles() {
    }

    @SafeVarargs
    private static List<Setting<?>> of(List<Setting<?>>... groups) {
        Set<Setting<?>> out = new LinkedHashSet<>();
        Stream.of(groups).forEach(out::addAll);
        return List.copyOf(out);
    }
}
