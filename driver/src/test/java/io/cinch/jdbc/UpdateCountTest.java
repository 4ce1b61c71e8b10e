package io.cinch.jdbc;

import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static io.cinch.jdbc.Check.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What executeUpdate counts: the rows an INSERT, UPDATE or DELETE changed, and nothing for any other statement. */
class UpdateCountTest {

    @TempDir
    Path dir;

    @Test
    void statementsThatChangeNoRowsCountZeroNotThePreviousStatementsRows() throws Exception {
        try (Connection c = open(dir.resolve("p")); Statement s = c.createStatement()) {
            run(c, "CREATE TABLE kv(k, v)");
            assertEquals(2, s.executeUpdate("INSERT INTO kv VALUES (1, 1), (2, 2)"));
            assertEquals(0, s.executeUpdate("CREATE TEMP TABLE scratch(a)"));
            assertEquals(2, s.executeUpdate("UPDATE kv SET v = v + 1"));
            assertEquals(0, s.executeUpdate("CREATE TEMP VIEW glance AS SELECT 1"));
            try (PreparedStatement ps = c.prepareStatement("CREATE TEMP TABLE other(a)")) {
                assertEquals(0, ps.executeUpdate());
            }
        }
    }

    @Test
    void preparedExecuteUpdateRefusesAStatementThatReturnsRowsAndRunsNothing() throws Exception {
        try (Connection c = open(dir.resolve("p"))) {
            run(c, "CREATE TABLE kv(k, v)", "INSERT INTO kv VALUES (1, 1)");
            for (String sql : List.of("SELECT * FROM kv", "VALUES (1)", "PRAGMA user_version",
                    "INSERT INTO kv VALUES (2, 2) RETURNING k")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    fails("22023", ps::executeUpdate);
                }
            }
            assertEquals(List.of("1|1"), rows(c, "SELECT * FROM kv"));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO kv VALUES (?, 3)")) {
                ps.setInt(1, 3);
                assertEquals(1, ps.executeUpdate());
            }
        }
    }
}
