package io.cinch.bench;

import io.cinch.store.Project;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
 * Issue 4: how long Calcite takes to plan a cross-tenant query ({@code prepareStatement} on a {@code tenant=*}
 * connection, nothing executed), at 100, 1,000 and 10,000 tenants. Target: not growing with the tenant count.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class PlanningBenchmark {

    @Param({"100", "1000", "10000"})
    int tenants;

    @Param({"count", "active", "join"})
    String query;

    Path project;
    Connection all;
    String sql;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        project = Bench.tempDir("plan");
        try (Connection admin = Bench.cinch(project)) {
            Bench.exec(admin, "CALL cinch.create_table('users', 'email:TEXT name:TEXT role:TEXT active:BOOLEAN')");
            Bench.exec(admin, "CALL cinch.create_table('tasks', 'project_id:TEXT title:TEXT description:TEXT? "
                    + "assignee_id:TEXT? status:TEXT priority:TEXT')");
            Bench.createTenants(admin, "t", 1, tenants);
        }
        all = Bench.cinch(project, "tenant=*");
        sql = switch (query) {
            case "count" -> CrossTenantBenchmark.COUNT;
            case "active" -> CrossTenantBenchmark.ACTIVE;
            default -> "SELECT t.name, t.created_at, COALESCE(u.n, 0) AS users FROM cinch.tenants t "
                    + "LEFT JOIN (SELECT _tenant, COUNT(*) AS n FROM users GROUP BY _tenant) u ON u._tenant = t.name";
        };
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        all.close();
        Project.closeUnused();
        Bench.deleteTree(project);
    }

    @Benchmark
    public boolean plan() throws SQLException {
        try (PreparedStatement ps = all.prepareStatement(sql)) {
            return ps.isClosed();
        }
    }
}
