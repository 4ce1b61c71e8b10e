package io.cinch.bench;

import io.cinch.store.Project;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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

/**
 * Issue 3: schema changes on a branch of {@code tenants} tenants, {@code materialized} of them with a file holding
 * {@code rows} rows. Every operation is a real change (a fresh column or table name each time), timed once
 * (SingleShotTime).
 *
 * <ul>
 *   <li>{@code alter_cinch}: {@code ALTER TABLE items ADD COLUMN c<n> TEXT} through a cinch connection, until the
 *       statement returns. From then on every tenant sees the column (files catch up when next used).</li>
 *   <li>{@code alter_cinchCaughtUp}: the same, then every materialized tenant is used once (setSchema + a SELECT of
 *       the new column), so that every file on disk has the column: the full cost, paid by cinch lazily.</li>
 *   <li>{@code alter_raw}: the per-tenant loop without cinch: open each of the {@code materialized} plain SQLite
 *       files (same table and rows) with sqlite-jdbc, ALTER, close.</li>
 *   <li>{@code merge_cinch}: {@code CALL cinch.merge_branch('dev', 'main')} bringing 5 additive changes (2 nullable
 *       columns, a table, an index, a view) made on branch {@code dev} in the invocation's setup.</li>
 *   <li>{@code merge_cinchCaughtUp}: the same, then every materialized tenant of main used once.</li>
 *   <li>{@code merge_raw}: the per-tenant loop: open each plain file, apply the 5 statements in one transaction,
 *       close.</li>
 * </ul>
 * Targets: ALTER ADD COLUMN with cinch < 1 s and >= 20x faster than the raw loop; merge of 5 changes < 2 s.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 8)
@State(Scope.Benchmark)
public class SchemaChangeBenchmark {

    /** Tenants in the branch (besides main). */
    @Param("10000")
    int tenants;

    /** How many of them have a file (the first ones). */
    @Param("1000")
    int materialized;

    /** Rows in each materialized tenant's table. */
    @Param("5")
    int rows;

    /** A cinch project: branch main with the tenants; branch dev (made before the tenants) as merge source. */
    @State(Scope.Benchmark)
    public static class CinchBranch {
        Path project;
        Connection admin;
        Connection dev;
        Connection toucher;
        int materialized;
        int next;

        @Setup(Level.Trial)
        public void setup(SchemaChangeBenchmark sizes) throws Exception {
            materialized = sizes.materialized;
            project = Bench.tempDir("schema");
            admin = Bench.cinch(project);
            Bench.exec(admin, Bench.ITEMS);
            Bench.exec(admin, "CALL cinch.create_branch('dev')");
            long start = System.nanoTime();
            Bench.createTenants(admin, "t", 0, sizes.tenants);
            long created = System.nanoTime();
            toucher = Bench.cinch(project);
            for (int i = 0; i < sizes.materialized; i++) {
                toucher.setSchema("t" + i);
                Bench.fillItems(toucher, sizes.rows);
            }
            long filled = System.nanoTime();
            toucher.setSchema("main");
            dev = Bench.cinch(project, "branch=dev");
            int files = Bench.tenantFiles(project).size();
            if (files != sizes.materialized) {
                throw new IllegalStateException("expected " + sizes.materialized + " tenant files, found " + files);
            }
            Bench.note("setup: %d create_tenant %.1f s, %d tenants materialized with %d rows %.1f s",
                    sizes.tenants, (created - start) / 1e9, sizes.materialized, sizes.rows, (filled - created) / 1e9);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            // the last change must be visible to a tenant that was never touched since
            if (materialized > 0 && next > 0) {
                toucher.setSchema("t" + (materialized - 1));
                Bench.note("check: t%d sees %s columns in items", materialized - 1,
                        Bench.value(toucher, "SELECT count(*) FROM pragma_table_info('items')"));
            }
            for (Connection c : new Connection[] {admin, dev, toucher}) {
                if (c != null) {
                    c.close();
                }
            }
            Project.closeUnused();
            Bench.deleteTree(project);
        }

        /** Uses every materialized tenant once, reading {@code column}: each file catches up with the branch. */
        void touchAll(String column) throws SQLException {
            try (Statement s = toucher.createStatement()) {
                for (int i = 0; i < materialized; i++) {
                    toucher.setSchema("t" + i);
                    try (ResultSet rs = s.executeQuery("SELECT " + column + " FROM items LIMIT 1")) {
                        rs.next();
                    }
                }
            }
            toucher.setSchema("main");
        }
    }

    /** The same tenants without cinch: one plain SQLite file each (WAL), with the same table and rows. */
    @State(Scope.Benchmark)
    public static class RawFiles {
        Path root;
        List<Path> files = new ArrayList<>();
        int next;

        @Setup(Level.Trial)
        public void setup(SchemaChangeBenchmark sizes) throws Exception {
            root = Bench.tempDir("schema-raw");
            long start = System.nanoTime();
            for (int id = 0; id < sizes.materialized; id++) {
                Path file = root.resolve(Integer.toString(id / 256)).resolve(id + ".db");
                Bench.rawFile(file, sizes.rows, 0);
                files.add(file);
            }
            Bench.note("setup: %d plain files %.1f s", sizes.materialized, (System.nanoTime() - start) / 1e9);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            Bench.deleteTree(root);
        }
    }

    /** Five additive changes made on branch dev before each merge. */
    @State(Scope.Benchmark)
    public static class MergeSource {
        int round;
        String probe;

        @Setup(Level.Invocation)
        public void prepare(CinchBranch b) throws SQLException {
            int k = round++;
            for (String sql : changes(k)) {
                Bench.exec(b.dev, sql);
            }
            probe = "m" + k + "a";
        }
    }

    /** The five changes of merge round {@code k}. */
    static List<String> changes(int k) {
        return List.of(
                "ALTER TABLE items ADD COLUMN m" + k + "a TEXT",
                "ALTER TABLE items ADD COLUMN m" + k + "b INTEGER",
                "CREATE TABLE extra" + k + " (id INTEGER PRIMARY KEY, note TEXT)",
                "CREATE INDEX items_m" + k + "b ON items(m" + k + "b)",
                "CREATE VIEW view" + k + " AS SELECT id, m" + k + "a FROM items");
    }

    // ---- ALTER TABLE ... ADD COLUMN ----

    @Benchmark
    public String alter_cinch(CinchBranch b) throws SQLException {
        String column = "c" + b.next++;
        Bench.exec(b.admin, "ALTER TABLE items ADD COLUMN " + column + " TEXT");
        return column;
    }

    @Benchmark
    public String alter_cinchCaughtUp(CinchBranch b) throws SQLException {
        String column = "c" + b.next++;
        Bench.exec(b.admin, "ALTER TABLE items ADD COLUMN " + column + " TEXT");
        b.touchAll(column);
        return column;
    }

    @Benchmark
    public String alter_raw(RawFiles r) throws SQLException {
        String column = "c" + r.next++;
        for (Path file : r.files) {
            try (Connection c = Bench.raw(file)) {
                Bench.exec(c, "ALTER TABLE items ADD COLUMN " + column + " TEXT");
            }
        }
        return column;
    }

    // ---- merge of 5 additive changes ----

    @Benchmark
    public long merge_cinch(CinchBranch b, MergeSource m) throws SQLException {
        b.next++;
        return merge(b);
    }

    @Benchmark
    public long merge_cinchCaughtUp(CinchBranch b, MergeSource m) throws SQLException {
        b.next++;
        long merged = merge(b);
        b.touchAll(m.probe);
        return merged;
    }

    private static long merge(CinchBranch b) throws SQLException {
        try (Statement s = b.admin.createStatement(); ResultSet rs = s.executeQuery("CALL cinch.merge_branch('dev', 'main')")) {
            rs.next();
            long merged = rs.getLong("changes_merged");
            if (merged != 5) {
                throw new IllegalStateException("merged " + merged + " changes, expected 5");
            }
            return merged;
        }
    }

    @Benchmark
    public int merge_raw(RawFiles r) throws SQLException {
        List<String> changes = changes(r.next++);
        for (Path file : r.files) {
            try (Connection c = Bench.raw(file)) {
                c.setAutoCommit(false);
                for (String sql : changes) {
                    Bench.exec(c, sql);
                }
                c.commit();
            }
        }
        return changes.size();
    }
}
