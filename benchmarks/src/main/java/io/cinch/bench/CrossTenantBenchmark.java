package io.cinch.bench;

import io.cinch.store.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * Issue 4: one statement over every tenant on a {@code tenant=*} connection ({@code cinch*}), against the per-tenant
 * loop with raw sqlite-jdbc, opening each file ({@code loopOpening*}) or over connections opened beforehand
 * ({@code loopOpen*}, the floor). The loops run on plain copies of the tenants' files, which nothing else holds open,
 * as a program without cinch would have them. 1,000 materialized tenants with 1,000 tasks each, among {@code tenants} tenants
 * (the rest lazy). Queries: {@code SELECT _tenant, COUNT(*) FROM tasks GROUP BY _tenant} and the 7-day active users
 * ({@code COUNT(DISTINCT assignee_id)} over recently updated tasks), which is CPU-bound in SQLite. Targets: count at
 * least 10x faster than loopOpening and within 3x of loopOpen; active users within 1.5x of loopOpen.
 * Issue 8: a task by primary key in every tenant, as a prepared {@code WHERE id = ?} ({@code byIdParameterCinch}) beside
 * the literal {@code WHERE id = '...'} ({@code byIdLiteralCinch}) and the loop over open files ({@code byIdLoopOpen}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class CrossTenantBenchmark {

    static final String COUNT = "SELECT _tenant, COUNT(*) FROM tasks GROUP BY _tenant";
    static final String ACTIVE = "SELECT _tenant, COUNT(DISTINCT assignee_id) AS active_users_7d FROM tasks "
            + "WHERE updated_at > datetime('now', '-7 days') GROUP BY _tenant";
    static final String COUNT_ONE = "SELECT COUNT(*) FROM tasks";
    static final String ACTIVE_ONE = "SELECT COUNT(DISTINCT assignee_id) FROM tasks WHERE updated_at > datetime('now', '-7 days')";

    /** Tenants of the branch; 1,000 of them have files and rows. */
    @Param({"1000", "10000"})
    int tenants;

    static final int MATERIALIZED = 1000;
    static final int ROWS = 1000;

    static final String BY_ID = "SELECT _tenant, title FROM tasks WHERE id = ?";
    static final String BY_ID_ONE = "SELECT COUNT(*) FROM tasks WHERE id = ?";

    Path project;
    Path plain;
    Connection all;
    List<Path> files;
    /** The id of one task, the same in every tenant (they are copies of t0). */
    String taskId;
    PreparedStatement byId;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        project = Bench.tempDir("cross");
        try (Connection admin = Bench.cinch(project)) {
            Bench.exec(admin, "CALL cinch.create_table('tasks', 'project_id:TEXT title:TEXT description:TEXT? "
                    + "assignee_id:TEXT? status:TEXT priority:TEXT')");
            Bench.exec(admin, "CALL cinch.create_tenant('t0')");
        }
        try (Connection t0 = Bench.cinch(project, "tenant=t0")) {
            fillTasks(t0);
            try (Statement s = t0.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM tasks WHERE title = 'task 500'")) {
                rs.next();
                taskId = rs.getString(1);
            }
        }
        try (Connection admin = Bench.cinch(project); PreparedStatement copy = admin.prepareStatement("CALL cinch.copy_tenant('t0', ?)")) {
            for (int i = 1; i < MATERIALIZED; i++) {
                copy.setString(1, "t" + i);
                copy.executeQuery().close();
            }
            Bench.createTenants(admin, "t", MATERIALIZED, tenants);
        }
        List<Path> tenantFiles = Bench.tenantFiles(project);
        if (tenantFiles.size() != MATERIALIZED) {
            throw new IllegalStateException("expected " + MATERIALIZED + " tenant files, found " + tenantFiles.size());
        }
        Project.closeUnused(); // closing the last connection to a file checkpoints it: the file alone holds its rows
        plain = Bench.tempDir("cross-plain");
        files = new ArrayList<>();
        for (int i = 0; i < tenantFiles.size(); i++) {
            Path copy = plain.resolve(i / 256 + "/" + i + ".db");
            Files.createDirectories(copy.getParent());
            Files.copy(tenantFiles.get(i), copy);
            files.add(copy);
        }
        all = Bench.cinch(project, "tenant=*");
        if (engine(COUNT) != loopOpening(COUNT_ONE)) {
            throw new IllegalStateException("the plain copies do not hold the tenants' rows");
        }
        byId = all.prepareStatement(BY_ID);
        if (byIdParameterCinch() != MATERIALIZED || byIdLiteralCinch() != MATERIALIZED) {
            throw new IllegalStateException("expected the task in each of the " + MATERIALIZED + " tenants");
        }
    }

    /** Raw connections to every plain file, opened before the floor's loop runs. */
    @State(Scope.Benchmark)
    public static class OpenFiles {
        Connection[] open;

        @Setup(Level.Trial)
        public void open(CrossTenantBenchmark b) throws SQLException {
            open = new Connection[b.files.size()];
            for (int i = 0; i < open.length; i++) {
                open[i] = Bench.raw(b.files.get(i));
            }
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            for (Connection c : open) {
                c.close();
            }
        }
    }

    /** 1,000 tasks, a quarter updated within the last week, assigned among 50 users. */
    private static void fillTasks(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tasks(project_id, title, assignee_id, status, priority, "
                + "updated_at) VALUES ('p1', ?, ?, 'todo', 'medium', strftime('%Y-%m-%d %H:%M:%f', 'now', ?))")) {
            for (int i = 0; i < ROWS; i++) {
                ps.setString(1, "task " + i);
                ps.setString(2, "user-" + (i % 50));
                ps.setString(3, "-" + (i % 28) + " days");
                ps.addBatch();
            }
            ps.executeBatch();
        }
        c.commit();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        byId.close();
        all.close();
        Project.closeUnused();
        Bench.deleteTree(project);
        Bench.deleteTree(plain);
    }

    private long engine(String sql) throws SQLException {
        long sum = 0;
        try (Statement s = all.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                sum += rs.getLong(2);
            }
        }
        return sum;
    }

    private static long loopOpen(OpenFiles files, String sql) throws SQLException {
        long sum = 0;
        for (Connection c : files.open) {
            sum += count(c, sql);
        }
        return sum;
    }

    private long loopOpening(String sql) throws SQLException {
        long sum = 0;
        for (Path file : files) {
            try (Connection c = Bench.raw(file)) {
                sum += count(c, sql);
            }
        }
        return sum;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    @Benchmark
    public long countCinch() throws SQLException {
        return engine(COUNT);
    }

    @Benchmark
    public long countLoopOpen(OpenFiles files) throws SQLException {
        return loopOpen(files, COUNT_ONE);
    }

    @Benchmark
    public long countLoopOpening() throws SQLException {
        return loopOpening(COUNT_ONE);
    }

    @Benchmark
    public long activeCinch() throws SQLException {
        return engine(ACTIVE);
    }

    @Benchmark
    public long activeLoopOpen(OpenFiles files) throws SQLException {
        return loopOpen(files, ACTIVE_ONE);
    }

    @Benchmark
    public long activeLoopOpening() throws SQLException {
        return loopOpening(ACTIVE_ONE);
    }

    private static long rows(ResultSet rs) throws SQLException {
        long n = 0;
        while (rs.next()) {
            n++;
        }
        return n;
    }

    @Benchmark
    public long byIdParameterCinch() throws SQLException {
        byId.setString(1, taskId);
        try (ResultSet rs = byId.executeQuery()) {
            return rows(rs);
        }
    }

    @Benchmark
    public long byIdLiteralCinch() throws SQLException {
        try (Statement s = all.createStatement(); ResultSet rs = s.executeQuery(BY_ID.replace("?", "'" + taskId + "'"))) {
            return rows(rs);
        }
    }

    @Benchmark
    public long byIdLoopOpen(OpenFiles files) throws SQLException {
        long sum = 0;
        for (Connection c : files.open) {
            try (PreparedStatement ps = c.prepareStatement(BY_ID_ONE)) {
                ps.setString(1, taskId);
                try (ResultSet rs = ps.executeQuery()) {
                    sum += rs.next() ? rs.getLong(1) : 0;
                }
            }
        }
        return sum;
    }
}
