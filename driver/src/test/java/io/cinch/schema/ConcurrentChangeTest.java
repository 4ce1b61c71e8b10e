package io.cinch.schema;

import static io.cinch.Projects.open;
import static io.cinch.Projects.run;
import static io.cinch.schema.SchemaSupport.changeSql;
import static io.cinch.schema.SchemaSupport.materialized;
import static io.cinch.schema.SchemaSupport.replayed;
import static io.cinch.schema.SchemaSupport.schemaOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema changes run while writers insert: no writer sees a half-migrated tenant and no committed row is lost. */
class ConcurrentChangeTest {

    static final List<String> WRITERS = List.of("w0", "w1", "w2", "w3");
    static final int CHANGES = 25;
    /** Failures a writer may legitimately meet while a change holds its tenant: a busy timeout. */
    static final Set<String> LEGITIMATE = Set.of("40001");

    @TempDir
    Path dir;

    /** The j-th change that cannot fail on data: an added column with a default, an index, a view, tables. */
    static String safeChange(int j) {
        return switch (j % 5) {
            case 0 -> "ALTER TABLE t ADD COLUMN c" + j + " TEXT DEFAULT 'd" + j + "'";
            case 1 -> "CREATE INDEX ix" + j + " ON t(n)";
            case 2 -> "CREATE VIEW v" + j + " AS SELECT w, n FROM t";
            case 3 -> "CREATE TABLE z" + j + "(x INTEGER)";
            default -> "CALL cinch.create_table('ct" + j + "', 'a:TEXT b:INTEGER?')";
        };
    }

    /** The j-th change of both kinds: an added column with a default, a unique index, a failing one, a drop, a table. */
    static String change(int j) {
        return switch (j % 5) {
            case 0 -> "ALTER TABLE t ADD COLUMN c" + j + " TEXT DEFAULT 'd" + j + "'";
            case 1 -> "CREATE UNIQUE INDEX ux" + j + " ON t(n)";
            case 2 -> "CREATE UNIQUE INDEX bad" + j + " ON t(w)";
            case 3 -> "DROP INDEX ux" + (j - 2);
            default -> "CALL cinch.create_table('ct" + j + "', 'a:TEXT b:INTEGER?')";
        };
    }

    @Test
    void changesThatCannotFailOnDataNeverShowWritersAHalfMigratedTenant() throws Exception {
        concurrently(ConcurrentChangeTest::safeChange, false);
    }

    @Test
    void changesOfBothKindsNeverShowWritersAHalfMigratedTenantOrLoseARow() throws Exception {
        concurrently(ConcurrentChangeTest::change, true);
    }

    /** Runs CHANGES changes while the writers insert, then checks what they saw and what is left. */
    private void concurrently(java.util.function.IntFunction<String> change, boolean failing) throws Exception {
        Path pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE t(id INTEGER PRIMARY KEY, w TEXT NOT NULL, n INTEGER NOT NULL)");
            for (String t : List.of("w0", "w1", "w2", "w3", "idle", "lazy")) {
                run(c, "CALL cinch.create_tenant('" + t + "')");
            }
            run(c, "INSERT INTO w0.t(w, n) VALUES ('w0', -1), ('w0', -2)", "INSERT INTO w1.t(w, n) VALUES ('w1', -1)",
                    "INSERT INTO idle.t(w, n) VALUES ('idle', -1), ('idle', -2)");
        }
        List<String> addedColumns = new CopyOnWriteArrayList<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        Map<String, Set<Long>> committed = new ConcurrentHashMap<>();
        AtomicBoolean changesDone = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < WRITERS.size(); i++) {
            String tenant = WRITERS.get(i);
            int perTransaction = i % 2 == 0 ? 1 : 3;
            Set<Long> mine = ConcurrentHashMap.newKeySet();
            committed.put(tenant, mine);
            threads.add(new Thread(() -> write(pm, tenant, perTransaction, mine, addedColumns, changesDone, problems),
                    "writer-" + tenant));
        }
        threads.forEach(Thread::start);
        List<String> succeeded = new ArrayList<>();
        try (Connection c = open(pm, "tenant=w1")) {
            for (int j = 0; j < CHANGES; j++) {
                String sql = change.apply(j);
                if (failing && j % 5 == 2) {
                    SQLException e = SchemaSupport.failure(() -> run(c, sql));
                    if (!"23505".equals(e.getSQLState())) {
                        problems.add("change " + sql + " failed with " + e.getSQLState() + ": " + e.getMessage());
                    }
                    continue;
                }
                try {
                    run(c, sql);
                    succeeded.add(sql);
                    if (j % 5 == 0) {
                        addedColumns.add("c" + j);
                    }
                } catch (SQLException e) {
                    problems.add("change " + sql + " failed with " + e.getSQLState() + ": " + e.getMessage());
                }
            }
        } finally {
            changesDone.set(true);
            for (Thread t : threads) {
                t.join();
            }
        }
        assertEquals(List.of(), problems);
        try (Connection c = open(pm)) {
            List<String> log = changeSql(c, "main");
            assertEquals(1 + CHANGES - (failing ? CHANGES / 5 : 0), log.size(), log::toString);
            for (String sql : succeeded) {
                if (!sql.startsWith("CALL")) {
                    assertTrue(log.contains(sql), () -> sql + " missing from " + log);
                }
            }
            assertTrue(log.stream().noneMatch(s -> s.contains("bad")), log::toString);
            List<String> expected = replayed(log);
            for (String tenant : materialized(c).keySet()) {
                assertEquals(expected, schemaOf(pm, "main", tenant), tenant);
            }
            assertEquals(Map.of("w0", true, "w1", true, "w2", true, "w3", true, "idle", true, "lazy", false, "main", false),
                    materialized(c));
        }
        for (String tenant : WRITERS) {
            try (Connection c = open(pm, "tenant=" + tenant);
                 PreparedStatement ps = c.prepareStatement("SELECT n FROM t WHERE n >= 0");
                 ResultSet rs = ps.executeQuery()) {
                Set<Long> present = new HashSet<>();
                while (rs.next()) {
                    present.add(rs.getLong(1));
                }
                assertEquals(committed.get(tenant), present, tenant);
                assertTrue(present.size() > 3, tenant + " wrote too little to test anything: " + present.size());
            }
        }
    }

    /**
     * Inserts into {@code tenant} in transactions of {@code perTransaction} rows until the changes are done (and a few
     * more), checking after each commit that the rows carry every column added before the transaction began, with
     * its default.
     */
    private static void write(Path pm, String tenant, int perTransaction, Set<Long> committed, List<String> addedColumns,
                              AtomicBoolean changesDone, List<String> problems) {
        try (Connection c = open(pm, "tenant=" + tenant)) {
            c.setAutoCommit(perTransaction == 1);
            long n = 0;
            int after = 0;
            while (after < 3) {
                if (changesDone.get()) {
                    after++;
                }
                List<String> columnsBefore = List.copyOf(addedColumns);
                List<Long> batch = new ArrayList<>();
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO t(w, n) VALUES (?, ?)")) {
                    for (int i = 0; i < perTransaction; i++) {
                        insert.setString(1, tenant);
                        insert.setLong(2, n);
                        insert.executeUpdate();
                        batch.add(n++);
                    }
                    if (perTransaction > 1) {
                        c.commit();
                    }
                } catch (SQLException e) {
                    if (!LEGITIMATE.contains(e.getSQLState())) {
                        problems.add(tenant + ": insert failed with " + e.getSQLState() + ": " + e.getMessage());
                        return;
                    }
                    if (perTransaction > 1) {
                        c.rollback();
                    }
                    continue;
                }
                committed.addAll(batch);
                check(c, tenant, batch, columnsBefore, problems);
            }
        } catch (SQLException | RuntimeException e) {
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            problems.add(tenant + ": " + trace);
        }
    }

    private static void check(Connection c, String tenant, List<Long> batch, List<String> columns, List<String> problems)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM t WHERE n >= ? AND n <= ? ORDER BY n")) {
            ps.setLong(1, batch.get(0));
            ps.setLong(2, batch.get(batch.size() - 1));
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                Map<String, Integer> index = new HashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    index.put(md.getColumnName(i), i);
                }
                int rows = 0;
                while (rs.next()) {
                    rows++;
                    for (String column : columns) {
                        Integer at = index.get(column);
                        String expected = "d" + column.substring(1);
                        if (at == null) {
                            problems.add(tenant + ": row " + rs.getLong("n") + " lacks column " + column);
                        } else if (!expected.equals(rs.getString(at))) {
                            problems.add(tenant + ": row " + rs.getLong("n") + " has " + column + " = " + rs.getString(at));
                        }
                    }
                }
                if (rows != batch.size()) {
                    problems.add(tenant + ": " + rows + " rows read back of " + batch);
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }
}
