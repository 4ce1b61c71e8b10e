package io.cinch.schema;

import static io.cinch.Projects.open;
import static io.cinch.Projects.run;
import static io.cinch.Projects.value;
import static io.cinch.schema.SchemaSupport.maps;
import static io.cinch.schema.SchemaSupport.newTenantFile;
import static io.cinch.schema.SchemaSupport.tenantFiles;
import static io.cinch.schema.TutorialSchemaTest.TIMESTAMP;
import static io.cinch.schema.TutorialSchemaTest.UUID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The automatic id, created_at and updated_at of create_table tables work for clients that write the file directly. */
class EveryClientTest {

    static final Path SHELL = Path.of("/usr/bin/sqlite3");

    @TempDir
    Path dir;
    Path pm;
    Path file;

    /** A project whose tenant {@code acme} has a users table and its own file, found by walking the project. */
    @BeforeEach
    void tenantWithItsOwnFile() throws SQLException {
        pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_table('users', '" + TutorialSchemaTest.USERS + "')", "CALL cinch.create_tenant('acme')");
        }
        Set<Path> before = tenantFiles(pm);
        try (Connection c = open(pm, "tenant=acme")) {
            run(c, "INSERT INTO users(email, name, role, active) VALUES ('cinch@acme.com', 'Cinch', 'admin', 1)");
        }
        file = newTenantFile(pm, before);
    }

    private Map<String, String> user(String email) throws SQLException {
        try (Connection c = open(pm, "tenant=acme")) {
            List<Map<String, String>> rows = maps(c, "SELECT * FROM users WHERE email = '" + email + "'");
            assertEquals(1, rows.size(), rows::toString);
            return rows.get(0);
        }
    }

    private static void assertAutomatic(Map<String, String> row) {
        assertTrue(UUID.matcher(row.get("id")).matches(), row.toString());
        assertTrue(TIMESTAMP.matcher(row.get("created_at")).matches(), row.toString());
        assertTrue(TIMESTAMP.matcher(row.get("updated_at")).matches(), row.toString());
    }

    @Test
    void rawSqliteJdbcInsertGetsIdAndTimestamps() throws Exception {
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = raw.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            s.executeUpdate("INSERT INTO users(email, name, role, active) VALUES ('raw@acme.com', 'Raw', 'member', 1), "
                    + "('raw2@acme.com', 'Raw', 'member', 0)");
        }
        Map<String, String> row = user("raw@acme.com");
        assertAutomatic(row);
        assertNotEquals(row.get("id"), user("raw2@acme.com").get("id"));
        try (Connection c = open(pm, "tenant=acme"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT active FROM users WHERE email = 'raw@acme.com'")) {
            assertTrue(rs.next());
            assertEquals(Boolean.TRUE, rs.getObject(1));
            assertEquals("1", value(c, "SELECT count(*) FROM users WHERE email = 'raw@acme.com' "
                    + "AND created_at > datetime('now', '-1 minute')"));
        }
    }

    @Test
    void rawSqliteJdbcUpdateMovesUpdatedAt() throws Exception {
        Map<String, String> before = user("cinch@acme.com");
        Thread.sleep(15);
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = raw.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            s.executeUpdate("UPDATE users SET role = 'owner' WHERE email = 'cinch@acme.com'");
        }
        Map<String, String> after = user("cinch@acme.com");
        assertEquals("owner", after.get("role"));
        assertEquals(before.get("created_at"), after.get("created_at"));
        assertTrue(after.get("updated_at").compareTo(before.get("updated_at")) > 0, before + " -> " + after);
        assertTrue(TIMESTAMP.matcher(after.get("updated_at")).matches(), after.toString());
    }

    @Test
    void sqlite3ShellInsertAndUpdateGetIdAndTimestamps() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(SHELL), "no sqlite3 shell at " + SHELL);
        shell("INSERT INTO users(email, name, role, active) VALUES ('shell@acme.com', 'Shell', 'member', 0);");
        Map<String, String> inserted = user("shell@acme.com");
        assertAutomatic(inserted);
        Thread.sleep(15);
        shell("UPDATE users SET name = 'Shell 2' WHERE email = 'shell@acme.com';");
        Map<String, String> updated = user("shell@acme.com");
        assertEquals("Shell 2", updated.get("name"));
        assertEquals(inserted.get("id"), updated.get("id"));
        assertEquals(inserted.get("created_at"), updated.get("created_at"));
        assertTrue(updated.get("updated_at").compareTo(inserted.get("updated_at")) > 0, inserted + " -> " + updated);
    }

    private void shell(String sql) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(SHELL.toString(), "-bail", "-cmd", ".timeout 10000", file.toString(), sql)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), () -> "sqlite3 said: " + out);
    }
}
