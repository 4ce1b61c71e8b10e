package io.cinch.server;

import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static io.cinch.Projects.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** A project served on loopback and used through jdbc:cinch:// and Avatica's own driver as it is used locally. */
class RemoteTest {

    @TempDir
    Path dir;
    Server server;

    @BeforeEach
    void serve() throws SQLException {
        server = Server.builder(dir).port(0).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Connection open(String keys) throws SQLException {
        return DriverManager.getConnection(server.url() + (keys.isEmpty() ? "" : "?" + keys));
    }

    static String state(Executable e) {
        return assertThrows(SQLException.class, e).getSQLState();
    }

    @Test
    void proceduresTablesAndQueriesWorkRemotely() throws SQLException {
        try (Connection c = open("")) {
            run(c, "CALL cinch.create_table('users', 'email:TEXT name:TEXT')", "CALL cinch.create_tenant('acme')");
            assertEquals("acme", value(c, "SELECT name FROM (SELECT 'acme' AS name)"));
        }
        try (Connection c = open("tenant=acme")) {
            run(c, "INSERT INTO users(email, name) VALUES ('a@acme.com', 'Ann')");
            assertEquals(List.of("a@acme.com|Ann"), rows(c, "SELECT email, name FROM users"));
            assertEquals("acme", c.getSchema());
            assertEquals("main", c.getCatalog());
        }
        try (Connection c = open("tenant=main")) {
            assertEquals("0", value(c, "SELECT count(*) FROM users"));
        }
    }

    @Test
    void sqliteJdbcsDateSettingsReachTheServersConnection() throws SQLException {
        Timestamp noon = Timestamp.valueOf("2024-03-04 12:00:00.250");
        try (Connection c = open("")) {
            run(c, "CREATE TABLE events(id INTEGER PRIMARY KEY, at DATETIME)", "CALL cinch.create_tenant('acme')");
        }
        for (String settings : List.of("date_class=INTEGER", "date_class=INTEGER&date_precision=SECONDS",
                "date_class=REAL", "date_class=TEXT&date_string_format=yyyy/MM/dd HH:mm:ss")) {
            String local = "jdbc:cinch:" + dir + "?tenant=acme&" + settings;
            try (Connection c = open("tenant=acme&" + settings);
                 PreparedStatement insert = c.prepareStatement("INSERT INTO events(at) VALUES (?)")) {
                insert.setTimestamp(1, noon);
                insert.executeUpdate();
                String stored = value(c, "SELECT typeof(at) || ':' || at FROM events");
                try (Connection plain = DriverManager.getConnection(local);
                     PreparedStatement same = plain.prepareStatement("SELECT ?, typeof(?)")) {
                    same.setTimestamp(1, noon);
                    same.setTimestamp(2, noon);
                    assertEquals(first(same), stored.substring(stored.indexOf(':') + 1), settings);
                }
                try (Connection plain = DriverManager.getConnection(local);
                     ResultSet rs = plain.createStatement().executeQuery("SELECT at FROM events")) {
                    rs.next();
                    Timestamp read = rs.getTimestamp(1);
                    try (ResultSet remote = c.createStatement().executeQuery("SELECT at FROM events")) {
                        remote.next();
                        assertEquals(read, remote.getTimestamp(1), settings);
                    }
                }
                run(c, "DELETE FROM events");
            }
        }
    }

    private static String first(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aFetchSizeOfZeroIsNoHintAndEveryRowArrives() throws SQLException {
        try (Connection c = open("")) {
            run(c, "CALL cinch.create_table('users', 'email:TEXT')", "CALL cinch.create_tenant('acme')");
        }
        try (Connection c = open("tenant=acme")) {
            run(c, "INSERT INTO users(email) VALUES ('a'), ('b'), ('c')");
        }
        for (String keys : List.of("tenant=acme", "tenant=*")) {
            try (Connection c = open(keys); PreparedStatement p = c.prepareStatement("SELECT email FROM users",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                p.setFetchSize(0); // as Spark's JDBC source does
                int n = 0;
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        n++;
                    }
                }
                assertEquals(3, n, keys);
            }
        }
    }

    @Test
    void preparedProcedureCallsTakeParameters() throws SQLException {
        try (Connection c = open("")) {
            try (PreparedStatement p = c.prepareStatement("CALL cinch.create_tenant(?)")) {
                p.setString(1, "globex");
                try (ResultSet rs = p.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("globex", rs.getString("tenant"));
                }
            }
            List<String> tenants = rows(c, "CALL cinch.list_tenants()");
            assertTrue(tenants.stream().anyMatch(r -> r.startsWith("globex|")), tenants.toString());
        }
    }

    @Test
    void insertReturningGivesTheNewIds() throws SQLException {
        try (Connection c = open("")) {
            run(c, "CALL cinch.create_table('users', 'email:TEXT')");
            List<String> ids = rows(c, "INSERT INTO users(email) VALUES ('a@x.com'), ('b@x.com') RETURNING id");
            assertEquals(2, ids.size());
            assertEquals("a@x.com", value(c, "SELECT email FROM users WHERE id = '" + ids.get(0) + "'"));
        }
    }

    @Test
    void connectionsAndStatementsEqualThemselvesAsPoolsExpect() throws SQLException {
        try (Connection c = open(""); Connection other = open(""); java.sql.Statement s = c.createStatement()) {
            java.util.Set<Object> pooled = new java.util.HashSet<>(List.of(c, s));
            assertTrue(c.equals(c) && s.equals(s) && pooled.contains(c) && pooled.contains(s));
            assertFalse(c.equals(other) || other.equals(c) || pooled.contains(other));
        }
    }

    @Test
    void sqlStatesReachTheClient() throws SQLException {
        assertEquals("3F000", state(() -> open("tenant=nobody").close()));
        assertEquals("3D000", state(() -> open("branch=nobody").close()));
        assertEquals("08001", state(() -> open("database=nobody").close()));
        assertEquals("42602", state(() -> open("tenant=..%2Fetc").close()));
        try (Connection c = open("")) {
            run(c, "CREATE TABLE t(k TEXT PRIMARY KEY)", "INSERT INTO t VALUES ('a')");
            assertEquals("23505", state(() -> run(c, "INSERT INTO t VALUES ('a')")));
            assertEquals("42000", state(() -> run(c, "SELEC 1")));
            assertEquals("42501", state(() -> run(c, "ATTACH DATABASE '/tmp/x.db' AS x")));
            assertEquals("42710", state(() -> run(c, "CALL cinch.create_tenant('main')")));
            assertEquals("42501", state(() -> run(c, "CALL cinch.delete_tenant('main')")));
        }
    }

    @Test
    void allTenantsIsReadOnlyAndAggregates() throws SQLException {
        try (Connection c = open("")) {
            run(c, "CALL cinch.create_table('tasks', 'title:TEXT')", "CALL cinch.create_tenant('a')",
                    "CALL cinch.create_tenant('b')");
        }
        for (String t : List.of("a", "b", "b")) {
            try (Connection c = open("tenant=" + t)) {
                run(c, "INSERT INTO tasks(title) VALUES ('x')");
            }
        }
        try (Connection c = open("tenant=*")) {
            assertEquals(List.of("a|1", "b|2"),
                    rows(c, "SELECT _tenant, COUNT(*) FROM tasks GROUP BY _tenant ORDER BY _tenant"));
            assertEquals("25006", state(() -> run(c, "INSERT INTO tasks(title) VALUES ('y')")));
        }
        try (Connection remote = open("tenant=*"); Connection local = io.cinch.Projects.open(dir, "tenant=*")) {
            for (Connection c : List.of(remote, local)) {
                try (java.sql.Statement s = c.createStatement()) {
                    assertEquals("25006", state(() -> s.executeUpdate("INSERT INTO tasks(title) VALUES ('y')",
                            java.sql.Statement.RETURN_GENERATED_KEYS)));
                }
                assertEquals("25006", state(() -> c.prepareStatement("INSERT INTO tasks(title) VALUES ('y')",
                        new String[] {"id"}).executeUpdate()));
            }
        }
    }

    @Test
    void metadataShowsTenantsAsSchemas() throws SQLException {
        try (Connection c = open("")) {
            run(c, "CALL cinch.create_table('users', 'email:TEXT')", "CALL cinch.create_tenant('acme')");
            List<String> schemas = rows(c.getMetaData().getSchemas());
            assertTrue(schemas.contains("acme|main") && schemas.contains("main|main"), schemas.toString());
            List<String> tables = rows(c.getMetaData().getTables(null, "acme", "users", null));
            assertEquals(1, tables.size(), tables.toString());
            assertTrue(tables.get(0).startsWith("main|acme|users|"), tables.toString());
            List<String> columns = rows(c.getMetaData().getColumns(null, "acme", "users", "email"));
            assertEquals(1, columns.size(), columns.toString());
            assertEquals("SQLite", c.getMetaData().getDatabaseProductName());
        }
    }

    @Test
    void metadataTellsWhatTheConnectionDoesAsLocally() throws SQLException {
        try (Connection c = open("")) {
            run(c, "CREATE TABLE t(x INTEGER)", "CALL cinch.create_tenant('acme')");
        }
        try (Connection local = io.cinch.Projects.open(dir, "tenant=acme"); Connection remote = open("tenant=acme")) {
            for (Connection c : List.of(local, remote)) {
                java.sql.DatabaseMetaData md = c.getMetaData();
                assertEquals(List.of(true, true, "tenant", "branch"), List.of(md.supportsTransactions(),
                        md.supportsGetGeneratedKeys(), md.getSchemaTerm(), md.getCatalogTerm()), c.toString());
            }
            assertEquals(server.url() + "?tenant=acme", remote.getMetaData().getURL());
            remote.setAutoCommit(false);
            run(remote, "INSERT INTO t VALUES (1)");
            remote.rollback();
            run(remote, "INSERT INTO t VALUES (2)");
            remote.commit();
            assertEquals(List.of("2"), rows(local, "SELECT x FROM t"));
        }
    }

    @Test
    void avaticasOwnDriverReachesTheServer() throws Exception {
        Class.forName("org.apache.calcite.avatica.remote.Driver");
        String url = "jdbc:avatica:remote:url=http://127.0.0.1:" + server.port() + ";serialization=protobuf";
        java.util.Properties keys = new java.util.Properties();
        keys.setProperty("tenant", "main");
        try (Connection c = DriverManager.getConnection(url, keys)) {
            run(c, "CREATE TABLE t(x INTEGER)", "INSERT INTO t VALUES (41)");
            assertEquals("42", value(c, "SELECT x + 1 FROM t"));
        }
    }
}
