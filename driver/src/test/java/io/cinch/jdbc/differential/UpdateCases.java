package io.cinch.jdbc.differential;

import java.util.List;

/** Update counts of writes and scripts through plain statements. */
final class UpdateCases {

    private UpdateCases() {
    }

    static void addTo(Corpus c) {
        List<String> kv = List.of("CREATE TABLE kv(k TEXT PRIMARY KEY, v INTEGER)", "INSERT INTO kv VALUES ('a', 1), ('b', 2)");
        String check = "SELECT * FROM kv ORDER BY k";
        c.update("update.insert-one", kv, "INSERT INTO kv VALUES ('c', 3)", check);
        c.update("update.insert-values", kv, "INSERT INTO kv VALUES ('c', 3), ('d', 4)", check);
        c.update("update.insert-select", kv, "INSERT INTO kv SELECT k || 'x', v FROM kv", check);
        c.update("update.update-all", kv, "UPDATE kv SET v = v + 1", check);
        c.update("update.update-none", kv, "UPDATE kv SET v = 0 WHERE k = 'z'", check);
        c.update("update.delete-one", kv, "DELETE FROM kv WHERE k = 'a'", check);
        c.update("update.delete-all", kv, "DELETE FROM kv", check);
        c.update("update.replace", kv, "REPLACE INTO kv VALUES ('a', 10)", check);
        c.update("update.insert-or-ignore", kv, "INSERT OR IGNORE INTO kv VALUES ('a', 10)", check);
        c.update("update.upsert", kv, "INSERT INTO kv VALUES ('a', 5) ON CONFLICT(k) DO UPDATE SET v = excluded.v", check);
        c.update("update.two-inserts", kv, "INSERT INTO kv VALUES ('c', 3); INSERT INTO kv VALUES ('d', 4)", check);
        c.update("update.insert-and-delete", kv, "INSERT INTO kv VALUES ('c', 3); DELETE FROM kv WHERE v < 3", check);
        c.update("update.script-trailing-semicolon", kv, "UPDATE kv SET v = 9;", check);
        c.update("update.with-cte", kv, "WITH n(x) AS (SELECT 7) UPDATE kv SET v = (SELECT x FROM n)", check);
        c.update("update.create-table", List.of(), "CREATE TABLE x(a)", "SELECT name FROM sqlite_master");
        c.update("update.create-index", kv, "CREATE INDEX kv_v ON kv(v)", "SELECT name FROM sqlite_master ORDER BY name");
        c.update("update.drop-table", kv, "DROP TABLE kv", "SELECT count(*) FROM sqlite_master");
        c.update("update.alter-add", kv, "ALTER TABLE kv ADD COLUMN w TEXT", check);
        c.update("update.create-view", kv, "CREATE VIEW kv2 AS SELECT k FROM kv", "SELECT * FROM kv2 ORDER BY k");
        c.update("update.returning", kv, "UPDATE kv SET v = 0 RETURNING k", check);
        c.update("update.trigger-writes", List.of("CREATE TABLE a(x)", "CREATE TABLE log(y)",
                "CREATE TRIGGER a_log AFTER INSERT ON a BEGIN INSERT INTO log VALUES (new.x); INSERT INTO log VALUES (1); END"),
                "INSERT INTO a VALUES (5)", "SELECT * FROM log");
        c.update("update.select", kv, "SELECT * FROM kv", check);
        c.update("update.pragma", kv, "PRAGMA user_version", check);
        c.update("update.begin-commit", kv, "BEGIN; INSERT INTO kv VALUES ('z', 0); COMMIT", check);
        c.update("update.empty", kv, "", check);
        c.update("update.comment-only", kv, "-- nothing", check);
        c.update("update.temp-table", kv, "CREATE TEMP TABLE tmp(a)", "SELECT count(*) FROM temp.sqlite_master");
        List<String> scratch = List.of("CREATE TABLE kv(k TEXT PRIMARY KEY, v INTEGER)",
                "CREATE TEMP TABLE scratch(a INT, b TEXT)", "INSERT INTO scratch VALUES (1, 'x'), (2, 'y')");
        String everywhere = "SELECT 'temp', type, name, tbl_name FROM temp.sqlite_master UNION ALL "
                + "SELECT 'main', type, name, tbl_name FROM main.sqlite_master ORDER BY 1, 2, 3";
        c.update("update.temp-index", scratch, "CREATE INDEX scratch_a ON scratch(a)", everywhere);
        c.update("update.temp-unique-index", scratch, "CREATE UNIQUE INDEX scratch_b ON scratch(b)", everywhere);
        c.update("update.temp-index-qualified", scratch, "CREATE INDEX temp.scratch_ab ON scratch(a, b)", everywhere);
        c.update("update.temp-table-qualified", scratch, "CREATE TABLE temp.other(z)", everywhere);
        c.update("update.temp-view-qualified", scratch, "CREATE VIEW temp.glance AS SELECT a FROM scratch", everywhere);
        c.update("update.temp-view", scratch, "CREATE TEMP VIEW glance AS SELECT a FROM scratch", everywhere);
        c.update("update.temp-trigger", scratch,
                "CREATE TEMP TRIGGER kv_copy AFTER INSERT ON kv BEGIN INSERT INTO scratch VALUES (new.v, new.k); END",
                everywhere);
        c.update("update.trigger-on-temp-table", scratch,
                "CREATE TRIGGER scratch_copy AFTER INSERT ON scratch BEGIN INSERT INTO scratch VALUES (0, 'copy'); END",
                everywhere);
        c.update("update.drop-temp-table", scratch, "DROP TABLE scratch", everywhere);
        c.update("update.drop-temp-table-qualified", scratch, "DROP TABLE temp.scratch", everywhere);
        c.update("update.drop-temp-table-if-exists", scratch, "DROP TABLE IF EXISTS scratch", everywhere);
        List<String> temporaries = List.of("CREATE TABLE kv(k TEXT PRIMARY KEY, v INTEGER)",
                "CREATE TEMP TABLE scratch(a INT, b TEXT)", "CREATE INDEX scratch_a ON scratch(a)",
                "CREATE TEMP VIEW glance AS SELECT a FROM scratch",
                "CREATE TRIGGER scratch_copy AFTER INSERT ON scratch BEGIN SELECT 1; END",
                "CREATE TEMP TABLE kv(shadow)");
        c.update("update.drop-temp-index", temporaries, "DROP INDEX scratch_a", everywhere);
        c.update("update.drop-temp-view", temporaries, "DROP VIEW glance", everywhere);
        c.update("update.drop-temp-trigger", temporaries, "DROP TRIGGER scratch_copy", everywhere);
        c.update("update.drop-shadowing-temp-table", temporaries, "DROP TABLE kv", everywhere);
        c.update("update.alter-temp-table", scratch, "ALTER TABLE scratch ADD COLUMN c INT DEFAULT 7",
                "SELECT * FROM scratch ORDER BY a");
        c.update("update.rename-temp-table", scratch, "ALTER TABLE scratch RENAME TO scratch2", everywhere);
        c.update("update.rename-temp-column", scratch, "ALTER TABLE scratch RENAME COLUMN b TO bb",
                "SELECT * FROM scratch ORDER BY a");
        c.update("update.drop-temp-column", scratch, "ALTER TABLE temp.scratch DROP COLUMN b",
                "SELECT * FROM scratch ORDER BY a");
        c.add("update.temp-index-in-transaction", scratch, (conn, t) -> {
            conn.setAutoCommit(false);
            t.step("create index", () -> conn.createStatement().executeUpdate("CREATE INDEX scratch_a ON scratch(a)"));
            t.step("insert", () -> conn.createStatement().executeUpdate("INSERT INTO scratch VALUES (3, 'z')"));
            conn.rollback();
            conn.setAutoCommit(true);
            t.step(everywhere, () -> conn.createStatement().executeQuery(everywhere));
            t.step("rows", () -> conn.createStatement().executeQuery("SELECT * FROM scratch ORDER BY a"));
        });
        c.add("update.temp-table-after-first-write", scratch, (conn, t) -> {
            t.step("insert", () -> conn.createStatement().executeUpdate("INSERT INTO kv SELECT b, a FROM scratch"));
            t.step("rows", () -> conn.createStatement().executeQuery("SELECT * FROM scratch ORDER BY a"));
            t.step(everywhere, () -> conn.createStatement().executeQuery(everywhere));
        });
        c.add("update.prepared-temp-index", scratch, (conn, t) -> {
            var ps = conn.prepareStatement("CREATE INDEX scratch_a ON scratch(a)");
            t.step("parameter count", () -> ps.getParameterMetaData().getParameterCount());
            t.step("executeUpdate", ps::executeUpdate);
            t.step(everywhere, () -> conn.createStatement().executeQuery(everywhere));
        });
        c.update("update.create-table-string-name", List.of(), "CREATE TABLE 'odd name'(a)",
                "SELECT name FROM sqlite_master");
        c.update("update.create-table-bracket-name", List.of(), "CREATE TABLE [odd name](a)",
                "SELECT name FROM sqlite_master");
        c.update("update.insert-into-string-name", List.of("CREATE TABLE 'odd name'(a)"), "INSERT INTO \"odd name\" VALUES (1)",
                "SELECT * FROM 'odd name'");
        c.update("update.create-index-string-name", List.of("CREATE TABLE 'odd name'(a)"),
                "CREATE INDEX 'odd index' ON 'odd name'(a)", "SELECT name FROM sqlite_master ORDER BY name");
        c.execute("update.execute-insert", kv, "INSERT INTO kv VALUES ('c', 3)");
        c.execute("update.execute-script", kv, "INSERT INTO kv VALUES ('c', 3); SELECT * FROM kv ORDER BY k");
        c.execute("update.execute-ddl", kv, "CREATE TABLE y(b)");
        c.execute("update.execute-update-none", kv, "UPDATE kv SET v = 1 WHERE 0");
        c.add("update.changes-after-update", kv, (conn, t) -> {
            var s = conn.createStatement();
            t.step("update", () -> s.executeUpdate("UPDATE kv SET v = 3"));
            t.step("changes()", () -> s.executeQuery("SELECT changes()"));
        });
        c.add("update.large-update", kv, (conn, t) ->
                t.step("executeLargeUpdate", () -> conn.createStatement().executeLargeUpdate("DELETE FROM kv")));
        c.add("update.count-after-query", kv, (conn, t) -> {
            var s = conn.createStatement();
            t.step("executeQuery", () -> s.executeQuery("SELECT 1").next());
            t.step("getUpdateCount", s::getUpdateCount);
        });
        c.add("update.autocommit-rollback", kv, (conn, t) -> {
            conn.setAutoCommit(false);
            t.step("insert", () -> conn.createStatement().executeUpdate("INSERT INTO kv VALUES ('r', 1)"));
            conn.rollback();
            conn.setAutoCommit(true);
            t.step(check, () -> conn.createStatement().executeQuery(check));
        });
        c.add("update.savepoint", kv, (conn, t) -> {
            conn.setAutoCommit(false);
            t.step("insert s", () -> conn.createStatement().executeUpdate("INSERT INTO kv VALUES ('s', 1)"));
            var sp = conn.setSavepoint("sp");
            t.step("insert u", () -> conn.createStatement().executeUpdate("INSERT INTO kv VALUES ('u', 1)"));
            conn.rollback(sp);
            conn.commit();
            conn.setAutoCommit(true);
            t.step(check, () -> conn.createStatement().executeQuery(check));
        });
        c.add("update.fetch-direction", kv, (conn, t) -> {
            var s = conn.createStatement();
            t.step("setFetchDirection FORWARD", () -> {
                s.setFetchDirection(java.sql.ResultSet.FETCH_FORWARD);
                return s.getFetchDirection();
            });
            t.step("setFetchDirection REVERSE", () -> {
                s.setFetchDirection(java.sql.ResultSet.FETCH_REVERSE);
                return s.getFetchDirection();
            });
            t.step("setFetchDirection UNKNOWN", () -> {
                s.setFetchDirection(java.sql.ResultSet.FETCH_UNKNOWN);
                return s.getFetchDirection();
            });
            t.step("query", () -> s.executeQuery("SELECT count(*) FROM kv"));
        });
        c.add("update.result-set-fetch-direction", kv, (conn, t) -> {
            var rs = conn.createStatement().executeQuery("SELECT k FROM kv ORDER BY k");
            t.step("setFetchDirection REVERSE", () -> {
                rs.setFetchDirection(java.sql.ResultSet.FETCH_REVERSE);
                return rs.getFetchDirection();
            });
            t.step("rows", () -> rs);
        });
    }
}
