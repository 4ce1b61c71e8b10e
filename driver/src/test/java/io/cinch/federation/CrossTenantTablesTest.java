package io.cinch.federation;

import io.cinch.Projects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What {@code tenant=*} shows: every branch table once, {@code _tenant} first, over all tenants' rows, and the cinch system tables. */
class CrossTenantTablesTest {
    @TempDir
    static Path dir;
    static TenantProject project;
    static Connection all;

    @BeforeAll
    static void build() throws Exception {
        project = TenantProject.build(dir, 20);
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

    @ParameterizedTest
    @ValueSource(strings = {"users", "projects", "tasks"})
    void branchTableHasTenantColumnFirstThenTheTablesColumns(String table) throws SQLException {
        List<String> expected = new ArrayList<>(List.of("_tenant"));
        try (Connection one = Projects.open(dir, "tenant=t001")) {
            expected.addAll(labels(one, "SELECT * FROM " + table));
        }
        assertEquals(expected, labels(all, "SELECT * FROM " + table));
    }

    @ParameterizedTest
    @ValueSource(strings = {"users", "projects", "tasks"})
    void branchTableHoldsEveryTenantsRowsTaggedWithTheTenant(String table) throws SQLException {
        List<List<Object>> expected = Loop.rows(dir, "SELECT * FROM " + table);
        assertFalse(expected.isEmpty());
        assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all, "SELECT * FROM " + table)));
    }

    @Test
    void tablesOfOtherBranchesDoNotAppear() {
        SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                () -> Rows.query(all, "SELECT * FROM labels"));
        assertEquals("42000", e.getSQLState());
    }

    @Test
    void tenantsTableMatchesListTenants() throws SQLException {
        List<List<Object>> expected = Loop.listTenants(dir);
        assertEquals(21, expected.size(), "t000..t019 and main");
        assertEquals(expected, Rows.query(all,
                "SELECT name, created_at, materialized, size_bytes FROM cinch.tenants ORDER BY name"));
    }

    @Test
    void branchesTableMatchesListBranches() throws SQLException {
        List<List<Object>> expected;
        try (Connection main = Projects.open(dir)) {
            expected = Rows.query(main, "CALL cinch.list_branches()");
        }
        assertEquals(2, expected.size());
        assertEquals(expected, Rows.query(all, "SELECT name, source, created_at FROM cinch.branches ORDER BY name"));
    }

    // "sql" is a reserved word in Calcite's dialect and must be quoted there.
    @ParameterizedTest
    @ValueSource(strings = {"main", "feature"})
    void changesTableMatchesListChangesOfEachBranch(String branch) throws SQLException {
        List<List<Object>> expected;
        try (Connection main = Projects.open(dir)) {
            expected = Rows.query(main, "CALL cinch.list_changes('" + branch + "')");
        }
        assertFalse(expected.isEmpty());
        assertEquals(expected, Rows.query(all, "SELECT seq, type, entity, \"sql\", created_at FROM cinch.changes "
                + "WHERE branch = '" + branch + "' ORDER BY seq"));
    }

    private static List<String> labels(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                names.add(md.getColumnLabel(i));
            }
            return names;
        }
    }
}
