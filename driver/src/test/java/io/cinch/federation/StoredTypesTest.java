package io.cinch.federation;

import io.cinch.Projects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * SQLite keeps a value that does not fit a column's declared type as it was given (2.5 or 'lots' in an INTEGER column);
 * across tenants such a value comes back as the loop reads it, or the query fails with a data exception (22xxx) -
 * never as a silently different value.
 */
class StoredTypesTest {
    @TempDir
    static Path dir;
    static Connection all;

    @BeforeAll
    static void build() throws SQLException {
        try (Connection main = Projects.open(dir)) {
            Projects.run(main, "CALL cinch.create_table('readings', 'n:INTEGER? r:REAL? label:TEXT?')",
                    "CALL cinch.create_tenant('clean')", "CALL cinch.create_tenant('fraction')", "CALL cinch.create_tenant('words')");
        }
        write("clean", "INSERT INTO readings(id, n, r, label) VALUES ('c1', 1, 1.5, 'a'), ('c2', 2, 2.25, 'b')");
        write("fraction", "INSERT INTO readings(id, n, r, label) VALUES ('f1', 2.5, 1.0, 'c'), ('f2', 1, 3, 'd')");
        write("words", "INSERT INTO readings(id, n, r, label) VALUES ('w1', 'lots', 'plenty', 7)");
        all = Projects.open(dir, "tenant=*");
    }

    @AfterAll
    static void close() throws SQLException {
        all.close();
    }

    private static void write(String tenant, String sql) throws SQLException {
        try (Connection c = Projects.open(dir, "tenant=" + tenant)) {
            Projects.run(c, sql);
        }
    }

    private static void assertLoopOrDataException(List<List<Object>> expected, String sql) {
        List<List<Object>> actual;
        try {
            actual = Rows.query(all, sql);
        } catch (SQLException e) {
            assertTrue(e.getSQLState() != null && e.getSQLState().startsWith("22"), "not a data exception: " + e.getSQLState());
            return;
        }
        assertEquals(Rows.sorted(expected), Rows.sorted(actual), sql);
    }

    @Test
    void valuesOfTheirDeclaredTypesReadExactly() throws SQLException {
        List<List<Object>> expected = Loop.rowsOf(dir, "clean", "SELECT id, n, r, label FROM readings");
        assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all, "SELECT _tenant, id, n, r, label FROM readings WHERE _tenant = 'clean'")));
        assertEquals(List.of(Rows.row(3, 3.75)), Rows.query(all, "SELECT SUM(n), SUM(r) FROM readings WHERE _tenant = 'clean'"));
    }

    @Test
    void realStoredInAnIntegerColumnIsNotTruncated() throws SQLException {
        assertLoopOrDataException(Loop.rowsOf(dir, "fraction", "SELECT id, n FROM readings"),
                "SELECT _tenant, id, n FROM readings WHERE _tenant = 'fraction'");
        List<List<Object>> sums = new ArrayList<>();
        for (List<Object> r : Loop.rowsOf(dir, "fraction", "SELECT SUM(n), AVG(n) FROM readings")) {
            sums.add(r.subList(1, 3));
        }
        assertLoopOrDataException(sums, "SELECT SUM(n), AVG(n) FROM readings WHERE _tenant = 'fraction'");
    }

    @Test
    void textStoredInNumericColumnsIsNotReadAsZero() throws SQLException {
        assertLoopOrDataException(Loop.rowsOf(dir, "words", "SELECT id, n, r, label FROM readings"),
                "SELECT _tenant, id, n, r, label FROM readings WHERE _tenant = 'words'");
    }

    @Test
    void theLoopSeesTheStoredValues() throws SQLException {
        List<List<Object>> rows = Loop.rows(dir, "SELECT id, typeof(n), typeof(r) FROM readings ORDER BY id");
        if (!rows.contains(Rows.row("fraction", "f1", "real", "real")) || !rows.contains(Rows.row("words", "w1", "text", "text"))) {
            fail("SQLite kept the values as given: " + rows);
        }
    }
}
