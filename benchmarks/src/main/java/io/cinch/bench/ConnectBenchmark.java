package io.cinch.bench;

import io.cinch.store.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sqlite.SQLiteConfig;

/**
 * Issue 2: getConnection + one point SELECT + close, on recently used tenants. {@code cinch}:
 * {@code DriverManager.getConnection("jdbc:cinch:<dir>?tenant=t<i>")}; {@code raw}:
 * {@code DriverManager.getConnection("jdbc:sqlite:<a copy of that tenant's file>")}, plain (a copy, so that
 * cinch's open handles to the tenant's own file do not change what raw pays); {@code rawConfigured}: the same
 * with the settings cinch guarantees (WAL, foreign keys, busy timeout, synchronous=NORMAL), i.e. what a program
 * without cinch would have to do to get them. Each operation moves to the next of {@code tenants} tenants
 * (round robin), all used in setup and within cinch's idle-file cache. Target: cinch at least 10x faster
 * than raw.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(3)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class ConnectBenchmark {

    /** How many recently used tenants the operations go round. */
    @Param({"1", "100"})
    int tenants;

    /** Rows in each tenant's table. */
    @Param("1000")
    int rows;

    Path project;
    String[] cinchUrls;
    Path plain;
    String[] rawUrls;
    SQLiteConfig configured;
    int next;
    int[] keys;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        project = Bench.tempDir("connect");
        try (Connection admin = Bench.cinch(project)) {
            Bench.exec(admin, Bench.ITEMS);
            Bench.createTenants(admin, "t", 0, tenants);
        }
        cinchUrls = new String[tenants];
        for (int i = 0; i < tenants; i++) {
            cinchUrls[i] = Bench.url(project, "tenant=t" + i);
            try (Connection c = DriverManager.getConnection(cinchUrls[i])) {
                Bench.fillItems(c, rows);
            }
        }
        List<Path> files = Bench.tenantFiles(project);
        if (files.size() != tenants) {
            throw new IllegalStateException("expected " + tenants + " tenant files, found " + files.size());
        }
        Project.closeUnused(); // closing the last connection to a file checkpoints it: the file alone holds its rows
        plain = Bench.tempDir("connect-plain");
        rawUrls = new String[files.size()];
        for (int i = 0; i < files.size(); i++) {
            Path copy = plain.resolve(i + ".db");
            Files.copy(files.get(i), copy);
            rawUrls[i] = "jdbc:sqlite:" + copy;
        }
        configured = new SQLiteConfig();
        configured.setJournalMode(SQLiteConfig.JournalMode.WAL);
        configured.enforceForeignKeys(true);
        configured.setBusyTimeout(10_000);
        configured.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        keys = new int[1024];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = 1 + (i * 7919) % rows;
        }
        // use every tenant once more, so that all are "recently used"
        for (int i = 0; i < tenants; i++) {
            cinch();
            raw();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Project.closeUnused();
        Bench.deleteTree(project);
        Bench.deleteTree(plain);
    }

    private int advance() {
        int i = next++;
        if (next == Integer.MAX_VALUE) {
            next = 0;
        }
        return i;
    }

    private long selectAndClose(Connection c, int i) throws SQLException {
        try (c; PreparedStatement ps = c.prepareStatement(PointSelectBenchmark.SELECT)) {
            return PointSelectBenchmark.select(ps, keys[i & (keys.length - 1)]);
        }
    }

    @Benchmark
    public long cinch() throws SQLException {
        int i = advance();
        return selectAndClose(DriverManager.getConnection(cinchUrls[i % tenants]), i);
    }

    @Benchmark
    public long raw() throws SQLException {
        int i = advance();
        return selectAndClose(DriverManager.getConnection(rawUrls[i % tenants]), i);
    }

    @Benchmark
    public long rawConfigured() throws SQLException {
        int i = advance();
        return selectAndClose(configured.createConnection(rawUrls[i % tenants]), i);
    }
}
