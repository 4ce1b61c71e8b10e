package io.cinch.jdbc.differential;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;

/** Generated keys after inserts of every shape. */
final class KeyCases {

    private KeyCases() {
    }

    static void addTo(Corpus c) {
        List<String> auto = List.of("CREATE TABLE a(id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT)");
        List<String> rowid = List.of("CREATE TABLE r(id INTEGER PRIMARY KEY, v TEXT)", "INSERT INTO r VALUES (10, 'x')");
        statement(c, "keys.autoincrement", auto, "INSERT INTO a(v) VALUES ('x')");
        statement(c, "keys.rowid-alias", rowid, "INSERT INTO r(v) VALUES ('y')");
        statement(c, "keys.multi-row", rowid, "INSERT INTO r(v) VALUES ('y'), ('z')");
        statement(c, "keys.explicit-id", rowid, "INSERT INTO r VALUES (50, 'y')");
        statement(c, "keys.with-insert", rowid, "WITH x(v) AS (SELECT 'w') INSERT INTO r(v) SELECT v FROM x");
        statement(c, "keys.insert-select", rowid, "INSERT INTO r(v) SELECT v || '2' FROM r");
        statement(c, "keys.replace", rowid, "REPLACE INTO r VALUES (10, 'q')");
        statement(c, "keys.text-key", List.of("CREATE TABLE s(k TEXT PRIMARY KEY, v)"), "INSERT INTO s VALUES ('key', 1)");
        statement(c, "keys.without-rowid", List.of("CREATE TABLE w(k TEXT PRIMARY KEY, v) WITHOUT ROWID"),
                "INSERT INTO w VALUES ('key', 1)");
        statement(c, "keys.update", rowid, "UPDATE r SET v = 'u'");
        statement(c, "keys.delete", rowid, "DELETE FROM r");
        statement(c, "keys.insert-ignored", rowid, "INSERT OR IGNORE INTO r VALUES (10, 'dup')");
        c.add("keys.not-requested", rowid, (conn, t) -> {
            Statement s = conn.createStatement();
            t.step("insert", () -> s.executeUpdate("INSERT INTO r(v) VALUES ('y')"));
            t.step("getGeneratedKeys", s::getGeneratedKeys);
        });
        c.add("keys.prepared", rowid, (conn, t) -> {
            PreparedStatement ps = conn.prepareStatement("INSERT INTO r(v) VALUES (?)", Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, "p");
            t.step("insert", ps::executeUpdate);
            t.step("getGeneratedKeys", ps::getGeneratedKeys);
            ps.setString(1, "q");
            t.step("insert again", ps::executeUpdate);
            t.step("getGeneratedKeys", ps::getGeneratedKeys);
        });
        c.add("keys.prepared-batch", rowid, (conn, t) -> {
            PreparedStatement ps = conn.prepareStatement("INSERT INTO r(v) VALUES (?)", Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, "p");
            ps.addBatch();
            ps.setString(1, "q");
            ps.addBatch();
            t.step("batch", ps::executeBatch);
            t.step("getGeneratedKeys", ps::getGeneratedKeys);
        });
        c.add("keys.after-query", rowid, (conn, t) -> {
            Statement s = conn.createStatement();
            t.step("insert", () -> s.executeUpdate("INSERT INTO r(v) VALUES ('y')", Statement.RETURN_GENERATED_KEYS));
            t.step("query", () -> s.executeQuery("SELECT 1"));
            t.step("getGeneratedKeys", s::getGeneratedKeys);
        });
        c.add("keys.returning", rowid, (conn, t) -> {
            Statement s = conn.createStatement();
            t.step("insert returning", () -> s.executeQuery("INSERT INTO r(v) VALUES ('y') RETURNING id, v"));
        });
        c.add("keys.last-insert-rowid", rowid, (conn, t) -> {
            Statement s = conn.createStatement();
            t.step("insert", () -> s.executeUpdate("INSERT INTO r(v) VALUES ('y')"));
            t.step("last_insert_rowid()", () -> s.executeQuery("SELECT last_insert_rowid()"));
        });
    }

    private static void statement(Corpus c, String id, List<String> setup, String sql) {
        c.add(id, setup, (conn, t) -> {
            Statement s = conn.createStatement();
            t.step(sql, () -> s.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS));
            t.step("getGeneratedKeys", s::getGeneratedKeys);
        });
    }
}
