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
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code DatabaseMetaData} of {@code tenant=*} lists the branch tables ({@code _tenant} first) and the cinch system tables, with columns and types. */
class CrossTenantMetaDataTest {
    @TempDir
    static Path dir;
    static Connection all;

    /** Acceptable JDBC types per declared SQLite type family. */
    static final Map<String, Set<Integer>> FAMILIES = Map.of(
            "text", Set.of(Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.CLOB),
            "integer", Set.of(Types.BIGINT, Types.INTEGER),
            "real", Set.of(Types.DOUBLE, Types.FLOAT, Types.REAL),
            "boolean", Set.of(Types.BOOLEAN, Types.BIT));

    @BeforeAll
    static void build() throws Exception {
        all = TenantProject.build(dir, 4).crossTenant();
    }

    @AfterAll
    static void close() throws SQLException {
        all.close();
    }

    private static Set<String> tableNames(ResultSet rs, String schema) throws SQLException {
        Set<String> names = new TreeSet<>();
        while (rs.next()) {
            if (schema == null || schema.equals(rs.getString("TABLE_SCHEM"))) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    @Test
    void identifiesItselfAsReadOnlyCinchOnSqlite() throws SQLException {
        DatabaseMetaData md = all.getMetaData();
        assertEquals("SQLite", md.getDatabaseProductName());
        assertEquals("cinch", md.getDriverName());
        assertTrue(md.isReadOnly());
        assertTrue(all.isReadOnly());
    }

    @Test
    void listsEveryBranchTableOnceAndTheSystemTables() throws SQLException {
        Set<String> branchTables;
        try (Connection one = Projects.open(dir, "tenant=t001"); ResultSet rs = one.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            branchTables = tableNames(rs, null);
        }
        assertEquals(Set.of("projects", "tasks", "users"), branchTables);
        DatabaseMetaData md = all.getMetaData();
        String schema = all.getSchema();
        try (ResultSet rs = md.getTables(null, schema, "%", null)) {
            assertEquals(branchTables, tableNames(rs, schema));
        }
        try (ResultSet rs = md.getTables(null, "cinch", "%", null)) {
            assertTrue(tableNames(rs, "cinch").containsAll(Set.of("tenants", "branches", "changes")));
        }
        try (ResultSet rs = md.getSchemas()) {
            Set<String> schemas = new TreeSet<>();
            while (rs.next()) {
                schemas.add(rs.getString("TABLE_SCHEM"));
            }
            assertTrue(schemas.containsAll(Set.of(schema, "cinch")), schemas.toString());
        }
    }

    // SQL tools (sqlline's !tables, DBeaver) ask with the connection's own catalog and schema.
    @Test
    void listsTablesWhenAskedWithTheConnectionsCatalogAndSchema() throws SQLException {
        try (ResultSet rs = all.getMetaData().getTables(all.getCatalog(), all.getSchema(), "%", null)) {
            assertEquals(Set.of("projects", "tasks", "users"), tableNames(rs, null));
        }
        try (ResultSet rs = all.getMetaData().getColumns(all.getCatalog(), all.getSchema(), "tasks", "%")) {
            assertTrue(rs.next(), "columns of tasks");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"users", "projects", "tasks"})
    void columnsAreTenantFirstThenTheTablesColumnsWithTheirTypes(String table) throws SQLException {
        List<String> names = new ArrayList<>(List.of("_tenant"));
        List<String> families = new ArrayList<>(List.of("text"));
        try (Connection one = Projects.open(dir, "tenant=t001"); ResultSet rs = one.getMetaData().getColumns(null, null, table, "%")) {
            while (rs.next()) {
                names.add(rs.getString("COLUMN_NAME"));
                families.add(family(rs.getString("TYPE_NAME")));
            }
        }
        List<Integer> queryTypes = new ArrayList<>();
        try (Statement s = all.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                queryTypes.add(md.getColumnType(i));
            }
        }
        List<String> actualNames = new ArrayList<>();
        try (ResultSet rs = all.getMetaData().getColumns(null, all.getSchema(), table, "%")) {
            while (rs.next()) {
                int i = actualNames.size();
                actualNames.add(rs.getString("COLUMN_NAME"));
                assertEquals(i + 1, rs.getInt("ORDINAL_POSITION"));
                int type = rs.getInt("DATA_TYPE");
                assertEquals(queryTypes.get(i), type, "DATA_TYPE of " + rs.getString("COLUMN_NAME") + " as a query gives it");
                assertTrue(FAMILIES.get(families.get(i)).contains(type),
                        rs.getString("COLUMN_NAME") + " is " + families.get(i) + " but typed " + type);
            }
        }
        assertEquals(names, actualNames);
    }

    /** The declared type's family by SQLite's affinity rules; a column without a type is read as text. */
    private static String family(String declared) {
        String t = declared == null ? "" : declared.toUpperCase();
        return t.contains("INT") ? "integer" : t.contains("BOOL") ? "boolean"
                : t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB") ? "real" : "text";
    }

    @Test
    void systemTablesHaveTheirColumns() throws SQLException {
        assertEquals(List.of("name:text", "created_at:text", "materialized:boolean", "size_bytes:integer"), columns("tenants"));
        assertEquals(List.of("name:text", "source:text", "created_at:text"), columns("branches"));
        assertTrue(columns("changes").containsAll(List.of("seq:integer", "type:text", "entity:text", "sql:text", "created_at:text")),
                columns("changes").toString());
    }

    private static List<String> columns(String systemTable) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = all.getMetaData().getColumns(null, "cinch", systemTable, "%")) {
            while (rs.next()) {
                int type = rs.getInt("DATA_TYPE");
                String family = FAMILIES.entrySet().stream().filter(e -> e.getValue().contains(type)).map(Map.Entry::getKey)
                        .findFirst().orElse("type " + type);
                out.add(rs.getString("COLUMN_NAME") + ":" + family);
            }
        }
        return out;
    }
}
