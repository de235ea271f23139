package io.newswire.ingest.sources;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress display for long batch ingests: articles, articles/s and errors, redrawn at most
 * once a second on a terminal; silent when output goes to a file or a pipe (logs stay clean).
 */
public final class Progress {

    private static final long REDRAW_NANOS = 1_000_000_000L;
    private static final Progress SILENT = new Progress(null);

    private final PrintStream out;
    private final long started = System.nanoTime();
    private long lastDrawn;

    Progress(PrintStream out) {
        this.out = out;
    }

    /** Draws nothing: for measurements and tests. */
    public static Progress silent() {
        return SILENT;
    }

    /** Draws on stderr when the process has a terminal, otherwise does nothing. */
    public static Progress onTerminal() {
        return System.console() != null ? new Progress(System.err) : SILENT;
    }

    void update(int articles, int errors) {
        long now = System.nanoTime();
        if (out == null || now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        out.print("\r" + line(articles, errors, now));
        out.flush();
    }

    void done(int articles, int errors) {
        if (out != null && lastDrawn != 0) {
            out.println("\r" + line(articles, errors, System.nanoTime()));
        }
    }

    private String line(int articles, int errors, long now) {
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        return String.format(Locale.ROOT, "ingest: %d articles, %.0f articles/s, %d errors   ", articles,
                articles / seconds, errors);
    }
}
