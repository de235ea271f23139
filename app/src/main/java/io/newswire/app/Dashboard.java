package io.newswire.app;

import io.newswire.sinks.search.SearchIndex;
import io.newswire.sinks.live.DashboardSettings;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newswire.common.NewswireConfig;
import io.newswire.sinks.live.DashboardServer;
import io.newswire.sinks.live.LiveView;
import io.newswire.sinks.live.LiveViewFeed;

/**
 * The live dashboard of a process ({@code run --serve}, {@code sink --serve}): its {@link LiveView} fed
 * from the output topics, and the HTTP server with /metrics and /health. The metrics registry is the
 * process's: the commands bind their Kafka clients and Streams to it before serving.
 */
final class Dashboard implements AutoCloseable {

    private final LiveViewFeed feed;
    private final Thread feedThread;
    private final DashboardServer server;
    private final String host;

    private final SearchIndex search;

    private Dashboard(LiveViewFeed feed, Thread feedThread, DashboardServer server, String host, SearchIndex search) {
        this.search = search;
        this.feed = feed;
        this.feedThread = feedThread;
        this.server = server;
        this.host = host;
    }

    static PrometheusMeterRegistry registry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        return registry;
    }

    /**
     * @param readiness checks besides the view's own ("live_view": it has read the topics up to their ends)
     */
    static Dashboard start(NewswireConfig config, PrometheusMeterRegistry registry,
                           Map<String, BooleanSupplier> readiness) {
        LiveView view = new LiveView(Clock.systemUTC());
        DashboardSettings settings = DashboardSettings.from(config);
        SearchIndex search = new SearchIndex(settings.searchDir());
        LiveViewFeed feed = new LiveViewFeed(config, view, search);
        Thread feedThread = new Thread(feed, "newswire-live-view");
        feedThread.setDaemon(true);
        feedThread.start();
        Map<String, BooleanSupplier> checks = new LinkedHashMap<>(readiness);
        checks.put("live_view", feed::caughtUp);
        String host = settings.host();
        DashboardServer server = new DashboardServer(view, registry, checks, search)
                .start(host, settings.port(), settings.hostnames());
        return new Dashboard(feed, feedThread, server, host, search);
    }

    String url() {
        String shown = host.equals("0.0.0.0") ? "127.0.0.1" : host;
        return "http://" + shown + ":" + server.port() + "/";
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
        feed.stop();
        feedThread.join(10_000);
        search.close();
    }
}
