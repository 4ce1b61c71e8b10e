package io.cinch.schema;

import io.cinch.progress.Operation;
import io.cinch.progress.Progress;
import io.cinch.sql.SqlState;
import io.cinch.store.Branch;
import io.cinch.store.Change;
import io.cinch.store.PendingChange;
import io.cinch.store.Project;
import io.cinch.store.Tenant;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tries pending changes on every materialized tenant of a branch, a page of tenants at a time on as many threads as
 * there are cores, each file opened only while it is tried; stops at the first tenant whose data breaks them, or as
 * soon as a writer has recorded that its data does.
 */
final class TenantCheck {

    private static final int PAGE = 512;

    private final Project project;
    private final Branch branch;
    private final List<Change> log;
    private final List<Change> changes;
    private final Long originId;

    TenantCheck(Project project, Branch branch, List<Change> log, List<Change> changes, Long originId) {
        this.project = project;
        this.branch = branch;
        this.log = log;
        this.changes = changes;
        this.originId = originId;
    }

    /** Tries every tenant; throws the first failure, naming its tenant. */
    void run() throws SQLException {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cinch-tenant-check");
            t.setDaemon(true);
            return t;
        });
        AtomicReference<SQLException> failed = new AtomicReference<>();
        int total = project.metadata().read(v -> v.materializedCount(branch.id()));
        try (Operation progress = Progress.start("schema_change", branch.name(), total)) {
            long from = 0;
            while (failed.get() == null) {
                long start = from;
                List<Tenant> page = project.metadata().read(v -> v.materializedTenants(branch.id(), start, PAGE));
                if (page.isEmpty()) {
                    break;
                }
                List<Callable<Void>> work = new ArrayList<>();
                for (Tenant tenant : page) {
                    if (!Objects.equals(tenant.id(), originId)) {
                        work.add(() -> {
                            if (failed.get() == null) {
                                try {
                                    project.tenantFiles().validate(tenant, log, changes);
                                } catch (SQLException e) {
                                    failed.compareAndSet(null, e);
                                }
                                progress.step();
                            }
                            return null;
                        });
                    }
                }
                for (Future<Void> f : pool.invokeAll(work)) {
                    f.get();
                }
                Optional<PendingChange> pending = project.metadata().read(v -> v.pending(branch.id()));
                if (pending.isPresent() && pending.get().failedState() != null) {
                    failed.compareAndSet(null, new SQLException(pending.get().failedMessage(), pending.get().failedState(),
                            pending.get().failedState().startsWith("23") ? 19 : 0));
                }
                from = page.get(page.size() - 1).id() + 1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SqlState.CANCELLED.exception("schema change interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (failed.get() != null) {
            throw failed.get();
        }
    }
}
