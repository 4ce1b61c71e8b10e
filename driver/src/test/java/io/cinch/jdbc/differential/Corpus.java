package io.cinch.jdbc.differential;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The cases of the differential harness, gathered from one class per area of JDBC. */
final class Corpus {

    /** Statements that make a small typed table {@code t} used by many cases. */
    static final List<String> TABLE = List.of(
            "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT NOT NULL, score REAL, data BLOB, n NUMERIC, "
                    + "flag BOOLEAN, born DATE, seen DATETIME, code VARCHAR(21), price DECIMAL(10,2), other)",
            "INSERT INTO t(name, score, data, n, flag, born, seen, code, price, other) VALUES "
                    + "('a', 1.5, x'0102', 10, 1, '2024-01-02', '2024-01-02 10:11:12.345', 'x', 9.99, 'o'), "
                    + "('b', NULL, NULL, 2.5, 0, NULL, NULL, NULL, NULL, 3)");

    private final List<Case> cases = new ArrayList<>();

    /** Every case, in a fixed order. */
    static List<Case> all() {
        Corpus c = new Corpus();
        QueryCases.addTo(c);
        GetterCases.addTo(c);
        UpdateCases.addTo(c);
        PreparedCases.addTo(c);
        BatchCases.addTo(c);
        KeyCases.addTo(c);
        DateCases.addTo(c);
        MetaDataCases.addTo(c);
        ErrorCases.addTo(c);
        return c.cases;
    }

    Corpus add(String id, List<String> setup, Probe probe) {
        cases.add(Case.of(id, setup, probe));
        return this;
    }

    Corpus add(String id, Map<String, String> settings, List<String> setup, Probe probe) {
        cases.add(new Case(id, settings, setup, probe));
        return this;
    }

    /** A case that runs one query through a statement. */
    Corpus query(String id, List<String> setup, String sql) {
        return add(id, setup, (c, t) -> t.step(sql, () -> c.createStatement().executeQuery(sql)));
    }

    /** A case that runs {@code execute} and writes every outcome it leaves: result, count, more results. */
    Corpus execute(String id, List<String> setup, String sql) {
        return add(id, setup, (c, t) -> execute(c, t, sql));
    }

    /** A case that runs {@code executeUpdate}, then shows the table. */
    Corpus update(String id, List<String> setup, String sql, String check) {
        return add(id, setup, (c, t) -> {
            t.step(sql, () -> c.createStatement().executeUpdate(sql));
            t.step(check, () -> c.createStatement().executeQuery(check));
        });
    }

    static void execute(Connection c, Transcript t, String sql) {
        t.step("execute " + sql, () -> {
            Statement s = c.createStatement();
            boolean rows = s.execute(sql);
            t.note("  rows " + rows + ", update count " + s.getUpdateCount());
            if (rows) {
                t.rows(s.getResultSet());
            }
            t.note("  more " + s.getMoreResults() + ", update count " + s.getUpdateCount());
            return rows;
        });
    }

    /** A prepared statement, for probes that set parameters. */
    static PreparedStatement prepare(Connection c, String sql) throws Exception {
        return c.prepareStatement(sql);
    }
}
