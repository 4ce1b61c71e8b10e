package io.cinch.server;

import static io.cinch.Projects.run;
import static java.sql.DatabaseMetaData.bestRowSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cinch.Projects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys, indexes, the best row identifier and procedures through {@code jdbc:cinch://} over loopback HTTP, side by
 * side with a local {@code jdbc:cinch:} connection to the same tenant: every listing must have the same columns, types,
 * rows and order.
 */
class RemoteMetaDataTest {

    @TempDir
    Path dir;
    Server server;

    @BeforeEach
    void serve() throws SQLException {
        try (Connection c = Projects.open(dir)) {
            run(c, "CREATE TABLE parents(a INTEGER, b TEXT, label TEXT, CONSTRAINT parents_key PRIMARY KEY (a, b))",
                    "CREATE TABLE children(id INTEGER PRIMARY KEY, pa INTEGER, pb TEXT, note TEXT, "
                            + "CONSTRAINT children_parent FOREIGN KEY (pa, pb) REFERENCES parents(a, b) "
                            + "ON DELETE CASCADE ON UPDATE SET NULL)",
                    "CREATE UNIQUE INDEX children_note ON children(note DESC)",
                    "CREATE INDEX children_pair ON children(pb, pa)",
                    "CREATE VIEW named AS SELECT label FROM parents",
                    "CALL cinch.create_table('users', 'email:TEXT')", "CALL cinch.create_tenant('here')",
                    "CALL cinch.create_tenant('there')");
        }
        server = Server.builder(dir).port(0).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** One listing of a connection's metadata. */
    private interface Listing {
        ResultSet of(DatabaseMetaData md) throws SQLException;
    }

    /** The listings compared, each with what it asks for. */
    private static List<Listing> listings() {
        return List.of(
                md -> md.getPrimaryKeys(null, null, "parents"),
                md -> md.getPrimaryKeys(null, null, "children"),
                md -> md.getPrimaryKeys(null, null, "%"),
                md -> md.getPrimaryKeys(null, "%", "parents"),
                md -> md.getPrimaryKeys("main", "there", "users"),
                md -> md.getPrimaryKeys("elsewhere", null, "parents"),
                md -> md.getPrimaryKeys(null, "nobody", "parents"),
                md -> md.getImportedKeys(null, null, "children"),
                md -> md.getImportedKeys(null, "th%", "children"),
                md -> md.getExportedKeys(null, null, "parents"),
                md -> md.getExportedKeys(null, "%", "parents"),
                md -> md.getCrossReference(null, null, "parents", null, null, "children"),
                md -> md.getCrossReference(null, null, "children", null, null, "parents"),
                md -> md.getIndexInfo(null, null, "children", false, false),
                md -> md.getIndexInfo(null, null, "children", true, true),
                md -> md.getIndexInfo(null, null, "parents", false, false),
                md -> md.getIndexInfo(null, "%", "users", false, false),
                md -> md.getBestRowIdentifier(null, null, "parents", bestRowSession, true),
                md -> md.getBestRowIdentifier(null, null, "users", bestRowSession, false),
                md -> md.getBestRowIdentifier(null, "there", "children", bestRowSession, false),
                md -> md.getProcedures(null, null, "%"),
                md -> md.getProcedures(null, "cinch", "create%"),
                md -> md.getProcedures(null, "here", "%"),
                md -> md.getProcedureColumns(null, "cinch", "%", "%"),
                md -> md.getProcedureColumns(null, null, "create_tenant", "name"));
    }

    /** Each listing's columns (label, type, type name), then its rows (each value with its Java class). */
    private static List<String> dump(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Listing listing : listings()) {
            try (ResultSet rs = listing.of(c.getMetaData())) {
                ResultSetMetaData md = rs.getMetaData();
                StringBuilder columns = new StringBuilder("columns");
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.append(' ').append(md.getColumnLabel(i)).append(':').append(md.getColumnType(i))
                            .append(':').append(md.getColumnTypeName(i));
                }
                out.add(columns.toString());
                while (rs.next()) {
                    StringBuilder row = new StringBuilder(" row");
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        row.append(' ').append(v).append(v == null ? "" : ":" + v.getClass().getSimpleName());
                    }
                    out.add(row.toString());
                }
            }
        }
        return out;
    }

    private Connection remote(String keys) throws SQLException {
        return DriverManager.getConnection(server.url() + "?" + keys);
    }

    @Test
    void aTenantConnectionListsWhatALocalOneLists() throws SQLException {
        List<String> local;
        try (Connection c = Projects.open(dir, "tenant=here")) {
            local = dump(c);
        }
        try (Connection c = remote("tenant=here")) {
            assertEquals(local, dump(c));
        }
        for (String expected : List.of(
                " row main:String here:String parents:String a:String 1:Integer parents_key:String",
                " row main:String here:String parents:String a:String main:String here:String children:String pa:String"
                        + " 1:Integer 2:Integer 0:Integer children_parent:String parents_key:String 7:Integer",
                " row main:String here:String children:String true:Boolean null children_pair:String 3:Integer"
                        + " 2:Integer pa:String A:String 0:Long 0:Long null",
                " row main:String here:String children:String false:Boolean null children_note:String 3:Integer"
                        + " 1:Integer note:String D:String 0:Long 0:Long null")) {
            assertTrue(local.contains(expected), expected + " in " + local);
        }
    }

    @Test
    void temporaryTablesOfTheConnectionAreListedAsLocally() throws SQLException {
        String scratch = "CREATE TEMP TABLE scratch(k TEXT, n INTEGER, CONSTRAINT scratch_key PRIMARY KEY (k, n))";
        List<String> local;
        try (Connection c = Projects.open(dir, "tenant=here")) {
            run(c, scratch);
            local = tableListings(c, "scratch");
        }
        try (Connection c = remote("tenant=here")) {
            run(c, scratch);
            assertEquals(local, tableListings(c, "scratch"));
        }
        assertTrue(local.contains("PK main here scratch k 1 scratch_key"), local.toString());
    }

    @Test
    void afterSwitchingTenantTheListingsAreTheNewTenantsAsLocally() throws SQLException {
        List<String> local;
        try (Connection c = Projects.open(dir, "tenant=here")) {
            run(c, "CALL cinch.switch_tenant('there')");
            local = tableListings(c, "parents");
        }
        try (Connection c = remote("tenant=here")) {
            run(c, "CALL cinch.switch_tenant('there')");
            assertEquals(local, tableListings(c, "parents"));
        }
        assertTrue(local.contains("PK main there parents b 2 parents_key"), local.toString());
    }

    private static List<String> tableListings(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, null, table)) {
            while (rs.next()) {
                out.add("PK " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
                        + " " + rs.getShort(5) + " " + rs.getString(6));
            }
        }
        try (ResultSet rs = c.getMetaData().getIndexInfo(null, null, table, false, false)) {
            while (rs.next()) {
                out.add("index " + rs.getString("INDEX_NAME") + " " + rs.getString("COLUMN_NAME"));
            }
        }
        return out;
    }

    @Test
    void aCrossTenantConnectionListsWhatALocalOneLists() throws SQLException {
        List<String> local;
        try (Connection c = Projects.open(dir, "tenant=*")) {
            local = dump(c);
        }
        try (Connection c = remote("tenant=*")) {
            assertEquals(local, dump(c));
        }
        assertTrue(local.stream().anyMatch(line -> line.contains("create_tenant")), local.toString());
        assertTrue(local.stream().filter(line -> line.startsWith(" row"))
                .allMatch(line -> line.contains("cinch:String")), "only procedures have rows: " + local);
    }

    @Test
    void aTenantUserSeesItsOwnTenantsKeysAndNoOthers() throws Exception {
        server.close();
        Path users = dir.resolve("users.properties");
        Files.writeString(users, "ann: annpw, tenant:here\n");
        server = Server.builder(dir).port(0).credentials(users).start();
        List<String> local;
        try (Connection c = Projects.open(dir, "tenant=here")) {
            local = keysOf(c, null);
        }
        try (Connection c = remote("user=ann&password=annpw&tenant=here")) {
            assertEquals(local, keysOf(c, null));
            assertEquals(local, keysOf(c, "here"));
            assertEquals(List.of(), keysOf(c, "there"));
            assertEquals(List.of(), keysOf(c, "t%"));
        }
        assertTrue(local.contains("PK here parents a"), local.toString());
    }

    private static List<String> keysOf(Connection c, String schema) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, schema, "parents")) {
            while (rs.next()) {
                out.add("PK " + rs.getString("TABLE_SCHEM") + " " + rs.getString("TABLE_NAME") + " "
                        + rs.getString("COLUMN_NAME"));
            }
        }
        try (ResultSet rs = c.getMetaData().getImportedKeys(null, schema, "children")) {
            while (rs.next()) {
                out.add("FK " + rs.getString("FKTABLE_SCHEM") + " " + rs.getString("FK_NAME") + " "
                        + rs.getString("FKCOLUMN_NAME"));
            }
        }
        return out;
    }
}
