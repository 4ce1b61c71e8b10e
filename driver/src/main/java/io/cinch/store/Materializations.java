package io.cinch.store;

import io.cinch.sql.SqlState;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs the metadata part of lazy tenants' first writes in batches: those that arrive while a batch runs wait, and one
 * of them then runs all of them in one metadata write transaction (one turn of the write lock, one commit, one move
 * of the epoch), instead of each queueing for the lock in turn.
 */
final class Materializations {

    /** The work of one first write inside the metadata's write transaction; returns the tenant as it is then. */
    @FunctionalInterface
    interface Placement {
        /** Puts the tenant's file in place and marks the tenant. */
        Tenant place(Metadata.View view) throws SQLException;
    }

    /** One first write waiting for its batch. */
    private static final class Request {
        private final Placement placement;
        private Tenant tenant;
        private SQLException error;
        private volatile boolean done;

        private Request(Placement placement) {
            this.placement = placement;
        }
    }

    private final Metadata metadata;
    private final Queue<Request> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock running = new ReentrantLock();

    Materializations(Metadata metadata) {
        this.metadata = metadata;
    }

    /**
     * Runs {@code placement} in a metadata write transaction, committed when this returns; inside a metadata write of
     * this thread, it joins that one (a batch would wait for the lock this thread holds).
     */
    Tenant run(Placement placement) throws SQLException {
        if (metadata.writing()) {
            return metadata.write(placement::place);
        }
        Request request = new Request(placement);
        waiting.add(request);
        while (!request.done) {
            running.lock();
            try {
                if (!request.done) {
                    runBatch();
                }
            } finally {
                running.unlock();
            }
        }
        if (request.error != null) {
            throw request.error;
        }
        return request.tenant;
    }

    /**
     * Takes every waiting request and runs them in one transaction; a request that fails alone (its tenant was
     * deleted, its file could not be placed) fails without the others, and a failed commit fails them all.
     */
    private void runBatch() {
        List<Request> batch = new ArrayList<>();
        for (Request r = waiting.poll(); r != null; r = waiting.poll()) {
            batch.add(r);
        }
        try {
            metadata.write(v -> {
                for (Request r : batch) {
                    try {
                        r.tenant = r.placement.place(v);
                    } catch (SQLException e) {
                        r.error = e;
                    }
                }
                return null;
            });
        } catch (SQLException | RuntimeException e) {
            SQLException failed = e instanceof SQLException s ? s
                    : SqlState.INTERNAL_ERROR.exception("materialization failed: " + e, e);
            for (Request r : batch) {
                r.tenant = null;
                r.error = failed;
            }
        } finally {
            for (Request r : batch) {
                if (r.tenant == null && r.error == null) { // an Error went by: the waiters must not wait on
                    r.error = SqlState.INTERNAL_ERROR.exception("materialization did not finish");
                }
                r.done = true;
            }
        }
    }
}
