package io.cinch.progress;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The long work running in this JVM (branch copies, cross-tenant fan-outs, work a caller announces): Java callers
 * subscribe with {@link #listen}, SQL callers poll {@code CALL cinch.list_operations()}.
 */
public final class Progress {

    private static final AtomicLong IDS = new AtomicLong();
    private static final ConcurrentHashMap<Long, Operation> RUNNING = new ConcurrentHashMap<>();
    private static final List<ProgressListener> LISTENERS = new CopyOnWriteArrayList<>();

    private Progress() {
    }

    /** Starts an operation of {@code total} steps, e.g. {@code start("create_branch", "feature", 10_000)}. */
    public static Operation start(String kind, String subject, long total) {
        Operation op = new Operation(IDS.incrementAndGet(), kind, subject, Math.max(0, total));
        RUNNING.put(op.id(), op);
        report(op);
        return op;
    }

    /** Subscribes {@code listener} to every operation of this JVM until the returned handle is closed. */
    public static AutoCloseable listen(ProgressListener listener) {
        LISTENERS.add(listener);
        return () -> LISTENERS.remove(listener);
    }

    /** The operations running now, oldest first. */
    public static List<Operation.Status> running() {
        return RUNNING.values().stream().map(Operation::status)
                .sorted(Comparator.comparingLong(Operation.Status::id)).toList();
    }

    static void report(Operation op) {
        if (!LISTENERS.isEmpty()) {
            Operation.Status status = op.status();
            LISTENERS.forEach(l -> l.progress(status));
        }
    }

    static void finish(Operation op) {
        RUNNING.remove(op.id());
        report(op);
    }
}
