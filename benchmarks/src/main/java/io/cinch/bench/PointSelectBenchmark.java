package io.cinch.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import io.cinch.store.Project;
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

/**
 * Issue 2: a point SELECT by primary key on an open connection. {@code cinch}: a PreparedStatement on a
 * {@code jdbc:cinch:} connection to a materialized tenant; {@code raw}: a PreparedStatement on a plain
 * {@code jdbc:sqlite:} connection to the same tenant file. Both connections stay open for the whole trial and look up
 * the same sequence of random keys. Target: cinch within 1.10x of raw.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(3)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class PointSelectBenchmark {

    static final String SELECT = "SELECT id, name, qty FROM items WHERE id = ?";

    /** Rows in the tenant's table. */
    @Param("10000")
    int rows;

    Path project;
    Path file;
    Connection cinch;
    Connection raw;
    PreparedStatement cinchSelect;
    PreparedStatement rawSelect;
    int[] keys;
    int next;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        project = Bench.tempDir("select");
        try (Connection admin = Bench.cinch(project)) {
            Bench.exec(admin, Bench.ITEMS);
            Bench.exec(admin, "CALL cinch.create_tenant('acme')");
        }
        cinch = Bench.cinch(project, "tenant=acme");
        Bench.fillItems(cinch, rows);
        List<Path> files = Bench.tenantFiles(project);
        if (files.size() != 1) {
            throw new IllegalStateException("expected one tenant file, found " + files);
        }
        file = files.get(0);
        raw = Bench.raw(file);
        if (!Bench.value(raw, "SELECT count(*) FROM items").equals(Integer.toString(rows))) {
            throw new IllegalStateException(file + " is not acme's file");
        }
        cinchSelect = cinch.prepareStatement(SELECT);
        rawSelect = raw.prepareStatement(SELECT);
        SplittableRandom random = new SplittableRandom(42);
        keys = new int[1 << 16];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = 1 + random.nextInt(rows);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {cinchSelect, rawSelect, cinch, raw}) {
            if (c != null) {
                c.close();
            }
        }
        Project.closeUnused();
        Bench.deleteTree(project);
    }

    int nextKey() {
        return keys[next++ & (keys.length - 1)];
    }

    static long select(PreparedStatement ps, int key) throws SQLException {
        ps.setInt(1, key);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("no row " + key);
            }
            return rs.getLong(1) + rs.getString(2).length() + rs.getInt(3);
        }
    }

    @Benchmark
    public long cinch() throws SQLException {
        return select(cinchSelect, nextKey());
    }

    @Benchmark
    public long raw() throws SQLException {
        return select(rawSelect, nextKey());
    }
}
