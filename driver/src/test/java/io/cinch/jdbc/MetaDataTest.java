package io.cinch.jdbc;

import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static io.cinch.jdbc.Check.failsSomehow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DatabaseMetaData as JDBC tools use it (INTERFACE.md §2, §3 and notes/jdbc-clients.md). */
class MetaDataTest {

    /** Every tenant and database procedure of INTERFACE.md §5, and the branch ones. */
    static final Set<String> PROCEDURES = Set.of("create_database", "delete_database", "list_databases",
            "create_tenant", "delete_tenant", "rename_tenant", "copy_tenant", "list_tenants", "switch_tenant",
            "backup_tenant", "restore_tenant", "list_backups", "create_branch", "delete_branch", "list_branches", "switch_branch",
            "list_changes", "preview_merge", "merge_branch", "merge_into_main", "create_table");

    @TempDir
    Path dir;
    Path pm;

    @BeforeEach
    void project() throws Exception {
        pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE users(id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT)",
                    "CREATE TABLE notes(id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id), body TEXT)",
                    "CREATE INDEX notes_user ON notes(user_id)",
                    "CREATE VIEW user_names AS SELECT name FROM users",
                    "CREATE TABLE databasechangelog(id TEXT, author TEXT)",
                    "CALL cinch.create_tenant('acme_corp')", "CALL cinch.create_tenant('lazy')",
                    "INSERT INTO acme_corp.users(email) VALUES ('a@x')");
        }
    }

    private static List<String> column(ResultSet rs, String label) throws SQLException {
        List<String> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                out.add(rs.getString(label));
            }
        }
        return out;
    }

    private static List<String> labels(ResultSet rs) throws SQLException {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            out.add(rs.getMetaData().getColumnLabel(i));
        }
        return out;
    }

    @Test
    void productIsSqliteWithARealVersionAndDriverIsCinch() throws Exception {
        try (Connection c = open(pm)) {
            DatabaseMetaData md = c.getMetaData();
            assertEquals("SQLite", md.getDatabaseProductName());
            String version = md.getDatabaseProductVersion();
            assertTrue(version.matches("3\\.\\d+\\.\\d+.*"), version);
            assertEquals(3, md.getDatabaseMajorVersion());
            assertEquals(Integer.parseInt(version.split("\\.")[1]), md.getDatabaseMinorVersion());
            assertEquals(rows(c, "SELECT sqlite_version()").get(0), version);
            assertEquals("cinch", md.getDriverName());
            assertNotNull(md.getDriverVersion());
            assertEquals(c, md.getConnection());
            assertTrue(md.getURL().startsWith("jdbc:cinch:"), md.getURL());
        }
    }

    @Test
    void getSchemasListsTheBranchsTenants() throws Exception {
        try (Connection c = open(pm)) {
            DatabaseMetaData md = c.getMetaData();
            ResultSet rs = md.getSchemas();
            assertTrue(labels(rs).containsAll(List.of("TABLE_SCHEM", "TABLE_CATALOG")), labels(rs).toString());
            List<String> catalogs = new ArrayList<>();
            List<String> schemas = new ArrayList<>();
            try (rs) {
                while (rs.next()) {
                    schemas.add(rs.getString("TABLE_SCHEM"));
                    catalogs.add(rs.getString("TABLE_CATALOG"));
                }
            }
            assertEquals(List.of("acme_corp", "lazy", "main"), schemas.stream().sorted().toList());
            assertEquals(Set.of("main"), Set.copyOf(catalogs));
            assertEquals(List.of("acme_corp", "lazy", "main"),
                    column(md.getSchemas(null, "%"), "TABLE_SCHEM").stream().sorted().toList());
            assertEquals(List.of("acme_corp"), column(md.getSchemas("main", "acme%"), "TABLE_SCHEM"));
            run(c, "CALL cinch.create_tenant('later')");
            assertTrue(column(md.getSchemas(), "TABLE_SCHEM").contains("later"));
        }
    }

    @Test
    void getCatalogsListsTheDatabasesBranches() throws Exception {
        try (Connection c = open(pm)) {
            DatabaseMetaData md = c.getMetaData();
            ResultSet rs = md.getCatalogs();
            assertEquals("TABLE_CAT", labels(rs).get(0));
            assertEquals(List.of("main"), column(rs, "TABLE_CAT"));
            run(c, "CALL cinch.create_branch('dev')");
            assertEquals(List.of("dev", "main"), column(md.getCatalogs(), "TABLE_CAT").stream().sorted().toList());
        }
    }

    @Test
    void everyPatternArgumentAcceptsNullAndPercent() throws Exception {
        try (Connection c = open(pm, "tenant=acme_corp")) {
            DatabaseMetaData md = c.getMetaData();
            Set<String> catalogs = new HashSet<>(column(md.getCatalogs(), "TABLE_CAT"));
            Set<String> schemas = new HashSet<>(column(md.getSchemas(), "TABLE_SCHEM"));
            String[] nullOrAll = {null, "%"};
            for (String catalog : new String[] {null, "main", "%"}) {
                for (String schema : nullOrAll) {
                    for (String table : nullOrAll) {
                        String where = "catalog=" + catalog + " schema=" + schema + " table=" + table;
                        checkScope(md.getTables(catalog, schema, table, null), "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
                                Set.of("users", "notes", "user_names", "databasechangelog"), catalogs, schemas, where);
                        for (String col : nullOrAll) {
                            checkScope(md.getColumns(catalog, schema, table, col), "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
                                    Set.of("users", "notes"), catalogs, schemas, where);
                        }
                        checkScope(md.getPrimaryKeys(catalog, schema, table), "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
                                Set.of("users", "notes"), catalogs, schemas, where);
                        checkScope(md.getImportedKeys(catalog, schema, table), "FKTABLE_CAT", "FKTABLE_SCHEM",
                                "FKTABLE_NAME", Set.of("notes"), catalogs, schemas, where);
                        checkScope(md.getExportedKeys(catalog, schema, table), "PKTABLE_CAT", "PKTABLE_SCHEM",
                                "PKTABLE_NAME", Set.of("users"), catalogs, schemas, where);
                        for (boolean unique : new boolean[] {false, true}) {
                            checkScope(md.getIndexInfo(catalog, schema, table, unique, true), "TABLE_CAT", "TABLE_SCHEM",
                                    "TABLE_NAME", unique ? Set.of("users") : Set.of("users", "notes"), catalogs, schemas,
                                    where + " unique=" + unique);
                        }
                    }
                }
            }
        }
    }

    /** Checks a metadata listing: its rows name the expected tables, and their catalog and schema are listed ones. */
    private static void checkScope(ResultSet rs, String catLabel, String schemLabel, String nameLabel, Set<String> expected,
                                   Set<String> catalogs, Set<String> schemas, String where) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (rs) {
            while (rs.next()) {
                String cat = rs.getString(catLabel);
                String schem = rs.getString(schemLabel);
                assertTrue(catalogs.contains(cat), () -> catLabel + " " + cat + " not in getCatalogs() " + catalogs + ", " + where);
                assertTrue(schemas.contains(schem), () -> schemLabel + " " + schem + " not in getSchemas() " + schemas + ", " + where);
                names.add(rs.getString(nameLabel).toLowerCase());
            }
        }
        assertTrue(names.containsAll(expected), () -> nameLabel + " " + names + " lacks some of " + expected + ", " + where);
    }

    @Test
    void tableNamesMatchCaseInsensitively() throws Exception {
        try (Connection c = open(pm)) {
            DatabaseMetaData md = c.getMetaData();
            assertEquals(List.of("databasechangelog"),
                    column(md.getTables(null, null, "DATABASECHANGELOG", new String[] {"TABLE"}), "TABLE_NAME")
                            .stream().map(String::toLowerCase).toList());
            assertEquals(List.of("users"), column(md.getTables(null, null, "Users", null), "TABLE_NAME")
                    .stream().map(String::toLowerCase).toList());
            assertEquals(List.of("email"), column(md.getColumns(null, null, "USERS", "EMAIL"), "COLUMN_NAME")
                    .stream().map(String::toLowerCase).toList());
            assertEquals(List.of("id"), column(md.getPrimaryKeys(null, null, "USERS"), "COLUMN_NAME")
                    .stream().map(String::toLowerCase).toList());
            assertEquals(List.of("user_id"), column(md.getImportedKeys(null, null, "NOTES"), "FKCOLUMN_NAME")
                    .stream().map(String::toLowerCase).toList());
            assertTrue(column(md.getIndexInfo(null, null, "NOTES", false, true), "INDEX_NAME").stream()
                    .anyMatch("notes_user"::equalsIgnoreCase));
            assertEquals(List.of("main"), column(md.getTables(null, null, "USERS", null), "TABLE_SCHEM"));
        }
    }

    @Test
    void listingsUseTheJdbcColumnNamesAndDescribeTheSchema() throws Exception {
        try (Connection c = open(pm)) {
            DatabaseMetaData md = c.getMetaData();
            try (ResultSet rs = md.getTables(null, null, "%", null)) {
                assertTrue(labels(rs).containsAll(List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS")));
                Set<String> typed = new TreeSet<>();
                while (rs.next()) {
                    typed.add(rs.getString("TABLE_NAME") + ":" + rs.getString("TABLE_TYPE"));
                }
                assertTrue(typed.containsAll(Set.of("users:TABLE", "notes:TABLE", "user_names:VIEW")), typed.toString());
            }
            assertEquals(List.of("users"), column(md.getTables(null, null, "user%", new String[] {"TABLE"}), "TABLE_NAME"));
            assertEquals(List.of("user_names"), column(md.getTables(null, null, "%", new String[] {"VIEW"}), "TABLE_NAME"));
            try (ResultSet rs = md.getColumns(null, null, "users", null)) {
                List<String> cols = new ArrayList<>();
                while (rs.next()) {
                    cols.add(rs.getString("COLUMN_NAME") + ":" + rs.getInt("ORDINAL_POSITION") + ":" + rs.getString("IS_NULLABLE")
                            + ":" + rs.getString("TYPE_NAME").toUpperCase());
                }
                // as sqlite-jdbc: only a declared NOT NULL makes a column not nullable; an INTEGER PRIMARY KEY takes NULL on insert
                assertEquals(List.of("id:1:YES:INTEGER", "email:2:NO:TEXT", "name:3:YES:TEXT"), cols);
            }
            try (ResultSet rs = md.getImportedKeys(null, null, "notes")) {
                assertTrue(rs.next());
                assertEquals("users", rs.getString("PKTABLE_NAME"));
                assertEquals("id", rs.getString("PKCOLUMN_NAME"));
                assertEquals("notes", rs.getString("FKTABLE_NAME"));
                assertEquals("user_id", rs.getString("FKCOLUMN_NAME"));
                assertEquals(1, rs.getInt("KEY_SEQ"));
                assertFalse(rs.next());
            }
            try (ResultSet rs = md.getPrimaryKeys(null, null, "users")) {
                assertTrue(rs.next());
                assertEquals("id", rs.getString("COLUMN_NAME"));
                assertEquals(1, rs.getInt("KEY_SEQ"));
                assertFalse(rs.next());
            }
            try (ResultSet rs = md.getIndexInfo(null, null, "users", true, true)) {
                assertTrue(rs.next(), "the UNIQUE email column has an index");
                assertFalse(rs.getBoolean("NON_UNIQUE"));
                assertEquals("email", rs.getString("COLUMN_NAME"));
            }
        }
    }

    @Test
    void everyTenantShowsTheBranchSchema() throws Exception {
        try (Connection c = open(pm)) {
            DatabaseMetaData md = c.getMetaData();
            for (String tenant : List.of("main", "acme_corp", "lazy")) {
                assertEquals(List.of("id", "email", "name"), column(md.getColumns(null, tenant, "users", null), "COLUMN_NAME"), tenant);
            }
            List<String> perTenant = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, "%", "users", null)) {
                while (rs.next()) {
                    perTenant.add(rs.getString("TABLE_SCHEM"));
                }
            }
            assertEquals(List.of("acme_corp", "lazy", "main"), perTenant.stream().sorted().toList());
            run(c, "ALTER TABLE users ADD COLUMN phone TEXT");
            assertEquals(List.of("id", "email", "name", "phone"), column(md.getColumns(null, "lazy", "users", null), "COLUMN_NAME"));
        }
    }

    @Test
    void getProceduresNeverThrowsAndListsTheCinchProcedures() throws Exception {
        try (Connection c = open(pm)) {
            DatabaseMetaData md = c.getMetaData();
            String[][] args = {{null, null, null}, {null, "%", "%"}, {"main", null, "%"}, {null, "cinch", null},
                    {"%", "%", "%"}, {null, "acme_corp", "%"}, {null, null, "no_such_thing"}};
            for (String[] a : args) {
                column(md.getProcedures(a[0], a[1], a[2]), "PROCEDURE_NAME");
                column(md.getProcedureColumns(a[0], a[1], a[2], null), "COLUMN_NAME");
                column(md.getFunctions(a[0], a[1], a[2]), "FUNCTION_NAME");
            }
            Set<String> all = new HashSet<>(column(md.getProcedures(null, null, null), "PROCEDURE_NAME"));
            assertTrue(all.containsAll(PROCEDURES), () -> "missing: " + PROCEDURES.stream().filter(p -> !all.contains(p)).toList());
            assertEquals(List.of("create_tenant"), column(md.getProcedures(null, "%", "create_tenant"), "PROCEDURE_NAME"));
            assertEquals(List.of("name"), column(md.getProcedureColumns(null, null, "create_tenant", "%"), "COLUMN_NAME"));
        }
    }

    @Test
    void quoteStringKeywordsAndTableTypesAreUsable() throws Exception {
        try (Connection c = open(pm)) {
            DatabaseMetaData md = c.getMetaData();
            assertEquals(1, md.getIdentifierQuoteString().length());
            assertEquals("\"", md.getIdentifierQuoteString(), "SQLite's identifier quote");
            assertNotNull(md.getSQLKeywords());
            assertTrue(column(md.getTableTypes(), "TABLE_TYPE").containsAll(List.of("TABLE", "VIEW")));
            assertNotNull(md.getSearchStringEscape());
            column(md.getTypeInfo(), "TYPE_NAME");
            column(md.getClientInfoProperties(), "NAME");
        }
    }

    @Test
    void setReadOnlyIsAcceptedAndThenWritesFail() throws Exception {
        try (Connection c = open(pm, "tenant=acme_corp")) {
            c.setReadOnly(true);
            assertTrue(c.isReadOnly());
            assertTrue(c.getMetaData().isReadOnly());
            assertEquals(List.of("a@x"), rows(c, "SELECT email FROM users"));
            failsSomehow(() -> run(c, "INSERT INTO users(email) VALUES ('b@x')"));
            failsSomehow(() -> run(c, "UPDATE users SET name = 'x'"));
            failsSomehow(() -> run(c, "DELETE FROM users"));
            failsSomehow(() -> run(c, "INSERT INTO lazy.users(email) VALUES ('b@x')"));
            failsSomehow(() -> run(c, "CREATE TABLE while_read_only(x)"));
            assertEquals(List.of("a@x"), rows(c, "SELECT email FROM users"));
            c.setReadOnly(false);
            assertFalse(c.isReadOnly());
            run(c, "INSERT INTO users(email) VALUES ('c@x')");
            assertEquals(List.of("a@x", "c@x"), rows(c, "SELECT email FROM users ORDER BY id"));
        }
        try (Connection c = open(pm)) {
            assertEquals(List.of(), rows(c, "SELECT email FROM lazy.users"));
            assertFalse(c.getMetaData().getTables(null, null, "while_read_only", null).next());
        }
    }

    @Test
    void setReadOnlyOnALazyTenantKeepsItLazy() throws Exception {
        try (Connection c = open(pm, "tenant=lazy")) {
            c.setReadOnly(true);
            failsSomehow(() -> run(c, "INSERT INTO users(email) VALUES ('b@x')"));
            c.setSchema("acme_corp");
            assertTrue(c.isReadOnly());
            failsSomehow(() -> run(c, "INSERT INTO users(email) VALUES ('b@x')"));
        }
        try (Connection c = open(pm); ResultSet rs = c.createStatement().executeQuery("CALL cinch.list_tenants()")) {
            while (rs.next()) {
                if (rs.getString("name").equals("lazy")) {
                    assertFalse(rs.getBoolean("materialized"));
                }
            }
            assertEquals(List.of("a@x"), rows(c, "SELECT email FROM acme_corp.users"));
        }
    }

    @Test
    void supportedIsolationLevelsAreExactlyTheSettableOnes() throws Exception {
        try (Connection c = open(pm)) {
            DatabaseMetaData md = c.getMetaData();
            int[] levels = {Connection.TRANSACTION_NONE, Connection.TRANSACTION_READ_UNCOMMITTED,
                    Connection.TRANSACTION_READ_COMMITTED, Connection.TRANSACTION_REPEATABLE_READ,
                    Connection.TRANSACTION_SERIALIZABLE};
            for (int level : levels) {
                boolean supported = md.supportsTransactionIsolationLevel(level);
                boolean settable;
                try {
                    c.setTransactionIsolation(level);
                    settable = true;
                    assertTrue(md.supportsTransactionIsolationLevel(c.getTransactionIsolation()),
                            "level " + level + " reads back as " + c.getTransactionIsolation());
                } catch (SQLException e) {
                    assertNotNull(e.getSQLState());
                    settable = false;
                }
                assertEquals(supported, settable, "level " + level);
            }
            assertTrue(md.supportsTransactionIsolationLevel(md.getDefaultTransactionIsolation()));
        }
    }
}
