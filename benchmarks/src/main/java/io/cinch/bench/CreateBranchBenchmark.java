package io.cinch.bench;

import io.cinch.store.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Issue 3: {@code CALL cinch.create_branch(...)} of a branch with {@code materialized} tenants of about
 * {@code tenantKb} KB each, timed once per invocation (SingleShotTime); the new branch is deleted after each. After
 * each invocation the fork prints (lines starting with {@code [bench]}) the new branch directory's disk usage
 * (allocated blocks, like du) and the bytes this process caused to be written to storage during the operation
 * ({@code write_bytes} of /proc/self/io), and at the end of the trial their averages.
 *
 * <ul>
 *   <li>{@code createBranch_cinch}: the procedure (consistent copies of every tenant's file).</li>
 *   <li>{@code createBranch_rawVacuum}: without cinch, a consistent copy of each plain file with sqlite-jdbc
 *       ({@code VACUUM INTO}, what cinch does per file, with cinch's {@code synchronous=NORMAL}: VACUUM INTO
 *       syncs its output unless synchronous is OFF), one file after the other.</li>
 *   <li>{@code createBranch_rawCopy}: {@code Files.copy} of each file: the lower bound of a full copy, not safe
 *       while writers go on.</li>
 * </ul>
 * No target beyond reporting time and bytes written.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@State(Scope.Benchmark)
public class CreateBranchBenchmark {

    /** Tenants with a file in the source branch. */
    @Param("1000")
    int materialized;

    /** Approximate size of each tenant's file, in KB. */
    @Param("1024")
    int tenantKb;

    /** Tracks one invocation's bytes; shared by the three benchmarks. */
    abstract static class Measured {
        long writesBefore;
        long sumUsage;
        long sumWrites;
        int count;

        void before() {
            writesBefore = Bench.processWriteBytes();
        }

        void after(String what, Path written) throws IOException {
            long writes = Bench.processWriteBytes() - writesBefore;
            long usage = Bench.diskUsage(written);
            sumUsage += usage;
            sumWrites += writes;
            count++;
            Bench.note("%s: new branch uses %s on disk (%s apparent); process wrote %s", what, Bench.mb(usage),
                    Bench.mb(Bench.apparentSize(written)), Bench.mb(writes));
        }

        void summary(String what) {
            if (count > 0) {
                Bench.note("%s average over %d invocations: %s on disk, %s written", what, count,
                        Bench.mb(sumUsage / count), Bench.mb(sumWrites / count));
            }
        }
    }

    @State(Scope.Benchmark)
    public static class CinchProject extends Measured {
        Path project;
        Connection admin;
        Path databaseDir;
        Set<Path> branchDirs;
        int next;

        @Setup(Level.Trial)
        public void setup(CreateBranchBenchmark sizes) throws Exception {
            project = Bench.tempDir("branch");
            admin = Bench.cinch(project);
            Bench.exec(admin, Bench.ITEMS);
            Bench.exec(admin, Bench.PAYLOAD);
            long start = System.nanoTime();
            Bench.createTenants(admin, "t", 0, sizes.materialized);
            try (Connection c = Bench.cinch(project)) {
                for (int i = 0; i < sizes.materialized; i++) {
                    c.setSchema("t" + i);
                    Bench.fillItems(c, 10);
                    Bench.exec(c, Bench.payloadInsert(sizes.tenantKb));
                }
            }
            admin.close();
            Project.closeUnused(); // closes every file, which checkpoints it: the source branch as it rests on disk
            admin = Bench.cinch(project);
            List<Path> files = Bench.tenantFiles(project);
            if (files.size() != sizes.materialized) {
                throw new IllegalStateException("expected " + sizes.materialized + " tenant files, found " + files.size());
            }
            databaseDir = files.get(0).getParent().getParent().getParent();
            branchDirs = dirs(databaseDir);
            Bench.note("setup: %d tenants of %s each in %.1f s (source branch: %s on disk)", sizes.materialized,
                    Bench.mb(Files.size(files.get(0))), (System.nanoTime() - start) / 1e9,
                    Bench.mb(Bench.diskUsage(files.get(0).getParent().getParent())));
        }

        @Setup(Level.Invocation)
        public void beforeEach() {
            before();
        }

        @TearDown(Level.Invocation)
        public void afterEach() throws Exception {
            Set<Path> now = dirs(databaseDir);
            now.removeAll(branchDirs);
            if (now.size() != 1) {
                throw new IllegalStateException("expected one new branch directory, found " + now);
            }
            after("cinch", now.iterator().next());
            Bench.exec(admin, "CALL cinch.delete_branch('b" + (next - 1) + "')");
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            summary("cinch");
            admin.close();
            Project.closeUnused();
            Bench.deleteTree(project);
        }

        private static Set<Path> dirs(Path dir) throws IOException {
            try (Stream<Path> s = Files.list(dir)) {
                return new HashSet<>(s.filter(Files::isDirectory).toList());
            }
        }
    }

    @State(Scope.Benchmark)
    public static class RawFiles extends Measured {
        Path root;
        Path source;
        Path target;
        List<Path> files = new ArrayList<>();

        @Setup(Level.Trial)
        public void setup(CreateBranchBenchmark sizes) throws Exception {
            root = Bench.tempDir("branch-raw");
            source = root.resolve("source");
            long start = System.nanoTime();
            for (int id = 0; id < sizes.materialized; id++) {
                Path file = source.resolve(Integer.toString(id / 256)).resolve(id + ".db");
                Bench.rawFile(file, 10, sizes.tenantKb);
                files.add(file);
            }
            Bench.note("setup: %d plain files of %s each in %.1f s", sizes.materialized, Bench.mb(Files.size(files.get(0))),
                    (System.nanoTime() - start) / 1e9);
        }

        @Setup(Level.Invocation)
        public void beforeEach() {
            target = root.resolve("copy");
            before();
        }

        @TearDown(Level.Invocation)
        public void afterEach(org.openjdk.jmh.infra.BenchmarkParams params) throws Exception {
            after(params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1), target);
            Bench.deleteTree(target);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            summary("raw");
            Bench.deleteTree(root);
        }

        Path targetOf(Path file) {
            return target.resolve(source.relativize(file));
        }
    }

    @Benchmark
    public String createBranch_cinch(CinchProject p) throws SQLException {
        String name = "b" + p.next++;
        Bench.exec(p.admin, "CALL cinch.create_branch('" + name + "', 'main')");
        return name;
    }

    @Benchmark
    public int createBranch_rawVacuum(RawFiles r) throws SQLException, IOException {
        for (Path file : r.files) {
            Path to = r.targetOf(file);
            Files.createDirectories(to.getParent());
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file + "?synchronous=NORMAL")) {
                Bench.exec(c, "VACUUM INTO '" + to.toString().replace("'", "''") + "'");
            }
        }
        return r.files.size();
    }

    @Benchmark
    public int createBranch_rawCopy(RawFiles r) throws IOException {
        for (Path file : r.files) {
            Path to = r.targetOf(file);
            Files.createDirectories(to.getParent());
            Files.copy(file, to);
        }
        return r.files.size();
    }
}
