package io.cinch.jdbc;

import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static io.cinch.Projects.value;
import static io.cinch.jdbc.Check.added;
import static io.cinch.jdbc.Check.mainFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lazy tenants (INTERFACE.md §1): no file until the first write, empty tables before it. */
class LazyTenantTest {

    @TempDir
    Path dir;
    Path pm;

    @BeforeEach
    void project() throws Exception {
        pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
                    "CREATE TABLE notes(id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id), body TEXT)");
        }
    }

    /** Whether each tenant has a file, as list_tenants says. */
    static Map<String, Boolean> materialized(Connection c) throws SQLException {
        Map<String, Boolean> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("CALL cinch.list_tenants()")) {
            while (rs.next()) {
                out.put(rs.getString("name"), rs.getBoolean("materialized"));
            }
        }
        return out;
    }

    @Test
    void createTenantWritesNoFile() throws Exception {
        try (Connection c = open(pm)) {
            Set<String> before = mainFiles(dir);
            run(c, "CALL cinch.create_tenant('acme_corp')");
            for (int i = 0; i < 200; i++) {
                run(c, "CALL cinch.create_tenant('t" + i + "')");
            }
            assertEquals(before, mainFiles(dir));
            assertEquals(Boolean.FALSE, materialized(c).get("acme_corp"));
            assertEquals(202, materialized(c).size());
        }
    }

    @Test
    void readingALazyTenantSeesEmptyTablesAndCreatesNoFile() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "INSERT INTO users(name) VALUES ('in main')", "CALL cinch.create_tenant('acme_corp')");
        }
        Set<String> before = mainFiles(dir);
        try (Connection c = open(pm, "tenant=acme_corp")) {
            assertEquals(List.of(), rows(c, "SELECT * FROM users"));
            assertEquals("0", value(c, "SELECT count(*) FROM notes"));
            assertEquals(List.of(), rows(c, "SELECT u.name, n.body FROM users u JOIN notes n ON n.user_id = u.id"));
            assertEquals(List.of("id", "name"), rows(c, "SELECT name FROM pragma_table_info('users') ORDER BY cid"));
        }
        try (Connection c = open(pm)) {
            assertEquals(List.of(), rows(c, "SELECT * FROM acme_corp.users"));
            assertEquals(List.of(), rows(c, "SELECT * FROM \"acme_corp\".\"users\""));
            assertEquals(Boolean.FALSE, materialized(c).get("acme_corp"));
        }
        assertEquals(before, mainFiles(dir));
    }

    @Test
    void firstInsertCreatesTheFileWithTheData() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('acme_corp')");
        }
        Set<String> before = mainFiles(pm);
        try (Connection c = open(pm, "tenant=acme_corp")) {
            assertEquals(1, c.createStatement().executeUpdate("INSERT INTO users(name) VALUES ('alice')"));
            assertEquals(List.of("alice"), rows(c, "SELECT name FROM users"));
        }
        Set<String> added = added(before, mainFiles(pm));
        assertEquals(1, added.size(), () -> "new files: " + added);
        String file = added.iterator().next();
        assertTrue(file.endsWith(".db"), file);
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + pm.resolve(file))) {
            assertEquals(List.of("alice"), rows(sqlite, "SELECT name FROM users"), "the tenant's own SQLite file holds the row");
        }
        try (Connection c = open(pm)) {
            assertEquals(Boolean.TRUE, materialized(c).get("acme_corp"));
            assertEquals(Boolean.FALSE, materialized(c).get("main"), "main stays lazy");
            assertEquals(List.of("alice"), rows(c, "SELECT name FROM acme_corp.users"));
            assertEquals(List.of(), rows(c, "SELECT name FROM users"));
        }
    }

    @Test
    void firstWriteInATransactionIsRolledBackOrCommittedAsOne() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('a')", "CALL cinch.create_tenant('b')");
        }
        try (Connection c = open(pm, "tenant=a")) {
            c.setAutoCommit(false);
            run(c, "INSERT INTO users(name) VALUES ('x')", "INSERT INTO users(name) VALUES ('y')");
            c.rollback();
            assertEquals(List.of(), rows(c, "SELECT name FROM users"));
            run(c, "INSERT INTO users(name) VALUES ('z')");
            c.commit();
            assertEquals(List.of("z"), rows(c, "SELECT name FROM users"));
        }
        try (Connection c = open(pm, "tenant=a")) {
            assertEquals(List.of("z"), rows(c, "SELECT name FROM users"));
        }
    }

    @Test
    void connectionsOnALazyTenantSeeAnotherConnectionsFirstWriteAtTheirNextStatement() throws Exception {
        try (Connection admin = open(pm)) {
            run(admin, "CALL cinch.create_tenant('acme')", "CALL cinch.create_tenant('globex')");
        }
        try (Connection reader = open(pm, "tenant=acme"); Connection prepared = open(pm, "tenant=acme");
             Connection other = open(pm, "tenant=globex"); Connection writer = open(pm, "tenant=acme")) {
            PreparedStatement count = prepared.prepareStatement("SELECT count(*) FROM users");
            assertEquals("0", value(reader, "SELECT count(*) FROM users"));
            assertEquals(List.of("0"), rows(count.executeQuery()));
            assertEquals("0", value(other, "SELECT count(*) FROM users"));
            run(writer, "INSERT INTO users(name) VALUES ('ann')");
            assertEquals("1", value(reader, "SELECT count(*) FROM users"), "a plain statement reads the new file");
            assertEquals(List.of("1"), rows(count.executeQuery()), "a statement prepared on the template reads the new file");
            assertEquals("0", value(other, "SELECT count(*) FROM users"), "another lazy tenant stays empty");
            run(reader, "INSERT INTO users(name) VALUES ('bob')");
            assertEquals("2", value(writer, "SELECT count(*) FROM users"), "the reader wrote to the same file");
        }
    }

    @Test
    void writeToAnotherLazyTenantMaterializesOnlyThatTenant() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('acme_corp')", "CALL cinch.create_tenant('other')");
            Set<String> before = mainFiles(pm);
            run(c, "INSERT INTO acme_corp.users(name) VALUES ('bob')");
            assertEquals(1, added(before, mainFiles(pm)).size());
            Map<String, Boolean> m = materialized(c);
            assertEquals(Boolean.TRUE, m.get("acme_corp"));
            assertEquals(Boolean.FALSE, m.get("main"));
            assertEquals(Boolean.FALSE, m.get("other"));
        }
        try (Connection c = open(pm, "tenant=acme_corp")) {
            assertEquals(List.of("bob"), rows(c, "SELECT name FROM users"));
        }
        try (Connection c = open(pm, "tenant=main")) {
            assertEquals(List.of(), rows(c, "SELECT name FROM users"));
        }
        // that the writing connection itself still reads its own, empty table: SessionTest
        // (unqualifiedNamesStayOnTheOwnTenantAfterWritingALazyOne)
    }

    @Test
    void failedFirstWriteLeavesNoRow() throws Exception {
        try (Connection c = open(pm, "tenant=main")) {
            Check.fails("23502", () -> run(c, "INSERT INTO users(name) VALUES (NULL)"));
            assertEquals(List.of(), rows(c, "SELECT * FROM users"));
            run(c, "INSERT INTO users(name) VALUES ('ok')");
            assertEquals(List.of("ok"), rows(c, "SELECT name FROM users"));
        }
    }

    @Test
    void copyOfALazyTenantIsLazyAndEmpty() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('lazy')");
            Set<String> before = mainFiles(dir);
            run(c, "CALL cinch.copy_tenant('lazy', 'copy')");
            assertEquals(before, mainFiles(dir));
            assertEquals(Boolean.FALSE, materialized(c).get("copy"));
            assertEquals(List.of(), rows(c, "SELECT * FROM copy.users"));
            run(c, "INSERT INTO copy.users(name) VALUES ('only copy')");
            assertEquals(List.of(), rows(c, "SELECT * FROM lazy.users"));
            assertEquals(Boolean.FALSE, materialized(c).get("lazy"));
        }
    }

    @Test
    void renameOfALazyTenantStaysLazy() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('lazy')");
            Set<String> before = mainFiles(dir);
            run(c, "CALL cinch.rename_tenant('lazy', 'still_lazy')");
            assertEquals(before, mainFiles(dir));
            Map<String, Boolean> m = materialized(c);
            assertEquals(Boolean.FALSE, m.get("still_lazy"));
            assertFalse(m.containsKey("lazy"));
            assertEquals(List.of(), rows(c, "SELECT * FROM still_lazy.users"));
        }
    }

    @Test
    void deleteOfALazyTenantWorksAndTouchesNoFile() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('lazy')");
            Set<String> before = mainFiles(dir);
            run(c, "CALL cinch.delete_tenant('lazy')");
            assertEquals(before, mainFiles(dir));
            assertFalse(materialized(c).containsKey("lazy"));
            Check.fails("3F000", () -> c.setSchema("lazy"));
        }
    }

    @Test
    void backupOfALazyTenantKeepsItLazyAndRestoresAsEmpty() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('lazy')", "CALL cinch.create_tenant('full')",
                    "INSERT INTO full.users(name) VALUES ('will be emptied')");
            Set<String> before = mainFiles(pm.resolve("data"));
            run(c, "CALL cinch.backup_tenant('lazy', 'lazy.db')");
            assertEquals(before, mainFiles(pm.resolve("data")), "backing up a lazy tenant gives it no file");
            assertTrue(Files.isRegularFile(Check.backup(pm, "lazy.db")));
            assertEquals(Boolean.FALSE, materialized(c).get("lazy"));
            run(c, "CALL cinch.restore_tenant('full', 'lazy.db', 'lazy')");
            assertEquals(List.of(), rows(c, "SELECT * FROM full.users"));
            run(c, "INSERT INTO full.users(name) VALUES ('after restore')");
            assertEquals(List.of("after restore"), rows(c, "SELECT name FROM full.users"));
        }
    }

    @Test
    void restoreIntoALazyTenantGivesItTheData() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('full')", "INSERT INTO full.users(name) VALUES ('saved')",
                    "CALL cinch.backup_tenant('full', 'full.db')", "CALL cinch.create_tenant('lazy')",
                    "CALL cinch.restore_tenant('lazy', 'full.db', 'full')");
            assertEquals(List.of("saved"), rows(c, "SELECT name FROM lazy.users"));
        }
        try (Connection c = open(pm, "tenant=lazy")) {
            assertEquals(List.of("saved"), rows(c, "SELECT name FROM users"));
        }
    }

    @Test
    void tenantCreatedAfterASchemaChangeHasThatSchema() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('early')", "INSERT INTO early.users(name) VALUES ('e')",
                    "ALTER TABLE users ADD COLUMN email TEXT", "CREATE TABLE projects(id INTEGER PRIMARY KEY, title TEXT)",
                    "CREATE INDEX users_email ON users(email)", "CALL cinch.create_tenant('late')");
        }
        try (Connection c = open(pm, "tenant=late")) {
            assertEquals(List.of(), rows(c, "SELECT id, name, email FROM users"));
            assertEquals(List.of(), rows(c, "SELECT id, title FROM projects"));
            run(c, "INSERT INTO users(name, email) VALUES ('l', 'l@x')", "INSERT INTO projects(title) VALUES ('p')");
            assertEquals(List.of("l|l@x"), rows(c, "SELECT name, email FROM users"));
            assertEquals("1", value(c, "SELECT count(*) FROM sqlite_master WHERE name = 'users_email'"));
        }
        try (Connection c = open(pm, "tenant=early")) {
            assertEquals(List.of("e|null"), rows(c, "SELECT name, email FROM users"));
        }
    }

    @Test
    void lazyTenantsStayLazyThroughSchemaChanges() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('lazy')");
            Set<String> before = mainFiles(pm.resolve("data"));
            Set<String> templatesAndTenants = Set.copyOf(Check.sqliteFiles(pm.resolve("data")));
            run(c, "ALTER TABLE users ADD COLUMN email TEXT", "CREATE TABLE more(x)");
            assertEquals(templatesAndTenants, Set.copyOf(Check.sqliteFiles(pm.resolve("data"))));
            assertEquals(before, mainFiles(pm.resolve("data")));
            assertEquals(Boolean.FALSE, materialized(c).get("lazy"));
            assertEquals(List.of(), rows(c, "SELECT email FROM lazy.users"));
            assertEquals(List.of(), rows(c, "SELECT x FROM lazy.more"));
        }
    }
}
