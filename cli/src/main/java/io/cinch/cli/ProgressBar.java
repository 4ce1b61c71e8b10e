package io.cinch.cli;

import io.cinch.progress.Operation;
import io.cinch.progress.ProgressListener;
import java.io.PrintWriter;
import java.time.Duration;

/** Draws the driver's progress events as one line on stderr: what runs, a bar, counts and an ETA. */
final class ProgressBar implements ProgressListener {

    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private long lastDrawn;
    private boolean drawn;

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void progress(Operation.Status s) {
        long now = System.nanoTime();
        boolean last = s.finished() || s.done() == s.total();
        if (!last && drawn && now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        int filled = s.total() == 0 ? WIDTH : (int) (WIDTH * s.done() / s.total());
        String eta = s.eta() == null || last ? "" : " ETA " + format(s.eta());
        err.print("\r\u001b[K" + s.kind() + " " + s.subject() + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled)
                + "] " + s.done() + "/" + s.total() + eta);
        err.flush();
    }

    /** Removes the bar, so that what follows starts on a clean line. */
    synchronized void clear() {
        if (drawn) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }

    private static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
