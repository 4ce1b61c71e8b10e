package io.cinch.federation;

import io.cinch.Projects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Words that SQLite takes as names ({@code date}, {@code value}, {@code rows}, ...) work bare on tenant=* as in a
 * tenant, and what tenant=* cannot read fails in one line with a SQLState.
 */
class SqliteWordsTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void project() throws SQLException {
        try (Connection main = Projects.open(dir)) {
            Projects.run(main, "CREATE TABLE events (id INTEGER PRIMARY KEY, date TEXT, time TEXT, timestamp TEXT, "
                    + "value REAL, year INTEGER, month INTEGER, rows INTEGER, offset INTEGER, range TEXT, key TEXT, "
                    + "current TEXT, partition TEXT, interval INTEGER, window TEXT, row INTEGER)");
            for (String t : List.of("acme", "globex", "initech")) {
                Projects.run(main, "CALL cinch.create_tenant('" + t + "')");
            }
        }
        for (String t : List.of("acme", "globex")) {
            try (Connection c = Projects.open(dir, "tenant=" + t)) {
                for (int i = 0; i < 6; i++) {
                    Projects.run(c, "INSERT INTO events(date, time, timestamp, value, year, month, rows, offset, range, key, "
                            + "current, partition, interval, window, row) VALUES ('2024-0" + (1 + i % 3) + "-1" + i + "', '1" + i
                            + ":00', '2024-01-01 0" + i + ":00:00', " + (i * 1.5) + ", " + (2020 + i % 2) + ", " + (1 + i % 3)
                            + ", " + i + ", " + (10 - i) + ", '" + t + i + "', 'k" + (i % 2) + "', 'c', 'p" + (i % 3)
                            + "', " + (i * 7) + ", 'w', " + (i % 2) + ")");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT date, time, timestamp, value, year, month, rows, offset, range, key, current, partition, interval, window, row FROM events",
            "SELECT e.date, e.rows, e.offset, e.value FROM events e WHERE e.range LIKE 'ACME%' OR e.row = 1",
            "SELECT year, month, count(*) AS rows, sum(value) AS value, max(date) date FROM events GROUP BY year, month",
            "SELECT date AS day, strftime('%m', date) AS month, value * 2 AS year FROM events WHERE date > '2024-02' ORDER BY date",
            "SELECT `key`, [value], \"offset\" FROM events WHERE rows BETWEEN 1 AND 4",
            "SELECT partition, total(value), group_concat(DISTINCT key) IN ('k0,k1', 'k1,k0', 'k0', 'k1') FROM events GROUP BY partition",
            "SELECT date(timestamp, '+1 day') AS date, time(timestamp) AS time, CAST(rows AS TEXT) AS text FROM events",
            "SELECT interval + 1, current || window FROM events ORDER BY rows LIMIT 3 OFFSET 1",
    })
    void sqliteNamesWorkBareAsInATenant(String sql) throws SQLException {
        List<List<Object>> expected = Loop.rows(dir, sql);
        assertFalse(expected.isEmpty());
        List<List<Object>> actual;
        try (Connection all = Projects.open(dir, "tenant=*")) {
            actual = Rows.query(all, sql.replace("SELECT ", "SELECT _tenant, ").replace("GROUP BY ", "GROUP BY _tenant, "));
        }
        if (sql.contains("LIMIT")) { // the first rows across tenants
            assertEquals(3, actual.size(), sql);
            return;
        }
        assertEquals(Rows.sorted(expected), Rows.sorted(actual), sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT nosuch FROM events",
            "SELECT * FROM nosuch",
            "SELECT nosuchfn(key) FROM events",
            "SELECT * FROM events WHERE",
            "SELECT key FROM events GROUP BY",
            "SELECT max(key, value) FROM events WHERE rows = ",
    })
    void whatCannotBeReadFailsInOneLineWithAState(String sql) throws SQLException {
        try (Connection all = Projects.open(dir, "tenant=*"); Statement s = all.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(sql).close());
            assertEquals("42000", e.getSQLState(), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            SQLException prepared = assertThrows(SQLException.class, () -> all.prepareStatement(sql).close());
            assertEquals(e.getMessage(), prepared.getMessage());
        }
    }

    @Test
    void missingNamesAreReportedInSqlitesWords() throws SQLException {
        try (Connection all = Projects.open(dir, "tenant=*"); Statement s = all.createStatement()) {
            assertTrue(assertThrows(SQLException.class, () -> s.executeQuery("SELECT nosuch FROM events"))
                    .getMessage().startsWith("no such column: nosuch"));
            assertTrue(assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM nosuch"))
                    .getMessage().startsWith("no such table: nosuch"));
            assertTrue(assertThrows(SQLException.class, () -> s.executeQuery("SELECT nosuchfn(key) FROM events"))
                    .getMessage().startsWith("no such function: nosuchfn"));
        }
    }
}
