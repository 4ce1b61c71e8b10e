package io.cinch.bench;

import io.cinch.store.Project;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Not a JMH benchmark: a timing breakdown of getConnection / prepareStatement / first query / close, for cinch and
 * plain sqlite-jdbc on the same tenant file, to see where ConnectBenchmark's time goes. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar io.cinch.bench.ConnectBreakdown}; later rounds are warm.
 */
public final class ConnectBreakdown {

    private ConnectBreakdown() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Bench.tempDir("breakdown");
        try {
            try (Connection admin = Bench.cinch(project)) {
                Bench.exec(admin, Bench.ITEMS);
                Bench.exec(admin, "CALL cinch.create_tenant('t0')");
            }
            String url = Bench.url(project, "tenant=t0");
            try (Connection c = DriverManager.getConnection(url)) {
                Bench.fillItems(c, 1000);
            }
            String raw = "jdbc:sqlite:" + Bench.tenantFiles(project).get(0);
            try (Connection keep = Bench.cinch(project)) { // keeps the project open, as an application would
                for (int round = 0; round < 6; round++) {
                    double[] c = measure(url, 20_000);
                    double[] r = measure(raw, 5_000);
                    System.out.printf("round %d  cinch us: connect %.1f prepare %.1f query %.1f close %.1f = %.1f"
                                    + "  |  raw us: connect %.1f prepare %.1f query %.1f close %.1f = %.1f%n", round,
                            c[0], c[1], c[2], c[3], c[0] + c[1] + c[2] + c[3], r[0], r[1], r[2], r[3],
                            r[0] + r[1] + r[2] + r[3]);
                }
            }
        } finally {
            Project.closeUnused();
            Bench.deleteTree(project);
        }
    }

    private static double[] measure(String url, int n) throws Exception {
        long[] t = new long[4];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            Connection c = DriverManager.getConnection(url);
            long t1 = System.nanoTime();
            PreparedStatement ps = c.prepareStatement(PointSelectBenchmark.SELECT);
            long t2 = System.nanoTime();
            ps.setInt(1, 1 + i % 1000);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                rs.getString(2);
            }
            long t3 = System.nanoTime();
            ps.close();
            c.close();
            long t4 = System.nanoTime();
            t[0] += t1 - t0;
            t[1] += t2 - t1;
            t[2] += t3 - t2;
            t[3] += t4 - t3;
        }
        return new double[] {t[0] / 1e3 / n, t[1] / 1e3 / n, t[2] / 1e3 / n, t[3] / 1e3 / n};
    }
}
