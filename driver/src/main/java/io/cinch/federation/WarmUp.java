package io.cinch.federation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Once per JVM, on a background thread, plans and runs a representative query over an empty branch held in memory,
 * so that a first real {@code tenant=*} query finds Calcite's classes loaded and initialized. Off with
 * {@code -Dcinch.warmUp=false}.
 */
final class WarmUp implements TenantSource {
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final String QUERY = "SELECT b, count(*), sum(a), total(c), ifnull(max(b), '') || 'x', substr(min(b), 1, 2) "
            + "FROM warm_up WHERE a > 1 AND b LIKE 'x%' AND date(d) >= date('now', '-7 days') AND _tenant IN ('t1', 't2') "
            + "GROUP BY b ORDER BY 2 DESC LIMIT 10";

    private WarmUp() {
    }

    /** Starts the warm-up unless it has started before or is switched off. */
    static void start() {
        if (!Boolean.parseBoolean(System.getProperty("cinch.warmUp", "true")) || !STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(WarmUp::run, "cinch-tenant-star-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run() {
        try (Connection engine = Federation.connect(new WarmUp());
             PreparedStatement ps = Federation.prepare(engine, QUERY);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rs.getObject(1);
            }
        } catch (SQLException | RuntimeException e) {
            // only a head start: the first real query does whatever did not happen here
        }
    }

    @Override
    public List<TenantRef> tenants() {
        return List.of();
    }

    @Override
    public List<TenantRef> materialized() {
        return List.of();
    }

    @Override
    public Map<String, List<ColumnDef>> tables() {
        return Map.of("warm_up", List.of(new ColumnDef("a", "INTEGER"), new ColumnDef("b", "TEXT"),
                new ColumnDef("c", "REAL"), new ColumnDef("d", "TEXT")));
    }

    @Override
    public Connection borrow(TenantRef tenant) throws SQLException {
        throw new SQLException("the warm-up branch has no tenant files");
    }

    @Override
    public void release(TenantRef tenant, Connection connection) {
        // nothing borrowed
    }

    @Override
    public List<Object[]> branches() {
        return List.of();
    }

    @Override
    public List<Object[]> changes() {
        return List.of();
    }

    @Override
    public List<Object[]> databases() {
        return List.of();
    }
}
