package io.cinch.jdbc;

import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static io.cinch.jdbc.Check.fails;
import static io.cinch.jdbc.Check.failsSomehow;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SQLStates and exception classes of errors in user SQL (INTERFACE.md §7). */
class ErrorStateTest {

    @TempDir
    Path dir;
    Path pm;

    @BeforeEach
    void project() throws Exception {
        pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE users(id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, age INTEGER CHECK (age >= 0))",
                    "CREATE TABLE tags(a TEXT, b TEXT, PRIMARY KEY (a, b))",
                    "CREATE TABLE notes(id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id), body TEXT)",
                    "CREATE TABLE docs(v TEXT)",
                    "CALL cinch.create_tenant('acme_corp')", "CALL cinch.create_tenant('lazy')",
                    "INSERT INTO acme_corp.users(id, email, age) VALUES (1, 'a@x', 30)",
                    "INSERT INTO acme_corp.notes(user_id, body) VALUES (1, 'n')",
                    "INSERT INTO acme_corp.tags VALUES ('x', 'y')");
        }
    }

    static Stream<Arguments> violations() {
        return Stream.of(
                Arguments.of("23505", "INSERT INTO users(id, email, age) VALUES (2, 'a@x', 1)"),
                Arguments.of("23505", "INSERT INTO users(id, email, age) VALUES (1, 'other@x', 1)"),
                Arguments.of("23505", "INSERT INTO tags VALUES ('x', 'y')"),
                Arguments.of("23505", "UPDATE users SET email = 'a@x' WHERE id = 2"),
                Arguments.of("23503", "INSERT INTO notes(user_id, body) VALUES (999, 'orphan')"),
                Arguments.of("23503", "DELETE FROM users WHERE id = 1"),
                Arguments.of("23503", "UPDATE notes SET user_id = 999"),
                Arguments.of("23502", "INSERT INTO users(id, email, age) VALUES (3, NULL, 1)"),
                Arguments.of("23502", "UPDATE users SET email = NULL WHERE id = 1"),
                Arguments.of("23514", "INSERT INTO users(id, email, age) VALUES (4, 'neg@x', -1)"),
                Arguments.of("23514", "UPDATE users SET age = -5 WHERE id = 1"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("violations")
    void constraintViolationsCarryTheirStateAndClass(String state, String sql) throws Exception {
        try (Connection c = open(pm, "tenant=acme_corp")) {
            run(c, "INSERT INTO users(id, email, age) VALUES (2, 'b@x', 20)");
            SQLException e = fails(state, () -> run(c, sql));
            assertInstanceOf(SQLIntegrityConstraintViolationException.class, e);
            try (Statement s = c.createStatement()) {
                assertInstanceOf(SQLIntegrityConstraintViolationException.class, fails(state, () -> s.executeUpdate(sql)));
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                assertInstanceOf(SQLIntegrityConstraintViolationException.class, fails(state, ps::executeUpdate));
                assertInstanceOf(SQLIntegrityConstraintViolationException.class, fails(state, ps::execute));
            }
            assertEquals(List.of("1|a@x|30", "2|b@x|20"), rows(c, "SELECT * FROM users ORDER BY id"));
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("violations")
    void violationThroughAQualifiedNameCarriesItsState(String state, String sql) throws Exception {
        try (Connection c = open(pm, "tenant=lazy")) {
            run(c, "INSERT INTO acme_corp.users(id, email, age) VALUES (2, 'b@x', 20)");
            String qualified = sql.replaceFirst("(INTO|UPDATE|FROM) (\\w+)", "$1 acme_corp.$2");
            SQLException e = fails(state, () -> run(c, qualified));
            assertInstanceOf(SQLIntegrityConstraintViolationException.class, e);
            assertEquals(List.of("1|a@x|30", "2|b@x|20"), rows(c, "SELECT * FROM acme_corp.users ORDER BY id"));
        }
    }

    @Test
    void violationsOnALazyTenantsFirstWriteCarryTheirState() throws Exception {
        try (Connection c = open(pm, "tenant=lazy")) {
            fails("23502", () -> run(c, "INSERT INTO users(email) VALUES (NULL)"));
            fails("23514", () -> run(c, "INSERT INTO users(email, age) VALUES ('x', -1)"));
            fails("23503", () -> run(c, "INSERT INTO notes(user_id) VALUES (5)"));
            run(c, "INSERT INTO users(id, email) VALUES (1, 'x')");
            fails("23505", () -> run(c, "INSERT INTO users(id, email) VALUES (2, 'x')"));
            assertEquals(List.of("1|x|null"), rows(c, "SELECT * FROM users"));
        }
    }

    @Test
    void batchFailureKeepsTheStateAndTheCountsBefore() throws Exception {
        try (Connection c = open(pm, "tenant=acme_corp");
             PreparedStatement ps = c.prepareStatement("INSERT INTO users(id, email, age) VALUES (?, ?, 1)")) {
            ps.setInt(1, 10);
            ps.setString(2, "ten@x");
            ps.addBatch();
            ps.setInt(1, 11);
            ps.setString(2, "a@x");
            ps.addBatch();
            BatchUpdateException e = (BatchUpdateException) fails("23505", ps::executeBatch);
            assertArrayEquals(new int[] {1}, e.getUpdateCounts());
        }
        try (Connection c = open(pm, "tenant=acme_corp"); Statement s = c.createStatement()) {
            s.addBatch("INSERT INTO notes(user_id, body) VALUES (1, 'ok')");
            s.addBatch("INSERT INTO notes(user_id, body) VALUES (42, 'orphan')");
            BatchUpdateException e = (BatchUpdateException) fails("23503", s::executeBatch);
            assertArrayEquals(new int[] {1}, e.getUpdateCounts());
        }
    }

    @Test
    void syntaxErrorsAndMissingObjectsAre42000() throws Exception {
        try (Connection c = open(pm, "tenant=acme_corp")) {
            for (String sql : List.of("SELEC 1", "SELECT * FROM", "INSERT INTO users VALUES (", "SELECT * FROM nope",
                    "INSERT INTO nope VALUES (1)", "SELECT nope FROM users", "UPDATE users SET nope = 1",
                    "DELETE FROM nope", "SELECT * FROM acme_corp.nope", "CREATE TABLE users(x)", "DROP TABLE nope",
                    "SELECT nope()", "CALL cinch.no_such_procedure()", "CALL cinch.create_tenant('x'")) {
                SQLException e = fails("42000", () -> run(c, sql));
                assertInstanceOf(SQLSyntaxErrorException.class, e, sql);
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    assertInstanceOf(SQLSyntaxErrorException.class, fails("42000", ps::execute), sql);
                } catch (SQLException atPrepare) {
                    assertEquals("42000", atPrepare.getSQLState(), sql);
                    assertInstanceOf(SQLSyntaxErrorException.class, atPrepare, sql);
                }
            }
            assertEquals(List.of("1|a@x|30"), rows(c, "SELECT * FROM users"));
        }
    }

    @Test
    void cinchsOwnClass42StatesAreSyntaxErrorExceptions() throws Exception {
        try (Connection c = open(pm, "tenant=acme_corp", "lock_tenant=true")) {
            assertInstanceOf(SQLSyntaxErrorException.class, fails("42501", () -> run(c, "ATTACH 'x.db' AS x")));
            assertInstanceOf(SQLSyntaxErrorException.class, fails("42501", () -> c.setSchema("lazy")));
            assertInstanceOf(SQLSyntaxErrorException.class, fails("42602", () -> run(c, "CALL cinch.create_tenant('A')")));
            assertInstanceOf(SQLSyntaxErrorException.class, fails("42710", () -> run(c, "CALL cinch.create_tenant('lazy')")));
        }
    }

    @Test
    void errorWhileReadingRowsCarriesAState() throws Exception {
        try (Connection c = open(pm, "tenant=acme_corp")) {
            run(c, "INSERT INTO docs VALUES ('{}'), ('{bad json')");
            try (Statement s = c.createStatement()) {
                SQLException e = failsSomehow(() -> {
                    try (ResultSet rs = s.executeQuery("SELECT json(v) FROM docs ORDER BY rowid")) {
                        while (rs.next()) {
                            rs.getString(1);
                        }
                    }
                });
                assertEquals("42000", e.getSQLState());
            }
        }
    }

    @Test
    void aQueryThatFailedWhileRunningCanRunAgain() throws Exception {
        try (Connection c = open(pm, "tenant=acme_corp")) {
            run(c, "INSERT INTO docs VALUES ('{bad json')");
            try (PreparedStatement ps = c.prepareStatement("SELECT json(v) FROM docs")) {
                fails("42000", () -> rows(ps.executeQuery()));
                run(c, "UPDATE docs SET v = '{}'");
                assertEquals(List.of("{}"), rows(ps.executeQuery()));
            }
            try (Statement s = c.createStatement()) {
                fails("42501", () -> s.executeQuery("SELECT \"load_extension\"('x')"));
                fails("42501", () -> s.executeQuery("SELECT \"load_extension\"('x')"));
            }
        }
    }

    @Test
    void parameterBeyondTheLastMarkerFailsWithAnSqlException() throws Exception {
        try (Connection c = open(pm, "tenant=acme_corp");
             PreparedStatement ps = c.prepareStatement("SELECT * FROM users WHERE id = ?")) {
            ps.setString(1, "1");
            try {
                ps.setString(2, "x");
            } catch (SQLException atSet) {
                assertNotNull(atSet.getSQLState());
                return;
            }
            failsSomehow(ps::executeQuery);
        }
    }

    @Test
    void failedStatementInATransactionLeavesItUsable() throws Exception {
        try (Connection c = open(pm, "tenant=acme_corp")) {
            c.setAutoCommit(false);
            run(c, "INSERT INTO users(id, email) VALUES (5, 'five@x')");
            fails("23505", () -> run(c, "INSERT INTO users(id, email) VALUES (6, 'five@x')"));
            run(c, "INSERT INTO users(id, email) VALUES (6, 'six@x')");
            c.commit();
            assertEquals(List.of("1", "5", "6"), rows(c, "SELECT id FROM users ORDER BY id"));
            run(c, "INSERT INTO users(id, email) VALUES (7, 'seven@x')");
            fails("42000", () -> run(c, "SELEC 1"));
            c.rollback();
            assertEquals(List.of("1", "5", "6"), rows(c, "SELECT id FROM users ORDER BY id"));
        }
    }

    @Test
    void misuseOfTheApiCarriesAState() throws Exception {
        Connection closed = open(pm);
        Statement orphan = closed.createStatement();
        closed.close();
        failsSomehow(closed::createStatement);
        failsSomehow(() -> closed.setSchema("acme_corp"));
        failsSomehow(() -> orphan.executeQuery("SELECT 1"));
        try (Connection c = open(pm, "tenant=acme_corp")) {
            Statement s = c.createStatement();
            s.close();
            failsSomehow(() -> s.executeQuery("SELECT 1"));
            try (Statement t = c.createStatement()) {
                failsSomehow(() -> t.executeQuery("INSERT INTO docs VALUES ('x')"));
                failsSomehow(() -> t.executeQuery("CREATE TABLE x(y)"));
                try (ResultSet rs = t.executeQuery("SELECT id FROM users")) {
                    rs.next();
                    failsSomehow(() -> rs.getString(5));
                    failsSomehow(() -> rs.getString("no_such_column"));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM users WHERE id = ?")) {
                failsSomehow(() -> ps.setString(0, "x"));
            }
            failsSomehow(() -> c.commit());
            failsSomehow(() -> c.prepareStatement("SELECT ?; SELECT ?"));
        }
    }
}
