package io.cinch.jdbc;

import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static io.cinch.Projects.url;
import static io.cinch.Projects.value;
import static io.cinch.jdbc.Check.failsSomehow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.cinch.store.Project;
import java.io.BufferedReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many threads, a connection pool and a second JVM on one project (notes/jdbc-clients.md, "Locking"). */
class ConcurrencyTest {

    @TempDir
    Path dir;
    Path pm;

    @BeforeEach
    void project() throws Exception {
        pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)");
        }
    }

    /** A body run by each of several threads started together. */
    interface Worker {
        void run(int thread) throws Exception;
    }

    /** Runs {@code worker} on {@code threads} real threads at once and fails with every error any of them met. */
    static void together(int threads, Worker worker) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        List<Thread> all = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int n = i;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    worker.run(n);
                } catch (Throwable e) {
                    errors.add(e);
                }
            }, "worker-" + i);
            t.start();
            all.add(t);
        }
        for (Thread t : all) {
            t.join();
        }
        if (!errors.isEmpty()) {
            AssertionError failure = new AssertionError(errors.size() + " worker(s) failed, first: " + errors.peek());
            errors.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    @Test
    void manyThreadsOpeningConnectionsToManyTenantsLoseNoRow() throws Exception {
        int threads = 8;
        int tenants = 10;
        int rounds = 4;
        try (Connection c = open(pm)) {
            for (int i = 0; i < tenants; i++) {
                run(c, "CALL cinch.create_tenant('shared" + i + "')");
            }
        }
        together(threads, thread -> {
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < tenants; i++) {
                    try (Connection c = open(pm, "tenant=shared" + i);
                         PreparedStatement ps = c.prepareStatement("INSERT INTO t(v) VALUES (?)")) {
                        ps.setString(1, "thread" + thread + "-round" + round);
                        assertEquals(1, ps.executeUpdate());
                    }
                }
                try (Connection c = open(pm)) {
                    String own = "own" + thread + "x" + round;
                    run(c, "CALL cinch.create_tenant('" + own + "')");
                    c.setSchema(own);
                    run(c, "INSERT INTO t(v) VALUES ('" + own + "')");
                }
            }
        });
        try (Connection c = open(pm)) {
            for (int i = 0; i < tenants; i++) {
                c.setSchema("shared" + i);
                Set<String> expected = new HashSet<>();
                for (int thread = 0; thread < threads; thread++) {
                    for (int round = 0; round < rounds; round++) {
                        expected.add("thread" + thread + "-round" + round);
                    }
                }
                assertEquals(expected, new HashSet<>(rows(c, "SELECT v FROM t")), "tenant shared" + i);
            }
            for (int thread = 0; thread < threads; thread++) {
                for (int round = 0; round < rounds; round++) {
                    String own = "own" + thread + "x" + round;
                    c.setSchema(own);
                    assertEquals(own, value(c, "SELECT v FROM t"));
                }
            }
        }
    }

    @Test
    void threadsSharingOneTenantWithTransactionsLoseNoRow() throws Exception {
        int threads = 6;
        int transactions = 30;
        together(threads, thread -> {
            try (Connection c = open(pm, "tenant=main"); Statement s = c.createStatement()) {
                for (int i = 0; i < transactions; i++) {
                    c.setAutoCommit(false);
                    s.executeUpdate("INSERT INTO t(v) VALUES ('" + thread + "-" + i + "-a')");
                    s.executeUpdate("INSERT INTO t(v) VALUES ('" + thread + "-" + i + "-b')");
                    c.commit();
                    c.setAutoCommit(true);
                    assertEquals("1", value(c, "SELECT count(*) FROM t WHERE v = '" + thread + "-" + i + "-b'"));
                }
            }
        });
        try (Connection c = open(pm)) {
            assertEquals(String.valueOf(threads * transactions * 2), value(c, "SELECT count(*) FROM t"));
        }
    }

    @Test
    void threadsSwitchingTenantsOnLongLivedConnectionsSeeOnlyTheirTenant() throws Exception {
        int threads = 6;
        try (Connection c = open(pm)) {
            for (int i = 0; i < threads; i++) {
                run(c, "CALL cinch.create_tenant('tenant" + i + "')");
            }
        }
        together(threads, thread -> {
            try (Connection c = open(pm)) {
                for (int i = 0; i < 60; i++) {
                    String tenant = "tenant" + ((thread + i) % threads);
                    c.setSchema(tenant);
                    run(c, "INSERT INTO t(v) VALUES ('" + tenant + ":" + thread + ":" + i + "')");
                    for (String v : rows(c, "SELECT v FROM t")) {
                        assertTrue(v.startsWith(tenant + ":"), () -> tenant + " sees " + v);
                    }
                }
            }
        });
        try (Connection c = open(pm)) {
            for (int i = 0; i < threads; i++) {
                assertEquals(String.valueOf(60), value(c, "SELECT count(*) FROM tenant" + i + ".t"));
            }
        }
    }

    private HikariDataSource pool(boolean readOnly) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url(pm));
        config.setDriverClassName(CinchDriver.class.getName());
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setReadOnly(readOnly);
        config.setCatalog("main");
        config.setSchema("main");
        config.setTransactionIsolation("TRANSACTION_SERIALIZABLE");
        config.setPoolName("cinch-test-" + (readOnly ? "ro" : "rw"));
        return new HikariDataSource(config);
    }

    @Test
    void hikariPoolServesThreadsAndResetsTheTenant() throws Exception {
        int tenants = 5;
        try (Connection c = open(pm)) {
            for (int i = 0; i < tenants; i++) {
                run(c, "CALL cinch.create_tenant('pooled" + i + "')");
            }
        }
        try (HikariDataSource ds = pool(false)) {
            together(8, thread -> {
                for (int i = 0; i < 25; i++) {
                    try (Connection c = ds.getConnection()) {
                        assertTrue(c.isValid(1));
                        assertEquals("main", c.getSchema(), "the pool hands out connections on its own tenant");
                        assertEquals("main", c.getCatalog());
                        assertEquals(Connection.TRANSACTION_SERIALIZABLE, c.getTransactionIsolation());
                        String tenant = "pooled" + (i % tenants);
                        c.setSchema(tenant);
                        c.setAutoCommit(false);
                        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t(v) VALUES (?)")) {
                            ps.setString(1, tenant + "/" + thread + "/" + i);
                            ps.executeUpdate();
                        }
                        if (i % 7 == 6) {
                            c.rollback();
                        } else {
                            c.commit();
                        }
                    }
                }
            });
            try (Connection c = ds.getConnection()) {
                assertEquals("main", c.getSchema());
                assertEquals("0", value(c, "SELECT count(*) FROM t"));
                for (int i = 0; i < tenants; i++) {
                    int tenant = i;
                    long committed = IntStream.range(0, 25).filter(n -> n % tenants == tenant && n % 7 != 6).count();
                    List<String> values = rows(c, "SELECT v FROM pooled" + i + ".t");
                    assertEquals(8 * committed, values.size(), "tenant pooled" + i + ": " + values);
                    for (String v : values) {
                        assertTrue(v.startsWith("pooled" + i + "/"), v);
                    }
                }
            }
        }
    }

    @Test
    void readOnlyHikariPoolReadsButCannotWrite() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "INSERT INTO t(v) VALUES ('existing')");
        }
        try (HikariDataSource ds = pool(true); Connection c = ds.getConnection()) {
            assertTrue(c.isReadOnly());
            assertTrue(c.isValid(1));
            assertEquals(List.of("existing"), rows(c, "SELECT v FROM t"));
            failsSomehow(() -> run(c, "INSERT INTO t(v) VALUES ('refused')"));
            c.setNetworkTimeout(Runnable::run, 1000);
            assertEquals(1000, c.getNetworkTimeout());
            c.clearWarnings();
        }
        try (Connection c = open(pm)) {
            assertEquals(List.of("existing"), rows(c, "SELECT v FROM t"));
        }
    }

    @Test
    void twoJvmsWritingTheSameTenantLoseNoRow() throws Exception {
        int rows = 300;
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('shared')");
        }
        Process child = ChildJvm.start(null, List.of(), "write", url(pm, "tenant=shared"), "child", String.valueOf(rows));
        BufferedReader out = ChildJvm.output(child);
        try {
            ChildJvm.readLine(out, "ready");
            try (Connection c = open(pm, "tenant=shared");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO t(v) VALUES (?)")) {
                OutputStream go = child.getOutputStream();
                go.write("go\n".getBytes(StandardCharsets.UTF_8));
                go.flush();
                for (int i = 0; i < rows; i++) {
                    if (i % 10 == 9) {
                        c.setAutoCommit(false);
                        insert.setString(1, "parent-" + i);
                        insert.executeUpdate();
                        run(c, "UPDATE t SET v = v WHERE v = 'parent-" + i + "'");
                        c.commit();
                        c.setAutoCommit(true);
                    } else {
                        insert.setString(1, "parent-" + i);
                        insert.executeUpdate();
                    }
                    if (i % 50 == 0) {
                        run(c, "CALL cinch.create_tenant('made_by_parent_" + i + "')");
                    }
                }
            }
            String rest = ChildJvm.finish(child, out);
            assertTrue(rest.contains("done"), rest);
        } finally {
            child.destroyForcibly();
        }
        try (Connection c = open(pm, "tenant=shared")) {
            Set<String> expected = IntStream.range(0, rows).boxed()
                    .flatMap(i -> java.util.stream.Stream.of("parent-" + i, "child-" + i)).collect(Collectors.toSet());
            assertEquals(expected, new HashSet<>(rows(c, "SELECT v FROM t")));
            assertEquals("ok", value(c, "PRAGMA integrity_check"));
        }
    }

    @Test
    void firstWritesToTheSameLazyTenantsFromTwoJvmsAndThreadsLoseNoRow() throws Exception {
        int tenants = 60;
        try (Connection c = open(dir.resolve("fw"))) {
            run(c, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
            for (int i = 0; i < tenants; i++) {
                run(c, "CALL cinch.create_tenant('lazy" + i + "')");
            }
        }
        Path fw = dir.resolve("fw");
        Process child = ChildJvm.start(null, List.of(), "firstwrites", url(fw), "child", String.valueOf(tenants));
        BufferedReader out = ChildJvm.output(child);
        try {
            ChildJvm.readLine(out, "ready");
            child.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
            child.getOutputStream().flush();
            together(3, thread -> {
                try (Connection c = open(fw); Statement s = c.createStatement()) {
                    for (int i = 0; i < tenants; i++) {
                        c.setSchema("lazy" + i);
                        s.executeUpdate("INSERT INTO t(v) VALUES ('thread" + thread + "')");
                    }
                }
            });
            String rest = ChildJvm.finish(child, out);
            assertTrue(rest.contains("done"), rest);
        } finally {
            child.destroyForcibly();
        }
        try (Connection c = open(fw)) {
            for (int i = 0; i < tenants; i++) {
                c.setSchema("lazy" + i);
                assertEquals(List.of("child", "thread0", "thread1", "thread2"), rows(c, "SELECT v FROM t ORDER BY v"),
                        "tenant lazy" + i);
                assertEquals("ok", value(c, "PRAGMA integrity_check"));
            }
            assertEquals(tenants, rows(c, "CALL cinch.list_tenants()").stream().filter(r -> r.contains("|true")).count(),
                    "every lazy tenant was materialized, and no spare shows as a tenant");
        }
    }

    @Test
    void connectionOnALazyTenantSeesRowsAnotherJvmWroteAndAddsToThem() throws Exception {
        try (Connection admin = open(pm)) {
            run(admin, "CALL cinch.create_tenant('shared')");
        }
        try (Connection c = open(pm, "tenant=shared")) {
            assertEquals(List.of(), rows(c, "SELECT v FROM t"));
            Process child = ChildJvm.start(null, List.of(), "write", url(pm, "tenant=shared"), "child", "20");
            try {
                BufferedReader out = ChildJvm.output(child);
                ChildJvm.readLine(out, "ready");
                child.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
                child.getOutputStream().flush();
                ChildJvm.finish(child, out);
            } finally {
                child.destroyForcibly();
            }
            assertEquals("20", value(c, "SELECT count(*) FROM t"), "the open connection sees the other JVM's rows");
            run(c, "INSERT INTO t(v) VALUES ('parent')");
            assertEquals("21", value(c, "SELECT count(*) FROM t"));
        }
        try (Connection c = open(pm, "tenant=shared")) {
            assertEquals("21", value(c, "SELECT count(*) FROM t"));
        }
    }

    @Test
    void idleConnectionCacheIsBoundedInAnotherJvm() throws Exception {
        int tenants = 400;
        int idle = 16;
        Process child = ChildJvm.start(null, List.of("-Dcinch.idleFiles=" + idle), "touch", url(dir.resolve("touched")),
                String.valueOf(tenants));
        String out = ChildJvm.finish(child);
        long materialized = Long.parseLong(line(out, "materialized="));
        long open = Long.parseLong(line(out, "dbfds="));
        assertEquals(tenants, materialized, out);
        // the metadata (two connections), the template, the connection's own tenant, and at most `idle` idle files
        assertTrue(open <= idle + 6, () -> open + " descriptors on .db files are open after touching " + tenants + " tenants");
    }

    @Test
    void idleConnectionCacheIsBoundedInThisJvm() throws Exception {
        int tenants = 300;
        Path bounded = dir.resolve("bounded");
        System.setProperty("cinch.idleFiles", "64");
        try (Connection c = open(bounded); Statement s = c.createStatement()) {
            System.clearProperty("cinch.idleFiles");
            s.execute("CREATE TABLE t(v TEXT)");
            for (int i = 0; i < tenants; i++) {
                s.execute("CALL cinch.create_tenant('t" + i + "')");
                s.executeUpdate("INSERT INTO t" + i + ".t(v) VALUES ('x')");
                try (Connection own = open(bounded, "tenant=t" + i)) {
                    assertEquals("x", value(own, "SELECT v FROM t"));
                }
            }
        } finally {
            System.clearProperty("cinch.idleFiles");
        }
        Project project = Project.acquire(bounded, false, "main");
        try {
            long idle = project.files().idleCount();
            assertTrue(idle > 0 && idle <= 64, () -> idle + " idle files after touching " + tenants + " tenants");
        } finally {
            project.release();
        }
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " in:\n" + out));
    }

    @Test
    void poolOfConnectionsPerTenantAllSeeEachOthersCommits() throws Exception {
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                connections.add(open(pm, "tenant=main"));
            }
            for (int i = 0; i < connections.size(); i++) {
                run(connections.get(i), "INSERT INTO t(v) VALUES ('from " + i + "')");
                for (Connection other : connections) {
                    assertEquals(String.valueOf(i + 1), value(other, "SELECT count(*) FROM t"));
                }
            }
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
        try (Connection c = open(pm); ResultSet rs = c.createStatement().executeQuery("CALL cinch.list_tenants()")) {
            assertTrue(rs.next());
        }
    }
}
