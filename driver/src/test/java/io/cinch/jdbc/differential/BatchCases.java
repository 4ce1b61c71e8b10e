package io.cinch.jdbc.differential;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;

/** Batches of statements and of prepared parameters, with failures part way. */
final class BatchCases {

    private BatchCases() {
    }

    static void addTo(Corpus c) {
        List<String> kv = List.of("CREATE TABLE kv(k TEXT PRIMARY KEY, v INTEGER)", "INSERT INTO kv VALUES ('a', 1)");
        String check = "SELECT * FROM kv ORDER BY k";
        statements(c, "batch.inserts", kv, check, "INSERT INTO kv VALUES ('b', 2)", "INSERT INTO kv VALUES ('c', 3)");
        statements(c, "batch.mixed", kv, check, "INSERT INTO kv VALUES ('b', 2)", "UPDATE kv SET v = v * 10",
                "DELETE FROM kv WHERE k = 'a'");
        statements(c, "batch.select", kv, check, "INSERT INTO kv VALUES ('b', 2)", "SELECT * FROM kv");
        statements(c, "batch.failure", kv, check, "INSERT INTO kv VALUES ('b', 2)", "INSERT INTO kv VALUES ('a', 9)",
                "INSERT INTO kv VALUES ('c', 3)");
        statements(c, "batch.ddl", kv, "SELECT name FROM sqlite_master ORDER BY name", "CREATE TABLE b1(x)",
                "CREATE INDEX kv_v ON kv(v)");
        statements(c, "batch.empty", kv, check);
        statements(c, "batch.syntax-error", kv, check, "INSERT INTO kv VALUES ('b', 2)", "INSERT INTO");
        c.add("batch.clear", kv, (conn, t) -> {
            Statement s = conn.createStatement();
            s.addBatch("INSERT INTO kv VALUES ('b', 2)");
            s.clearBatch();
            t.step("executeBatch", s::executeBatch);
            t.step(check, () -> conn.createStatement().executeQuery(check));
        });
        c.add("batch.twice", kv, (conn, t) -> {
            Statement s = conn.createStatement();
            s.addBatch("INSERT INTO kv VALUES ('b', 2)");
            t.step("executeBatch", s::executeBatch);
            t.step("executeBatch again", s::executeBatch);
        });
        prepared(c, "batch.prepared-inserts", kv, check, "INSERT INTO kv VALUES (?, ?)", new Object[][] {{"b", 2}, {"c", 3}});
        prepared(c, "batch.prepared-updates", kv, check, "UPDATE kv SET v = ? WHERE k = ?", new Object[][] {{5, "a"}, {6, "z"}});
        prepared(c, "batch.prepared-failure", kv, check, "INSERT INTO kv VALUES (?, ?)",
                new Object[][] {{"b", 2}, {"a", 1}, {"c", 3}});
        prepared(c, "batch.prepared-select", kv, check, "SELECT * FROM kv WHERE k = ?", new Object[][] {{"a"}});
        prepared(c, "batch.prepared-not-null", List.of("CREATE TABLE nn(a TEXT NOT NULL)"), "SELECT * FROM nn",
                "INSERT INTO nn VALUES (?)", new Object[][] {{"x"}, {null}});
        prepared(c, "batch.prepared-nothing-added", kv, check, "INSERT INTO kv VALUES (?, ?)", new Object[][] {});
        c.add("batch.prepared-in-transaction", kv, (conn, t) -> {
            conn.setAutoCommit(false);
            PreparedStatement ps = conn.prepareStatement("INSERT INTO kv VALUES (?, ?)");
            for (int i = 0; i < 5; i++) {
                ps.setString(1, "k" + i);
                ps.setInt(2, i);
                ps.addBatch();
            }
            t.step("executeBatch", ps::executeBatch);
            conn.commit();
            conn.setAutoCommit(true);
            t.step(check, () -> conn.createStatement().executeQuery(check));
        });
        c.add("batch.large", kv, (conn, t) -> {
            PreparedStatement ps = conn.prepareStatement("INSERT INTO kv VALUES (?, ?)");
            ps.setString(1, "z");
            ps.setInt(2, 26);
            ps.addBatch();
            t.step("executeLargeBatch", ps::executeLargeBatch);
        });
    }

    private static void statements(Corpus c, String id, List<String> setup, String check, String... sql) {
        c.add(id, setup, (conn, t) -> {
            Statement s = conn.createStatement();
            for (String one : sql) {
                t.step("addBatch " + one, () -> {
                    s.addBatch(one);
                    return true;
                });
            }
            batch(t, () -> s.executeBatch());
            t.step(check, () -> conn.createStatement().executeQuery(check));
        });
    }

    private static void prepared(Corpus c, String id, List<String> setup, String check, String sql, Object[][] rows) {
        c.add(id, setup, (conn, t) -> {
            PreparedStatement ps = conn.prepareStatement(sql);
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.addBatch();
            }
            batch(t, ps::executeBatch);
            t.step(check, () -> conn.createStatement().executeQuery(check));
        });
    }

    /** Runs a batch; a failure shows its counts too. */
    private static void batch(Transcript t, Transcript.Step run) {
        t.step("executeBatch", () -> {
            try {
                return run.run();
            } catch (java.sql.BatchUpdateException e) {
                t.note("  counts " + java.util.Arrays.toString(e.getUpdateCounts()));
                throw e;
            }
        });
    }
}
