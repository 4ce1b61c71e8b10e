package io.cinch.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 8: the first query of a fresh JVM, from {@code DriverManager.getConnection} to the last row read, on a
 * {@code tenant=*} connection (20 tenants) and, side by side, the same SQL on a plain tenant connection. Each fork is
 * one fresh JVM measuring one call; the project is built by a child process, so the measured JVM has loaded
 * nothing of cinch, SQLite or Calcite before the call.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(8)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@State(Scope.Benchmark)
public class FirstQueryBenchmark {
    static final String QUERY = "SELECT status, count(*), sum(points), ifnull(max(title), '') FROM tasks GROUP BY status";

    Path project;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        project = Bench.tempDir("first");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Build.class.getName(), project.toString()));
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("building the project failed: " + command);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Bench.deleteTree(project);
    }

    @Benchmark
    public int plainTenant() throws SQLException {
        return firstQuery("tenant=t1");
    }

    @Benchmark
    public int crossTenant() throws SQLException {
        return firstQuery("tenant=*");
    }

    private int firstQuery(String tenant) throws SQLException {
        int rows = 0;
        try (Connection c = DriverManager.getConnection("jdbc:cinch:" + project + "?" + tenant);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
            while (rs.next()) {
                rows++;
            }
        }
        return rows;
    }

    /** Builds the project in a child JVM: table {@code tasks}, tenants t0..t19 with 50 tasks each. */
    public static final class Build {
        public static void main(String[] args) throws SQLException {
            String url = "jdbc:cinch:" + args[0];
            try (Connection c = DriverManager.getConnection(url)) {
                Bench.exec(c, "CALL cinch.create_table('tasks', 'title:TEXT status:TEXT points:INTEGER')");
                Bench.createTenants(c, "t", 0, 20);
            }
            for (int t = 0; t < 20; t++) {
                try (Connection c = DriverManager.getConnection(url + "?tenant=t" + t)) {
                    c.setAutoCommit(false);
                    for (int k = 0; k < 50; k++) {
                        Bench.exec(c, "INSERT INTO tasks(title, status, points) VALUES ('task " + k + "', '"
                                + (k % 3 == 0 ? "open" : "done") + "', " + k % 13 + ")");
                    }
                    c.commit();
                }
            }
        }
    }
}
