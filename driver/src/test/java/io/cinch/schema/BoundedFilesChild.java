package io.cinch.schema;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The child JVM of {@link BoundedFilesTest}, started under a low {@code ulimit -n}: creates materialized tenants and
 * runs data-dependent schema changes on them, printing "ok &lt;step&gt;" or "failed &lt;step&gt; &lt;state&gt;
 * &lt;message&gt;" for each and finally "fds baseline=&lt;n&gt; peak=&lt;n&gt; handles=&lt;bound&gt;", the peak of
 * its open file descriptors sampled by a thread.
 *
 * <p>Arguments: the project directory and the number of tenants.
 */
public final class BoundedFilesChild {

    private BoundedFilesChild() {
    }

    private static Statement s;
    private static Connection c;
    private static final AtomicInteger peak = new AtomicInteger();

    /** Runs the steps and exits. */
    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]);
        int tenants = Integer.parseInt(args[1]);
        c = DriverManager.getConnection("jdbc:cinch:" + project);
        s = c.createStatement();
        int baseline = openFds();
        peak.set(baseline);
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                peak.accumulateAndGet(openFds(), Math::max);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();

        s.execute("CREATE TABLE items(id INTEGER PRIMARY KEY, code TEXT, v TEXT)");
        s.execute("CREATE TABLE parent(id INTEGER PRIMARY KEY)");
        for (int t = 0; t < tenants; t++) {
            s.execute("CALL cinch.create_tenant('t" + t + "')");
            s.execute("INSERT INTO t" + t + ".items(code, v) VALUES ('c', 'x')");
        }
        int materialized = 0;
        try (ResultSet rs = s.executeQuery("CALL cinch.list_tenants()")) {
            while (rs.next()) {
                materialized += rs.getBoolean("materialized") ? 1 : 0;
            }
        }
        System.out.println("materialized " + materialized);
        System.out.println("setup peak=" + peak.get());

        step("unique", "CREATE UNIQUE INDEX ux_code ON items(code)");
        int dup = tenants * 2 / 3;
        s.execute("INSERT INTO t" + dup + ".items(code, v) VALUES ('c2', 'x')");
        int logBefore = logSize();
        step("duplicate", "CREATE UNIQUE INDEX ux_v ON items(v)");
        System.out.println("log unchanged " + (logSize() == logBefore));
        System.out.println("tenants with ux_v " + tenantsWith("ux_v", tenants));
        s.execute("DELETE FROM t" + dup + ".items WHERE code = 'c2'");
        step("check", "ALTER TABLE items ADD COLUMN qty INTEGER NOT NULL DEFAULT 1 CHECK (qty > 0)");
        step("references", "ALTER TABLE items ADD COLUMN parent_id INTEGER REFERENCES parent(id)");
        step("as-select", "CREATE TABLE snapshot AS SELECT id, code FROM items");
        s.execute("INSERT INTO t" + dup + ".parent(id) VALUES (1)");
        s.execute("UPDATE t" + dup + ".items SET parent_id = 1");
        step("drop-referenced", "DROP TABLE parent");
        s.execute("UPDATE t" + dup + ".items SET parent_id = NULL");
        s.execute("DELETE FROM t" + dup + ".parent");
        step("strict", "CREATE TABLE typed(id INTEGER PRIMARY KEY, n INTEGER NOT NULL) STRICT");
        s.execute("CALL cinch.create_branch('feature', 'main')");
        try (Connection f = DriverManager.getConnection("jdbc:cinch:" + project + "?branch=feature");
             Statement fs = f.createStatement()) {
            fs.execute("CREATE UNIQUE INDEX ux_code_v ON items(code, v)");
            step(fs, "merge", "CALL cinch.merge_into_main()");
        }
        System.out.println("tenants with ux_code_v " + tenantsWith("ux_code_v", tenants));
        done.set(true);
        sampler.join();
        System.out.println("fds baseline=" + baseline + " peak=" + peak.get() + " handles=" + handles());
        c.close();
    }

    private static void step(String name, String sql) {
        step(s, name, sql);
    }

    private static void step(Statement on, String name, String sql) {
        try {
            on.execute(sql);
            System.out.println("ok " + name + " peak=" + peak.get());
        } catch (SQLException e) {
            System.out.println("failed " + name + " peak=" + peak.get() + " " + e.getSQLState() + " " + e.getMessage().replace('\n', ' '));
        }
    }

    private static int logSize() throws SQLException {
        int n = 0;
        try (ResultSet rs = s.executeQuery("CALL cinch.list_changes()")) {
            while (rs.next()) {
                n++;
            }
        }
        return n;
    }

    /** How many tenants' schemas hold the object {@code name}. */
    private static int tenantsWith(String name, int tenants) throws SQLException {
        int n = 0;
        for (int t = 0; t < tenants; t++) {
            c.setSchema("t" + t);
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = '" + name + "'")) {
                rs.next();
                n += rs.getInt(1);
            }
        }
        c.setSchema("main");
        return n;
    }

    /** The handle cache's bound as the driver computes it from this process's open-file limit. */
    private static long handles() {
        long limit = ((com.sun.management.UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getMaxFileDescriptorCount();
        return Math.max(64, Math.min(4096, limit / 8));
    }

    private static int openFds() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? 0 : fds.length;
    }
}
