package io.cinch.federation;

import io.cinch.Projects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cross-tenant connection refuses every write, DDL and changing procedure with 25006, changes nothing, and runs listing procedures. */
class ReadOnlyTest {
    @TempDir
    static Path dir;
    static Connection all;

    static final List<String> WRITES = List.of(
            "INSERT INTO users(id, email, name, role, active) VALUES ('x', 'x@x', 'x', 'member', 0)",
            "INSERT INTO tasks SELECT * FROM tasks",
            "REPLACE INTO projects(id, name, owner_id, status) VALUES ('p1', 'x', 'u1', 'active')",
            "UPDATE tasks SET status = 'done'",
            "DELETE FROM tasks",
            "WITH old AS (SELECT id FROM tasks) DELETE FROM tasks WHERE id IN (SELECT id FROM old)",
            "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
            "CREATE INDEX tasks_status ON tasks(status)",
            "CREATE VIEW open_tasks AS SELECT * FROM tasks WHERE status = 'open'",
            "CREATE TRIGGER t AFTER INSERT ON tasks BEGIN DELETE FROM users; END",
            "ALTER TABLE tasks ADD COLUMN extra TEXT",
            "DROP TABLE tasks",
            "DROP INDEX IF EXISTS nothing_here",
            "CALL cinch.create_tenant('newbie')",
            "CALL cinch.delete_tenant('t001')",
            "CALL cinch.rename_tenant('t001', 't999')",
            "CALL cinch.copy_tenant('t001', 't998')",
            "CALL cinch.create_branch('b2')",
            "CALL cinch.delete_branch('feature')",
            "CALL cinch.merge_branch('feature')",
            "CALL cinch.merge_into_main()",
            "CALL cinch.create_table('notes', 'body:TEXT')",
            "CALL cinch.create_database('other')",
            "CALL cinch.delete_database('main')",
            "CALL cinch.backup_tenant('t001', 't001.db')",
            "CALL cinch.restore_tenant('t001', 't001.db')",
            "{call cinch.create_tenant('newbie')}");

    static final List<String> LISTINGS = List.of(
            "CALL cinch.list_tenants()", "CALL cinch.list_branches()", "CALL cinch.list_changes()",
            "CALL cinch.list_changes('feature')", "CALL cinch.list_databases()", "{call cinch.list_tenants()}");

    /** How a statement is sent. */
    enum Way { EXECUTE, EXECUTE_UPDATE, EXECUTE_QUERY, PREPARED_EXECUTE, PREPARED_EXECUTE_UPDATE, BATCH }

    @BeforeAll
    static void build() throws Exception {
        TenantProject project = TenantProject.build(dir, 6);
        try (Connection main = Projects.open(dir)) {
            Projects.run(main, "CALL cinch.create_branch('feature')");
        }
        try (Connection feature = Projects.open(dir, "branch=feature")) {
            Projects.run(feature, "CREATE TABLE labels (id INTEGER PRIMARY KEY, name TEXT)");
        }
        all = project.crossTenant();
    }

    @AfterAll
    static void close() throws SQLException {
        all.close();
    }

    static Stream<Arguments> writesEveryWay() {
        return WRITES.stream().flatMap(sql -> Stream.of(Way.values()).map(way -> Arguments.of(way, sql)));
    }

    static void send(Connection c, Way way, String sql) throws SQLException {
        switch (way) {
            case EXECUTE -> {
                try (Statement s = c.createStatement()) {
                    s.execute(sql);
                }
            }
            case EXECUTE_UPDATE -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate(sql);
                }
            }
            case EXECUTE_QUERY -> {
                try (Statement s = c.createStatement()) {
                    s.executeQuery(sql).close();
                }
            }
            case PREPARED_EXECUTE -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.execute();
                }
            }
            case PREPARED_EXECUTE_UPDATE -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.executeUpdate();
                }
            }
            case BATCH -> {
                try (Statement s = c.createStatement()) {
                    s.addBatch(sql);
                    s.executeBatch();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("writesEveryWay")
    void writeIsRefusedAsReadOnly(Way way, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> send(all, way, sql));
        assertEquals("25006", e.getSQLState());
    }

    @ParameterizedTest
    @ValueSource(strings = {"INSERT INTO tasks(project_id, title, status, priority) VALUES (?, ?, 'open', 'low')",
            "UPDATE users SET name = ? WHERE id = ?", "DELETE FROM tasks WHERE id = ?", "CALL cinch.create_tenant(?)",
            "CALL cinch.delete_tenant(?)"})
    void writeWithParametersIsRefusedAsReadOnly(String sql) {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (PreparedStatement ps = all.prepareStatement(sql)) {
                ps.setString(1, "t001");
                ps.executeUpdate();
            }
        });
        assertEquals("25006", e.getSQLState());
    }

    @Test
    void refusedWritesChangeNothing() throws Exception {
        List<Object> before = snapshot();
        for (String sql : WRITES) {
            for (Way way : Way.values()) {
                assertThrows(SQLException.class, () -> send(all, way, sql));
            }
        }
        assertEquals(before, snapshot());
        assertFalse(Files.exists(io.cinch.jdbc.Check.backup(dir, "t001.db")));
    }

    /** Everything a refused write could have changed: every tenant's rows, tenants, branches, changes, databases, files. */
    private static List<Object> snapshot() throws Exception {
        List<Object> s = new ArrayList<>();
        for (String table : List.of("users", "projects", "tasks")) {
            s.add(Loop.rows(dir, "SELECT * FROM " + table + " ORDER BY id"));
        }
        try (Connection main = Projects.open(dir)) {
            for (String listing : List.of("CALL cinch.list_tenants()", "CALL cinch.list_branches()",
                    "CALL cinch.list_changes()", "CALL cinch.list_changes('feature')", "CALL cinch.list_databases()")) {
                s.add(Rows.query(main, listing));
            }
        }
        s.add(TenantProject.tenantFiles(dir));
        return s;
    }

    @ParameterizedTest
    @MethodSource("listings")
    void listingProcedureThroughAStatementGivesWhatATenantConnectionGives(String sql) throws SQLException {
        try (Statement s = all.createStatement()) {
            assertTrue(s.execute(sql));
            try (ResultSet rs = s.getResultSet()) {
                assertSameAsTenantConnection(sql, rs);
            }
            try (ResultSet rs = s.executeQuery(sql)) {
                assertSameAsTenantConnection(sql, rs);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("listings")
    void listingProcedureThroughPrepareStatementGivesWhatATenantConnectionGives(String sql) throws SQLException {
        try (PreparedStatement ps = all.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            assertSameAsTenantConnection(sql, rs);
        }
    }

    static Stream<String> listings() {
        return LISTINGS.stream();
    }

    @Test
    void listChangesTakesTheBranchAsAParameter() throws SQLException {
        try (PreparedStatement ps = all.prepareStatement("CALL cinch.list_changes(?)")) {
            for (String branch : List.of("feature", "main")) {
                ps.setString(1, branch);
                try (ResultSet rs = ps.executeQuery()) {
                    assertSameAsTenantConnection("CALL cinch.list_changes('" + branch + "')", rs);
                }
            }
        }
    }

    @Test
    void previewMergeChangesNothingAndRunsThroughAStatement() throws SQLException {
        try (Statement s = all.createStatement(); ResultSet rs = s.executeQuery("CALL cinch.preview_merge('feature')")) {
            assertSameAsTenantConnection("CALL cinch.preview_merge('feature')", rs);
        }
    }

    @Test
    void previewMergeRunsThroughPrepareStatement() throws SQLException {
        try (PreparedStatement ps = all.prepareStatement("CALL cinch.preview_merge(?)")) {
            ps.setString(1, "feature");
            try (ResultSet rs = ps.executeQuery()) {
                assertSameAsTenantConnection("CALL cinch.preview_merge('feature')", rs);
            }
        }
    }

    @Test
    void listingProcedureRunsThroughPrepareCall() throws SQLException {
        try (CallableStatement call = all.prepareCall("{call cinch.list_tenants()}"); ResultSet rs = call.executeQuery()) {
            assertSameAsTenantConnection("CALL cinch.list_tenants()", rs);
        }
    }

    @Test
    void changingProcedureThroughPrepareCallIsRefusedAsReadOnly() {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (CallableStatement call = all.prepareCall("{call cinch.create_tenant(?)}")) {
                call.setString(1, "newbie");
                call.execute();
            }
        });
        assertEquals("25006", e.getSQLState());
    }

    private static void assertSameAsTenantConnection(String sql, ResultSet actual) throws SQLException {
        List<String> expectedLabels;
        List<List<Object>> expectedRows;
        try (Connection main = Projects.open(dir); Statement s = main.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            expectedLabels = labels(rs.getMetaData());
            expectedRows = Rows.read(rs);
        }
        assertFalse(expectedRows.isEmpty(), sql);
        assertEquals(expectedLabels, labels(actual.getMetaData()), sql);
        assertEquals(expectedRows, Rows.read(actual), sql);
    }

    private static List<String> labels(ResultSetMetaData md) throws SQLException {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            out.add(md.getColumnLabel(i));
        }
        return out;
    }
}
