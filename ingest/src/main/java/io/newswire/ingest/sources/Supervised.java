package io.newswire.ingest.sources;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a source's loop and starts it again if it ends by throwing: a source thread that dies on an input
 * no check caught would otherwise leave the process up with that source silently gone. Restarts are
 * counted and logged; the loop's own state (the files and feeds it knows) carries over.
 */
public final class Supervised implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Supervised.class);
    private static final Duration PAUSE = Duration.ofSeconds(1);

    private final String name;
    private final Runnable loop;
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile boolean stopped;

    public Supervised(String name, Runnable loop) {
        this.name = name;
        this.loop = loop;
    }

    @Override
    public void run() {
        while (!stopped && !Thread.currentThread().isInterrupted()) {
            try {
                loop.run();
                return; // it ended because it was stopped
            } catch (RuntimeException | StackOverflowError e) {
                LOG.error("source {} died ({} restart(s) so far); starting it again", name, restarts.incrementAndGet(), e);
                try {
                    Thread.sleep(PAUSE.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public void stop() {
        stopped = true;
    }

    /** How many times the loop was started again. */
    public int restarts() {
        return restarts.get();
    }
}
