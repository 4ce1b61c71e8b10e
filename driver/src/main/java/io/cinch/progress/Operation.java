package io.cinch.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** One piece of long work in progress: what it is, how many steps it has and how many are done; close it when done. */
public final class Operation implements AutoCloseable {

    /** What an operation looks like at one moment; {@code eta} is null until a step is done. */
    public record Status(long id, String kind, String subject, long done, long total, Instant startedAt,
                         Duration eta, boolean finished) {
    }

    private final long id;
    private final String kind;
    private final String subject;
    private final long total;
    private final Instant startedAt = Instant.now();
    private final long startNanos = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private volatile boolean finished;

    Operation(long id, String kind, String subject, long total) {
        this.id = id;
        this.kind = kind;
        this.subject = subject;
        this.total = total;
    }

    /** Records one more step done (safe from any thread). */
    public void step() {
        done.incrementAndGet();
        Progress.report(this);
    }

    /** This operation as it stands. */
    public Status status() {
        long d = Math.min(done.get(), total);
        Duration eta = d == 0 ? null : Duration.ofNanos((System.nanoTime() - startNanos) / d * (total - d));
        return new Status(id, kind, subject, d, total, startedAt, eta, finished);
    }

    /** Ends the operation, whether it succeeded or not. */
    @Override
    public void close() {
        if (!finished) {
            finished = true;
            Progress.finish(this);
        }
    }

    long id() {
        return id;
    }
}
