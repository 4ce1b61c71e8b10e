package io.cinch.server;

import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static io.cinch.Projects.value;
import static java.sql.Statement.RETURN_GENERATED_KEYS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cinch.Projects;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated keys through {@code jdbc:cinch://} over loopback HTTP, side by side with a local {@code jdbc:cinch:}
 * connection: the same calls on two tenants that start alike must report the same counts and keys.
 */
class RemoteKeysTest {

    private static final String ITEMS = "INSERT INTO items(name) VALUES ('a'), ('b')";
    private static final String NOTES = "INSERT INTO notes(body) VALUES ('x')";

    @TempDir
    Path dir;
    Server server;

    @BeforeEach
    void serve() throws SQLException {
        try (Connection c = Projects.open(dir)) {
            run(c, "CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT UNIQUE)", "CREATE TABLE notes(body TEXT)",
                    "CREATE TABLE tags(code TEXT PRIMARY KEY, label TEXT)",
                    "CALL cinch.create_table('users', 'email:TEXT')", "CALL cinch.create_tenant('here')",
                    "CALL cinch.create_tenant('there')");
        }
        server = Server.builder(dir).port(0).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A sequence of JDBC calls whose outcome is written down as text. */
    private interface Calls {
        void on(Connection c, List<String> outcome) throws SQLException;
    }

    /** Runs {@code calls} on tenant {@code here} locally and on {@code there} remotely; both must tell the same. */
    private void sameOnBoth(Calls calls) throws SQLException {
        List<String> local = new ArrayList<>();
        List<String> remote = new ArrayList<>();
        try (Connection c = Projects.open(dir, "tenant=here")) {
            calls.on(c, local);
        }
        try (Connection c = DriverManager.getConnection(server.url() + "?tenant=there")) {
            calls.on(c, remote);
        }
        assertEquals(local, remote);
        assertTrue(local.stream().anyMatch(line -> line.startsWith("keys ")), local.toString());
    }

    /** The statement's generated keys: labels, JDBC types, and each value with its Java class. */
    private static String keys(Statement s) throws SQLException {
        try (ResultSet rs = s.getGeneratedKeys()) {
            ResultSetMetaData md = rs.getMetaData();
            StringBuilder out = new StringBuilder("keys");
            for (int i = 1; i <= md.getColumnCount(); i++) {
                out.append(' ').append(md.getColumnLabel(i)).append(':').append(md.getColumnType(i));
            }
            while (rs.next()) {
                out.append(" |");
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    out.append(' ').append(v).append(v == null ? "" : ":" + v.getClass().getSimpleName());
                }
            }
            return out.toString();
        }
    }

    @Test
    void statementsAskingForKeysGetThoseOfTheRowsTheyInserted() throws SQLException {
        sameOnBoth((c, out) -> {
            try (Statement s = c.createStatement()) {
                out.add("count " + s.executeUpdate(ITEMS, RETURN_GENERATED_KEYS));
                out.add(keys(s));
                out.add("rows " + s.execute(NOTES, RETURN_GENERATED_KEYS) + " " + s.getUpdateCount()
                        + " " + s.getResultSet());
                out.add(keys(s));
                out.add("more " + s.getMoreResults() + " " + s.getUpdateCount());
                out.add("count " + s.executeUpdate("INSERT INTO items(name) VALUES ('c')", new int[] {2}));
                out.add(keys(s));
                out.add("count " + s.executeUpdate("INSERT INTO items(name) VALUES ('d')",
                        new String[] {"id", "name"}));
                out.add(keys(s));
                out.add("count " + s.executeLargeUpdate("INSERT INTO tags VALUES ('t1', 'one')",
                        new String[] {"code"}));
                out.add(keys(s));
                out.add("rows " + s.execute("INSERT INTO tags VALUES ('t2', 'two')", new int[] {1, 2, 9}));
                out.add(keys(s));
                out.add("count " + s.executeUpdate("INSERT INTO tags VALUES ('t3', 'three')",
                        RETURN_GENERATED_KEYS));
                out.add(keys(s));
                out.add("count " + s.executeUpdate("WITH src(n) AS (VALUES ('w'), ('v')) "
                        + "INSERT INTO items(name) SELECT n FROM src", RETURN_GENERATED_KEYS));
                out.add(keys(s));
                out.add("count " + s.executeUpdate("INSERT OR IGNORE INTO items(name) VALUES ('a')",
                        RETURN_GENERATED_KEYS));
                out.add(keys(s));
                out.add("count " + s.executeUpdate("UPDATE items SET name = name || '!' WHERE id < 3",
                        RETURN_GENERATED_KEYS));
                out.add(keys(s));
                for (String failing : List.of("INSERT INTO items(name) VALUES ('c')", "INSERT INTO none VALUES (1)")) {
                    try {
                        s.executeUpdate(failing, RETURN_GENERATED_KEYS);
                        out.add("no failure");
                    } catch (SQLException e) {
                        out.add("failed " + e.getSQLState() + " " + e.getErrorCode() + " "
                                + e.getClass().getSimpleName());
                    }
                }
            }
            out.add(String.join(",", rows(c, "SELECT id || name FROM items ORDER BY id")));
        });
    }

    @Test
    void preparedStatementsAskingForKeysGetThemForEachRunAndBatch() throws SQLException {
        sameOnBoth((c, out) -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO items(name) VALUES (?)",
                    RETURN_GENERATED_KEYS)) {
                for (String name : List.of("p", "q")) {
                    p.setString(1, name);
                    out.add("count " + p.executeUpdate());
                    out.add(keys(p));
                }
                p.setString(1, "r");
                out.add("rows " + p.execute() + " " + p.getUpdateCount());
                out.add(keys(p));
                for (String name : List.of("s", "t", "u")) {
                    p.setString(1, name);
                    p.addBatch();
                }
                out.add("batch " + Arrays.toString(p.executeBatch()));
                out.add(keys(p));
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO notes(body) VALUES (?)",
                    new String[] {"rowid", "body"})) {
                p.setString(1, "n1");
                out.add("count " + p.executeLargeUpdate());
                out.add(keys(p));
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO notes(body) VALUES (?), (?)", new int[] {1})) {
                p.setString(1, "n2");
                p.setString(2, "n3");
                out.add("count " + p.executeUpdate());
                out.add(keys(p));
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO notes(body) VALUES (?)",
                    RETURN_GENERATED_KEYS)) {
                p.setString(1, "n4");
                out.add("count " + p.executeUpdate());
                out.add(keys(p));
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO tags VALUES (?, ?)",
                    new String[] {"code", "label"})) {
                p.setString(1, "b1");
                p.setString(2, "kept");
                p.addBatch();
                p.setString(1, "b2");
                p.addBatch();
                out.add("batch " + Arrays.toString(p.executeLargeBatch()));
                out.add(keys(p));
            }
            out.add(String.join(",", rows(c, "SELECT rowid || body FROM notes ORDER BY rowid")));
        });
    }

    @Test
    void aFailingBatchEntryOrAQueryCallFailAsLocally() throws SQLException {
        sameOnBoth((c, out) -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO items(name) VALUES (?)",
                    RETURN_GENERATED_KEYS)) {
                for (String name : List.of("k", "k", "m")) {
                    p.setString(1, name);
                    p.addBatch();
                }
                try {
                    p.executeBatch();
                    out.add("no failure");
                } catch (java.sql.BatchUpdateException e) {
                    out.add("failed " + e.getSQLState() + " " + Arrays.toString(e.getUpdateCounts()));
                }
                p.setString(1, "z");
                out.add("count " + p.executeUpdate());
                out.add(keys(p));
                p.setString(1, "y");
                try {
                    p.executeQuery().close();
                    out.add("a result set");
                } catch (SQLException e) {
                    out.add("no result set " + e.getSQLState());
                }
                out.add(keys(p));
            }
            out.add(String.join(",", rows(c, "SELECT id || name FROM items ORDER BY id")));
        });
    }

    @Test
    void keysOfACinchTableAreItsNewIds() throws SQLException {
        try (Connection c = DriverManager.getConnection(server.url() + "?tenant=there");
             PreparedStatement p = c.prepareStatement("INSERT INTO users(email) VALUES (?)",
                     RETURN_GENERATED_KEYS)) {
            p.setString(1, "a@x.com");
            assertEquals(1, p.executeUpdate());
            try (ResultSet keys = p.getGeneratedKeys()) {
                assertTrue(keys.next());
                assertEquals("id", keys.getMetaData().getColumnLabel(1));
                assertEquals("a@x.com", value(c, "SELECT email FROM users WHERE id = '" + keys.getString(1) + "'"));
            }
        }
    }
}
