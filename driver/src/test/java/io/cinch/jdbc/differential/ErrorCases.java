package io.cinch.jdbc.differential;

import java.sql.PreparedStatement;
import java.util.List;

/** Errors, compared by SQLite's error code (SQLStates are cinch's own and asserted elsewhere). */
final class ErrorCases {

    private ErrorCases() {
    }

    static void addTo(Corpus c) {
        List<String> schema = List.of(
                "CREATE TABLE p(id INTEGER PRIMARY KEY, u TEXT UNIQUE, nn TEXT NOT NULL DEFAULT 'x', c INT CHECK (c > 0))",
                "CREATE TABLE k(id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p(id))",
                "CREATE TABLE st(a INTEGER, b TEXT) STRICT",
                "INSERT INTO p(id, u, c) VALUES (1, 'one', 1)");
        String[] failing = {
            "INSERT INTO p(id, u, c) VALUES (1, 'two', 1)",
            "INSERT INTO p(u, c) VALUES ('one', 1)",
            "INSERT INTO p(u, nn, c) VALUES ('two', NULL, 1)",
            "INSERT INTO p(u, c) VALUES ('two', 0)",
            "INSERT INTO k VALUES (1, 99)",
            "DELETE FROM p",
            "UPDATE p SET c = -1",
            "INSERT INTO st VALUES ('abc', 'x')",
            "INSERT INTO missing VALUES (1)",
            "SELECT nothing FROM p",
            "SELEC 1",
            "SELECT * FROM p WHERE",
            "INSERT INTO p(id) VALUES (1, 2)",
            "CREATE TABLE p(a)",
            "DROP TABLE missing",
            "DROP INDEX missing",
            "ALTER TABLE missing ADD COLUMN a",
            "ALTER TABLE p ADD COLUMN u TEXT",
            "SELECT * FROM p JOIN k",
            "SELECT abs()",
            "SELECT nosuchfunction(1)",
            "SELECT 1 UNION SELECT 1, 2",
            "CREATE INDEX p_u ON p(nothing)",
            "CREATE UNIQUE INDEX p_nn ON p(nn)",
            "INSERT INTO p(u, c) VALUES ('x', 1) RETURNING nothing",
            "COMMIT",
            "ROLLBACK",
            "SELECT * FROM nobody.p",
            "SELECT json_extract('not json', '$')",
            "SELECT raise(ABORT, 'no')",
            "PRAGMA nothing_such",
        };
        for (int i = 0; i < failing.length; i++) {
            c.execute("error.statement-" + (i + 1), schema, failing[i]);
        }
        c.add("error.prepared-constraint", schema, (conn, t) -> {
            PreparedStatement ps = conn.prepareStatement("INSERT INTO p(u, c) VALUES (?, 1)");
            ps.setString(1, "one");
            t.step("executeUpdate", ps::executeUpdate);
            ps.setString(1, "fresh");
            t.step("executeUpdate after failure", ps::executeUpdate);
        });
        c.add("error.closed-statement", schema, (conn, t) -> {
            var s = conn.createStatement();
            s.close();
            t.step("executeQuery", () -> s.executeQuery("SELECT 1"));
        });
        c.add("error.closed-result-set", schema, (conn, t) -> {
            var rs = conn.createStatement().executeQuery("SELECT 1");
            rs.close();
            t.step("next", rs::next);
        });
        c.add("error.trigger-abort", List.of("CREATE TABLE g(a)",
                "CREATE TRIGGER g_no BEFORE INSERT ON g BEGIN SELECT raise(ABORT, 'refused'); END"), (conn, t) ->
                t.step("insert", () -> conn.createStatement().executeUpdate("INSERT INTO g VALUES (1)")));
        c.add("error.execute-query-on-insert", schema, (conn, t) ->
                t.step("executeQuery", () -> conn.createStatement().executeQuery("INSERT INTO p(u, c) VALUES ('q', 1)")));
        c.add("error.in-transaction-continues", schema, (conn, t) -> {
            conn.setAutoCommit(false);
            t.step("fail", () -> conn.createStatement().executeUpdate("INSERT INTO p(id, u, c) VALUES (1, 'z', 1)"));
            t.step("insert", () -> conn.createStatement().executeUpdate("INSERT INTO p(u, c) VALUES ('z', 1)"));
            conn.commit();
            t.step("count", () -> conn.createStatement().executeQuery("SELECT count(*) FROM p"));
        });
    }
}
