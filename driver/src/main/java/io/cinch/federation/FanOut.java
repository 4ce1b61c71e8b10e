package io.cinch.federation;

import io.cinch.progress.Operation;
import io.cinch.progress.Progress;
import io.cinch.sql.SqlState;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Runs one SQLite query in each selected tenant on a bounded number of workers and returns the rows in tenant order. */
public final class FanOut {
    private final TenantTable table;
    private final String sql;
    private final List<Integer> parameters;
    private final TenantPredicate tenants;
    private final RowReader reader;
    private final int guard;
    private final JavaRowFormat format;

    FanOut(TenantTable table, String sql, List<Integer> parameters, TenantPredicate tenants, RowReader reader, int guard,
            JavaRowFormat format) {
        this.guard = guard;
        this.format = format;
        this.table = table;
        this.sql = sql;
        this.parameters = List.copyOf(parameters);
        this.tenants = tenants;
        this.reader = reader;
    }

    /**
     * Called by generated code: every selected tenant's rows (the query's parameters in {@code context} may select
     * the tenants, and those in the tenant SQL are bound in each tenant), at most {@code parallelism} tenants open at once;
     * rows are Object[], or the bare value for one column, or an empty list for none (Calcite's row formats).
     */
    public Enumerable<Object> rows(DataContext context) {
        ParameterValues values = ParameterValues.of(parameters, context);
        List<TenantRef> targets = new ArrayList<>();
        for (TenantRef t : table.source.materialized()) {
            if (tenants.test(t.name(), context)) {
                targets.add(t);
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]>[] results = new List[targets.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Operation progress = Progress.start("fan_out", table.name, targets.size());
        Runnable worker = () -> {
            int i;
            while (failure.get() == null && (i = next.getAndIncrement()) < targets.size()) {
                try {
                    results[i] = read(targets.get(i), values);
                    progress.step();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        List<Future<?>> helpers = new ArrayList<>();
        int workers = Math.min(table.parallelism, targets.size());
        for (int w = 1; w < workers; w++) {
            helpers.add(table.executor.submit(worker));
        }
        worker.run();
        for (Future<?> f : helpers) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, e);
            } catch (ExecutionException e) {
                failure.compareAndSet(null, e.getCause());
            }
        }
        progress.close();
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get().getMessage(), failure.get());
        }
        List<Object> all = new ArrayList<>();
        for (List<Object[]> r : results) {
            for (Object[] row : r) {
                all.add(format == JavaRowFormat.SCALAR ? row[0] : format == JavaRowFormat.LIST ? List.of() : row);
            }
        }
        return Linq4j.asEnumerable(all);
    }

    private List<Object[]> read(TenantRef tenant, ParameterValues values) throws SQLException {
        Connection c = table.source.borrow(tenant);
        try {
            PreparedStatement ps = table.statements.get(c, sql);
            values.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    if (guard < 0 || rs.getLong(guard + 1) != 0) {
                        rows.add(reader.read(rs, tenant.name()));
                    }
                }
                return rows;
            }
        } catch (SQLException e) {
            throw SqlState.of(e, "tenant '" + tenant.name() + "' [" + sql + "]");
        } finally {
            table.source.release(tenant, c);
        }
    }

    @Override
    public String toString() {
        return sql;
    }
}
