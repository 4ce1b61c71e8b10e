package io.cinch.bench;

import io.cinch.store.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 2: creating tenants. {@code cinch}: {@code CALL cinch.create_tenant(?)} with a new name each time, on one open
 * connection, into a branch that has a table (the tenant is lazy: one metadata row, no file). {@code raw}: what a
 * program without cinch does to create a tenant: a new SQLite file (WAL) with the same table, sharded 256 per
 * directory. Throughput in operations per second. Target: cinch >= 5,000/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CreateTenantBenchmark {

    @State(Scope.Benchmark)
    public static class CinchProject {
        Path project;
        Connection connection;
        PreparedStatement create;
        int next;

        @Setup(Level.Trial)
        public void setup() throws Exception {
            project = Bench.tempDir("create-tenant");
            connection = Bench.cinch(project);
            Bench.exec(connection, Bench.ITEMS);
            create = connection.prepareStatement("CALL cinch.create_tenant(?)");
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            Bench.note("cinch: %d tenants created in this fork", next);
            create.close();
            connection.close();
            Project.closeUnused();
            Bench.deleteTree(project);
        }
    }

    @State(Scope.Benchmark)
    public static class RawDirectory {
        Path root;
        int next;

        @Setup(Level.Trial)
        public void setup() throws Exception {
            root = Bench.tempDir("create-tenant-raw");
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            Bench.note("raw: %d tenant files created in this fork", next);
            Bench.deleteTree(root);
        }
    }

    @Benchmark
    public String cinch(CinchProject s) throws SQLException {
        s.create.setString(1, "tenant-" + s.next++);
        try (ResultSet rs = s.create.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Benchmark
    public Path raw(RawDirectory s) throws Exception {
        int id = s.next++;
        Path dir = s.root.resolve(Integer.toString(id / 256));
        if (id % 256 == 0) {
            Files.createDirectories(dir);
        }
        Path file = dir.resolve(id + ".db");
        try (Connection c = Bench.raw(file)) {
            Bench.exec(c, "PRAGMA journal_mode=WAL");
            Bench.exec(c, Bench.ITEMS);
        }
        return file;
    }
}
