package io.cinch.bench;

import io.cinch.store.Project;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

/**
 * Issue 2: {@code CALL cinch.list_tenants()} over a branch of {@code tenants} lazy tenants, reading every row
 * (name, created_at, materialized, size_bytes). {@code raw}: listing a directory of one file per tenant, sharded 256
 * per directory, with each file's size and creation time (empty placeholder files: creating 100,000 real SQLite files
 * in setup would take minutes, and a listing only reads directory entries and attributes). Setup creates the
 * tenants with create_tenant calls on one connection and reports how long that took. Target: cinch < 1 s at 100,000.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class ListTenantsBenchmark {

    /** Tenants in the branch (besides main). */
    @Param("100000")
    int tenants;

    @State(Scope.Benchmark)
    public static class CinchProject {
        Path project;
        Connection connection;

        @Setup(Level.Trial)
        public void setup(ListTenantsBenchmark sizes) throws Exception {
            project = Bench.tempDir("list");
            connection = Bench.cinch(project);
            Bench.exec(connection, Bench.ITEMS);
            long start = System.nanoTime();
            Bench.createTenants(connection, "tenant-", 0, sizes.tenants);
            double seconds = (System.nanoTime() - start) / 1e9;
            Bench.note("setup: %d create_tenant calls took %.1f s (%.0f/s)", sizes.tenants, seconds, sizes.tenants / seconds);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            connection.close();
            Project.closeUnused();
            Bench.deleteTree(project);
        }
    }

    @State(Scope.Benchmark)
    public static class RawDirectory {
        Path root;

        @Setup(Level.Trial)
        public void setup(ListTenantsBenchmark sizes) throws Exception {
            root = Bench.tempDir("list-raw");
            long start = System.nanoTime();
            for (int id = 0; id < sizes.tenants; id++) {
                Path dir = root.resolve(Integer.toString(id / 256));
                if (id % 256 == 0) {
                    Files.createDirectories(dir);
                }
                Files.createFile(dir.resolve("tenant-" + id + ".db"));
            }
            Bench.note("setup: %d placeholder files took %.1f s", sizes.tenants, (System.nanoTime() - start) / 1e9);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            Bench.deleteTree(root);
        }
    }

    @Benchmark
    public long cinch(CinchProject s) throws SQLException {
        long n = 0;
        try (Statement st = s.connection.createStatement(); ResultSet rs = st.executeQuery("CALL cinch.list_tenants()")) {
            while (rs.next()) {
                n += rs.getString(1).length() + rs.getString(2).length() + (rs.getBoolean(3) ? 1 : 0) + rs.getLong(4);
            }
        }
        return n;
    }

    @Benchmark
    public long raw(RawDirectory s) throws IOException {
        long n = 0;
        try (DirectoryStream<Path> shards = Files.newDirectoryStream(s.root)) {
            for (Path shard : shards) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(shard)) {
                    for (Path file : files) {
                        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                        n += file.getFileName().toString().length() + a.creationTime().toString().length() + a.size();
                    }
                }
            }
        }
        return n;
    }
}
