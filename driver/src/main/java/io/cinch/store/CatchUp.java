package io.cinch.store;

import io.cinch.progress.Operation;
import io.cinch.progress.Progress;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.sqlite.SQLiteConnection;

/**
 * Brings a branch's materialized files up to its schema in the background after a change, so that no request pays
 * for it: tenants in id order, a batch at a time, on every core while no connection runs statements and on one
 * while some do, each file in its own short transaction. How far it got is kept in the metadata, so the work
 * survives restarts and any process resumes it.
 */
public final class CatchUp {

    private static final int BATCH = 256;
    /** How long after a connection's statement started the catch-up keeps to one worker. */
    private static final long QUIET_NANOS = 200_000_000L;
    private static final System.Logger LOG = System.getLogger(CatchUp.class.getName());
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Project project;
    private final ExecutorService coordinator = Executors.newCachedThreadPool(CatchUp::daemon);
    /**
     * One worker per core, of which all but one wait while connections run statements, so that requests keep the
     * other cores: measured, two workers on two cores cost readers 3.5x.
     */
    private final ExecutorService workers = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), CatchUp::daemon);
    private final AtomicInteger bringing = new AtomicInteger();
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;
    private volatile long lastStatement = System.nanoTime() - QUIET_NANOS;

    CatchUp(Project project) {
        this.project = project;
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "cinch-catch-up-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    }

    /** Notes that a connection's statement starts now: for a moment the catch-up keeps to one core. */
    public void foreground() {
        lastStatement = System.nanoTime();
    }

    /** Starts bringing the tenants of {@code branch} up to {@code version}, from the first. */
    public void schedule(Branch branch, int version) throws SQLException {
        project.metadata().write(v -> {
            v.catchUp(branch.id(), version, 0L);
            return null;
        });
        start(branch.id());
    }

    /** Resumes the work that the metadata says is unfinished (after a restart, or another process's). */
    void resume() throws SQLException {
        for (long branchId : project.metadata().read(Metadata.View::catchUps).keySet()) {
            start(branchId);
        }
    }

    /** Waits until no catch-up runs in this process, up to {@code timeoutMs}; says whether it is idle. */
    public boolean awaitIdle(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!running.isEmpty()) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** Stops the work and waits a little for the file being brought up to be done, so that no file is written after. */
    void stop() {
        stopped = true;
        coordinator.shutdownNow();
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
            coordinator.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void start(long branchId) {
        if (!stopped && running.add(branchId)) {
            coordinator.execute(() -> {
                try {
                    run(branchId);
                } catch (SQLException | RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "background catch-up of branch " + branchId + " stopped", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    running.remove(branchId);
                }
            });
        }
    }

    private void run(long branchId) throws SQLException, InterruptedException {
        int total = project.metadata().read(v -> v.materializedCount(branchId));
        try (Operation progress = Progress.start("catch_up", "branch " + branchId, total)) {
            run(branchId, progress);
        }
    }

    private void run(long branchId, Operation progress) throws SQLException, InterruptedException {
        while (!stopped) {
            long[] row = project.metadata().read(v -> v.catchUps().get(branchId));
            if (row == null) {
                return;
            }
            int version = (int) row[0];
            Optional<Branch> branch = project.branch(branchId);
            if (branch.isEmpty()) {
                project.metadata().write(v -> {
                    v.catchUp(branchId, Integer.MAX_VALUE, null);
                    return null;
                });
                return;
            }
            List<Tenant> batch = project.metadata().read(v -> v.materializedTenants(branchId, row[1], BATCH));
            List<Callable<Void>> work = new ArrayList<>();
            for (Tenant tenant : batch) {
                work.add(() -> {
                    awaitTurn();
                    try {
                        bring(tenant, branch.get());
                    } finally {
                        bringing.decrementAndGet();
                        progress.step();
                    }
                    return null;
                });
            }
            for (Future<Void> done : workers.invokeAll(work)) {
                try {
                    done.get();
                } catch (ExecutionException e) {
                    // a file that cannot be brought up now catches up when it is next opened
                    LOG.log(System.Logger.Level.DEBUG, "background catch-up of one file failed", e.getCause());
                }
            }
            Long next = batch.size() < BATCH ? null : batch.get(batch.size() - 1).id() + 1;
            project.metadata().write(v -> {
                Map<Long, long[]> now = v.catchUps();
                long[] current = now.get(branchId);
                if (current != null && current[0] == version && current[1] == row[1]) {
                    v.catchUp(branchId, version, next);
                }
                return null;
            });
        }
    }

    /** Waits until this worker may bring a file up: the first always may, the others while no statement runs. */
    private void awaitTurn() throws InterruptedException {
        while (bringing.incrementAndGet() > 1 && System.nanoTime() - lastStatement < QUIET_NANOS) {
            bringing.decrementAndGet();
            Thread.sleep(QUIET_NANOS / 4_000_000);
        }
    }

    /**
     * Brings one tenant's file up to the branch's log, through its idle pooled connection if it has one; a file this
     * process knows is there already (one materialized after the change, or opened since) is left alone, since a
     * connection of the catch-up's own to a file whose pooled connection is lent would cost that connection.
     */
    private void bring(Tenant tenant, Branch branch) throws SQLException {
        Path file = project.layout().tenant(tenant);
        List<Change> log = project.changes(branch);
        if (project.knownVersion(file) == log.size()) {
            return;
        }
        Handle idle = project.files().borrowIdle(file);
        if (idle != null) {
            try {
                project.tenantFiles().catchUp(idle, branch);
            } finally {
                project.files().release(idle);
            }
            return;
        }
        try (SQLiteConnection c = TenantFiles.writable(file)) {
            if (TenantFiles.userVersion(c) < log.size()) {
                TenantFiles.catchUp(c, log, file);
            }
        } finally {
            project.files().closeIdle(file);
        }
    }
}
