package io.cinch.clients;

import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metadata calls DBeaver's navigator makes with a generic driver set up as docs/reference.md describes: branches as
 * catalogs, tenants as schemas, every table of the branch under each tenant, its columns, keys and indexes read with
 * null or "%" patterns, and table data opened by tenant-qualified names.
 */
class DbeaverTest {

    @TempDir
    Path dir;

    private Path pm;

    @BeforeEach
    void project() throws SQLException {
        pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('acme')", "CALL cinch.create_branch('dev')",
                    "CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE)",
                    "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id), amount REAL)",
                    "CREATE INDEX orders_by_customer ON orders(customer_id)",
                    "INSERT INTO acme.customers(email) VALUES ('ann@acme.example')");
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

    @Test
    void theNavigatorTreeIsBranchesTenantsAndTheBranchsTables() throws SQLException {
        try (Connection c = open(pm)) {
            DatabaseMetaData md = c.getMetaData();
            assertEquals("SQLite", md.getDatabaseProductName());
            assertNotNull(md.getIdentifierQuoteString());
            assertNotNull(md.getSQLKeywords());
            assertEquals(List.of("dev", "main"), column(md.getCatalogs(), "TABLE_CAT").stream().sorted().toList());
            assertEquals(List.of("acme", "main"), column(md.getSchemas(c.getCatalog(), null), "TABLE_SCHEM").stream().sorted().toList());
            assertFalse(column(md.getTableTypes(), "TABLE_TYPE").isEmpty());
            for (String tenant : List.of("main", "acme")) {
                ResultSet tables = md.getTables("main", tenant, "%", null);
                List<String> names = new ArrayList<>();
                while (tables.next()) {
                    assertEquals("main", tables.getString("TABLE_CAT"));
                    assertEquals(tenant, tables.getString("TABLE_SCHEM"));
                    if (tables.getString("TABLE_TYPE").equals("TABLE")) {
                        names.add(tables.getString("TABLE_NAME"));
                    }
                }
                assertEquals(List.of("customers", "orders"), names.stream().sorted().toList());
                assertEquals(List.of("id", "customer_id", "amount"), column(md.getColumns("main", tenant, "orders", "%"), "COLUMN_NAME"));
                assertEquals(List.of("id"), column(md.getPrimaryKeys("main", tenant, "orders"), "COLUMN_NAME"));
                assertEquals(List.of("customers"), column(md.getImportedKeys("main", tenant, "orders"), "PKTABLE_NAME"));
                assertTrue(column(md.getIndexInfo("main", tenant, "orders", false, false), "INDEX_NAME").contains("orders_by_customer"));
            }
            md.getProcedures(null, null, "%").close();
        }
    }

    @Test
    void tablesAreNotQualifiedInDefinitionsButDataOpensByTenant() throws SQLException {
        try (Connection c = open(pm)) {
            DatabaseMetaData md = c.getMetaData();
            assertTrue(md.supportsSchemasInDataManipulation());
            assertFalse(md.supportsSchemasInTableDefinitions());
            assertFalse(md.supportsSchemasInIndexDefinitions());
            assertFalse(md.supportsCatalogsInDataManipulation());
            assertEquals(List.of("ann@acme.example"), rows(c, "SELECT email FROM \"acme\".\"customers\""));
            assertEquals(List.of(), rows(c, "SELECT email FROM \"main\".\"customers\""));
        }
    }
}
