package io.cinch.jdbc;

import static io.cinch.Projects.awaitCatchUp;
import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static io.cinch.Projects.value;
import static io.cinch.jdbc.Check.fails;
import static io.cinch.jdbc.Check.mainFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cinch.Projects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a tenant connection reaches (INTERFACE.md §3): its tenant, qualified other tenants, and never other files. */
class SessionTest {

    @TempDir
    Path dir;
    Path pm;

    @BeforeEach
    void project() throws Exception {
        pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT)", "CALL cinch.create_tenant('acme_corp')",
                    "CALL cinch.create_tenant('globex')", "INSERT INTO acme_corp.users(name) VALUES ('acme user')",
                    "INSERT INTO globex.users(name) VALUES ('globex user')");
        }
    }

    // ---- schema = tenant, catalog = branch ----

    @Test
    void setSchemaSwitchesTheTenantAndGetSchemaReportsIt() throws Exception {
        try (Connection c = open(pm)) {
            assertEquals("main", c.getSchema());
            c.setSchema("acme_corp");
            assertEquals("acme_corp", c.getSchema());
            assertEquals(List.of("acme user"), rows(c, "SELECT name FROM users"));
            run(c, "INSERT INTO users(name) VALUES ('second acme user')");
            c.setSchema("globex");
            assertEquals("globex", c.getSchema());
            assertEquals(List.of("globex user"), rows(c, "SELECT name FROM users"));
            c.setSchema("main");
            assertEquals(List.of(), rows(c, "SELECT name FROM users"));
        }
        try (Connection acme = open(pm, "tenant=acme_corp")) {
            assertEquals(List.of("acme user", "second acme user"), rows(acme, "SELECT name FROM users ORDER BY id"));
        }
    }

    @Test
    void setSchemaToUnknownOrInvalidTenantFailsAndStays() throws Exception {
        try (Connection c = open(pm, "tenant=acme_corp")) {
            fails("3F000", () -> c.setSchema("nobody"));
            for (String bad : UrlTest.INVALID_NAMES) {
                fails("42602", () -> c.setSchema(bad));
            }
            assertEquals("acme_corp", c.getSchema());
            assertEquals(List.of("acme user"), rows(c, "SELECT name FROM users"));
        }
    }

    @Test
    void getCatalogReportsTheBranch() throws Exception {
        try (Connection c = open(pm, "tenant=acme_corp")) {
            assertEquals("main", c.getCatalog());
            run(c, "CALL cinch.create_branch('dev')");
            assertEquals("main", c.getCatalog());
            c.setCatalog("dev");
            assertEquals("dev", c.getCatalog());
            assertEquals("acme_corp", c.getSchema());
            fails("3D000", () -> c.setCatalog("nope"));
            fails("42602", () -> c.setCatalog("../x"));
            assertEquals("dev", c.getCatalog());
        }
        try (Connection c = open(pm, "branch=dev")) {
            assertEquals("dev", c.getCatalog());
            assertEquals("main", c.getSchema());
        }
    }

    @Test
    void switchTenantDoesWhatSetSchemaDoes() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.switch_tenant('acme_corp')");
            assertEquals("acme_corp", c.getSchema());
            assertEquals(List.of("acme user"), rows(c, "SELECT name FROM users"));
            run(c, "INSERT INTO users(name) VALUES ('via switch')");
            c.setSchema("globex");
            run(c, "CALL cinch.switch_tenant('acme_corp')");
            assertEquals("acme_corp", c.getSchema());
            assertEquals(List.of("acme user", "via switch"), rows(c, "SELECT name FROM users ORDER BY id"));
            fails("3F000", () -> run(c, "CALL cinch.switch_tenant('nobody')"));
            assertEquals("acme_corp", c.getSchema());
        }
        try (Connection globex = open(pm, "tenant=globex")) {
            assertEquals(List.of("globex user"), rows(globex, "SELECT name FROM users"));
        }
    }

    // ---- reaching other tenants ----

    @Test
    void unqualifiedNamesSeeOnlyTheOwnTenant() throws Exception {
        try (Connection acme = open(pm, "tenant=acme_corp"); Connection globex = open(pm, "tenant=globex")) {
            assertEquals(List.of("acme user"), rows(acme, "SELECT name FROM users"));
            assertEquals(List.of("globex user"), rows(globex, "SELECT name FROM users"));
            run(acme, "UPDATE users SET name = 'renamed'", "DELETE FROM users WHERE name = 'nobody'");
            assertEquals(List.of("globex user"), rows(globex, "SELECT name FROM users"));
        }
    }

    @Test
    void qualifiedNamesReadAndWriteAnotherTenantWhenNotLocked() throws Exception {
        try (Connection c = open(pm, "tenant=globex")) {
            assertEquals(List.of("acme user"), rows(c, "SELECT name FROM acme_corp.users"));
            assertEquals(List.of("acme user"), rows(c, "SELECT name FROM \"acme_corp\".\"users\""));
            assertEquals(List.of("acme user|globex user"),
                    rows(c, "SELECT a.name, g.name FROM acme_corp.users a CROSS JOIN users g"));
            run(c, "INSERT INTO acme_corp.users(name) VALUES ('written by globex')");
            run(c, "UPDATE \"acme_corp\".\"users\" SET name = 'updated by globex' WHERE name = 'acme user'");
            run(c, "DELETE FROM acme_corp.users WHERE name = 'written by globex'");
            run(c, "INSERT INTO main.users(name) VALUES ('into main')");
            assertEquals(List.of("globex user"), rows(c, "SELECT name FROM users"));
        }
        try (Connection acme = open(pm, "tenant=acme_corp"); Connection main = open(pm, "tenant=main")) {
            assertEquals(List.of("updated by globex"), rows(acme, "SELECT name FROM users"));
            assertEquals(List.of("into main"), rows(main, "SELECT name FROM users"));
        }
    }

    @Test
    void unqualifiedNamesStayOnTheOwnTenantAfterWritingALazyOne() throws Exception {
        Path fresh = dir.resolve("fresh");
        try (Connection c = open(fresh)) {
            run(c, "CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
                    "CREATE TABLE notes(id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id), body TEXT)");
        }
        try (Connection c = open(fresh)) {
            run(c, "CALL cinch.create_tenant('lazy_one')");
            run(c, "INSERT INTO lazy_one.users(name) VALUES ('for lazy_one')");
            assertEquals(List.of(), rows(c, "SELECT name FROM users"), "main's own table is empty");
            run(c, "INSERT INTO users(name) VALUES ('for main')");
            assertEquals(List.of("for main"), rows(c, "SELECT name FROM users"));
        }
        try (Connection lazyOne = open(fresh, "tenant=lazy_one")) {
            assertEquals(List.of("for lazy_one"), rows(lazyOne, "SELECT name FROM users"));
        }
    }

    @Test
    void unqualifiedWriteAfterAnotherConnectionsSchemaChangeStaysOnTheOwnTenant() throws Exception {
        try (Connection a = open(pm, "tenant=globex"); Connection b = open(pm, "tenant=globex")) {
            assertEquals(List.of("globex user"), rows(a, "SELECT name FROM users"));
            run(b, "CREATE TABLE projects(title TEXT)");
            assertEquals(List.of(), rows(a, "SELECT title FROM acme_corp.projects"));
            run(a, "INSERT INTO projects(title) VALUES ('globex project')");
            assertEquals(List.of("globex project"), rows(a, "SELECT title FROM projects"));
        }
        try (Connection globex = open(pm, "tenant=globex"); Connection acme = open(pm, "tenant=acme_corp")) {
            assertEquals(List.of("globex project"), rows(globex, "SELECT title FROM projects"));
            assertEquals(List.of(), rows(acme, "SELECT title FROM projects"), "nothing may land in acme_corp");
        }
    }

    @Test
    void qualifiedNamesReachAnyNumberOfTenantsInTurn() throws Exception {
        try (Connection c = open(pm)) {
            for (int i = 0; i < 15; i++) {
                run(c, "CALL cinch.create_tenant('many" + i + "')", "INSERT INTO many" + i + ".users(name) VALUES ('m" + i + "')");
            }
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < 15; i++) {
                    assertEquals(List.of("m" + i), rows(c, "SELECT name FROM many" + i + ".users"));
                }
            }
            assertEquals(List.of("acme user|globex user"),
                    rows(c, "SELECT a.name, g.name FROM acme_corp.users a, globex.users g"));
        }
    }

    // ---- lock_tenant ----

    @Test
    void lockedConnectionCannotSwitchTenant() throws Exception {
        try (Connection c = open(pm, "tenant=acme_corp", "lock_tenant=true")) {
            fails("42501", () -> c.setSchema("globex"));
            fails("42501", () -> c.setSchema("main"));
            fails("42501", () -> run(c, "CALL cinch.switch_tenant('globex')"));
            try (PreparedStatement ps = c.prepareStatement("CALL cinch.switch_tenant(?)")) {
                ps.setString(1, "globex");
                fails("42501", ps::executeQuery);
            }
            c.setSchema("acme_corp");
            assertEquals("acme_corp", c.getSchema());
            assertEquals(List.of("acme user"), rows(c, "SELECT name FROM users"));
        }
    }

    @Test
    void lockedConnectionCannotReachAnotherTenantThroughProcedures() throws Exception {
        try (Connection admin = open(pm)) {
            run(admin, "CALL cinch.backup_tenant('globex', 'globex.db')");
        }
        try (Connection c = open(pm, "tenant=acme_corp", "lock_tenant=true")) {
            fails("42501", () -> run(c, "CALL cinch.backup_tenant('globex', 'stolen.db')"));
            fails("42501", () -> run(c, "CALL cinch.restore_tenant('globex', 'globex.db')"));
            fails("42501", () -> run(c, "CALL cinch.copy_tenant('globex', 'stolen')"));
            fails("42501", () -> run(c, "CALL cinch.rename_tenant('globex', 'renamed')"));
            fails("42501", () -> run(c, "CALL cinch.delete_tenant('globex')"));
            assertEquals(List.of("acme user"), rows(c, "SELECT name FROM users"));
        }
        try (Connection globex = open(pm, "tenant=globex")) {
            assertEquals(List.of("globex user"), rows(globex, "SELECT name FROM users"));
        }
        assertFalse(Files.exists(Check.backup(pm, "stolen.db")));
    }

    @Test
    void lockedConnectionStillRunsProceduresOnItsOwnTenant() throws Exception {
        try (Connection c = open(pm, "tenant=acme_corp", "lock_tenant=true")) {
            run(c, "CALL cinch.backup_tenant('acme_corp', 'own.db')", "INSERT INTO users(name) VALUES ('later')",
                    "CALL cinch.restore_tenant('acme_corp', 'own.db')", "CALL cinch.switch_tenant('acme_corp')");
            assertEquals(List.of("acme user"), rows(c, "SELECT name FROM users"));
            assertEquals("acme_corp", c.getSchema());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT name FROM globex.users",
        "SELECT name FROM \"globex\".\"users\"",
        "SELECT name FROM [globex].[users]",
        "SELECT name FROM `globex`.`users`",
        "SELECT name FROM GLOBEX.USERS",
        "SELECT name FROM globex . users",
        "SELECT name FROM main.users",
        "SELECT u.name FROM users u JOIN globex.users g ON g.id = u.id",
        "SELECT name FROM users WHERE id IN (SELECT id FROM globex.users)",
        "WITH g AS (SELECT * FROM globex.users) SELECT name FROM g",
        "SELECT count(*) FROM globex.sqlite_master",
        "INSERT INTO globex.users(name) VALUES ('from locked')",
        "INSERT INTO users(name) SELECT name FROM globex.users",
        "UPDATE globex.users SET name = 'hacked'",
        "DELETE FROM globex.users",
        "REPLACE INTO globex.users(id, name) VALUES (1, 'replaced')"})
    void lockedConnectionRefusesTenantQualifiedNames(String sql) throws Exception {
        try (Connection c = open(pm, "tenant=acme_corp", "lock_tenant=true")) {
            fails("42501", () -> run(c, sql));
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                fails("42501", ps::execute);
            }
            assertEquals("acme_corp", c.getSchema());
            assertEquals(List.of("acme user"), rows(c, "SELECT name FROM users"));
            assertEquals(List.of("acme user"), rows(c, "SELECT name FROM acme_corp.users"), "its own name is fine");
        }
        try (Connection globex = open(pm, "tenant=globex"); Connection main = open(pm, "tenant=main")) {
            assertEquals(List.of("globex user"), rows(globex, "SELECT name FROM users"));
            assertEquals(List.of(), rows(main, "SELECT name FROM users"));
        }
    }

    // ---- nothing else reaches a file ----

    @ParameterizedTest
    @ValueSource(strings = {
        "ATTACH DATABASE '@evil' AS evil",
        "ATTACH '@evil' AS evil",
        "attach database '@evil' as evil",
        "/* comment */ ATTACH '@evil' AS evil",
        "SELECT 1; ATTACH '@evil' AS evil",
        "ATTACH 'file:@evil?mode=rwc' AS evil",
        "ATTACH '@tenant' AS other",
        "DETACH DATABASE main",
        "DETACH evil",
        "VACUUM INTO '@evil'",
        "VACUUM main INTO '@evil'",
        "vacuum into '@evil'",
        "SELECT load_extension('@evil')",
        "SELECT load_extension('@evil', 'entry')",
        "SELECT \"load_extension\"('@evil')",
        "PRAGMA writable_schema = ON",
        "PRAGMA writable_schema=1",
        "PRAGMA main.writable_schema = 1",
        "PRAGMA journal_mode = DELETE",
        "PRAGMA journal_mode=OFF",
        "PRAGMA journal_mode = MEMORY",
        "PRAGMA journal_mode = TRUNCATE",
        "PRAGMA main.journal_mode = DELETE",
        "pragma JOURNAL_MODE('delete')",
        "PRAGMA journal_mode = 'off'",
        "PRAGMA foreign_keys = OFF",
        "PRAGMA foreign_keys=0",
        "PRAGMA foreign_keys = false",
        "PRAGMA foreign_keys = 'off'",
        "PRAGMA schema_version = 1",
        "PRAGMA user_version = 99"})
    void fileReachingAndWeakeningStatementsFail42501AndChangeNothing(String template) throws Exception {
        String sql = template.replace("@evil", dir.resolve("evil.db").toString())
                .replace("@tenant", tenantFile("acme_corp").toString());
        awaitCatchUp(pm); // the background catch-up of the set-up's schema writes its cursor into cinch.db
        for (String tenant : List.of("acme_corp", "main")) {
            Map<String, String> before = fingerprint();
            try (Connection c = open(pm, "tenant=" + tenant)) {
                fails("42501", () -> run(c, sql));
                try (Statement s = c.createStatement()) {
                    fails("42501", () -> s.executeUpdate(sql));
                }
                try (Statement s = c.createStatement()) {
                    s.addBatch(sql);
                    BatchUpdateException e = (BatchUpdateException) fails("42501", s::executeBatch);
                    assertEquals(0, e.getUpdateCounts().length);
                }
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    fails("42501", ps::execute);
                }
                assertEquals("wal", value(c, "PRAGMA journal_mode").toLowerCase());
                assertEquals("1", value(c, "PRAGMA foreign_keys"));
                assertEquals(tenant, c.getSchema());
                assertEquals(List.of("main"), rows(c, "SELECT name FROM pragma_database_list"));
            }
            assertFalse(Files.exists(dir.resolve("evil.db")));
            assertEquals(before, fingerprint(), "no database file changed");
        }
    }

    @Test
    void detachOfAnAttachedTenantIsRefused() throws Exception {
        try (Connection c = open(pm, "tenant=globex")) {
            assertEquals(List.of("acme user"), rows(c, "SELECT name FROM acme_corp.users"));
            fails("42501", () -> run(c, "DETACH DATABASE acme_corp"));
            fails("42501", () -> run(c, "DETACH acme_corp"));
            assertEquals(List.of("acme user"), rows(c, "SELECT name FROM acme_corp.users"));
        }
    }

    /**
     * The content of every main database file of the project (companions are SQLite's business), by path; not the
     * files made ahead for first writes that no tenant claimed, which come and go in the background.
     */
    private Map<String, String> fingerprint() throws Exception {
        Map<String, String> out = new TreeMap<>();
        Set<Path> tenants = Projects.tenantFiles(pm);
        for (String f : mainFiles(dir)) {
            if (f.contains("/data/spares/") || f.contains("/premade/") && !tenants.contains(dir.resolve(f))) {
                continue;
            }
            if (f.endsWith(".db")) {
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(f) + "?open_mode=1")) {
                    StringBuilder content = new StringBuilder();
                    for (String table : rows(c, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                        content.append(table).append(rows(c, "SELECT * FROM \"" + table + "\" ORDER BY 1"));
                    }
                    content.append(rows(c, "SELECT type, name, sql FROM sqlite_master ORDER BY name"));
                    content.append(rows(c, "PRAGMA journal_mode"));
                    content.append(rows(c, "PRAGMA user_version"));
                    byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes());
                    out.put(f, HexFormat.of().formatHex(hash));
                }
            } else {
                out.put(f, "present");
            }
        }
        return out;
    }

    /** The SQLite file of a materialized tenant: the one file holding its rows. */
    private Path tenantFile(String tenant) throws Exception {
        String marker;
        try (Connection c = open(pm, "tenant=" + tenant)) {
            marker = value(c, "SELECT name FROM users ORDER BY id LIMIT 1");
        }
        for (String f : Check.sqliteFiles(pm.resolve("data"))) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + pm.resolve("data").resolve(f) + "?open_mode=1")) {
                if (rows(c, "SELECT name FROM users").contains(marker)) {
                    return pm.resolve("data").resolve(f);
                }
            } catch (SQLException e) {
                // not a tenant file
            }
        }
        throw new AssertionError("no file holds " + tenant);
    }

    // ---- every tenant file runs in WAL mode with foreign keys on ----

    @Test
    void everyTenantRunsInWalModeWithForeignKeysAndABusyTimeout() throws Exception {
        for (String tenant : List.of("main", "acme_corp", "globex")) {
            try (Connection c = open(pm, "tenant=" + tenant)) {
                assertEquals("wal", value(c, "PRAGMA journal_mode").toLowerCase(), tenant);
                assertEquals("1", value(c, "PRAGMA foreign_keys"), tenant);
                assertTrue(Long.parseLong(value(c, "PRAGMA busy_timeout")) > 0, tenant);
                c.setSchema(tenant.equals("main") ? "acme_corp" : "main");
                assertEquals("wal", value(c, "PRAGMA journal_mode").toLowerCase(), "after setSchema from " + tenant);
                assertEquals("1", value(c, "PRAGMA foreign_keys"), "after setSchema from " + tenant);
            }
        }
        try (Connection c = open(pm)) {
            run(c, "INSERT INTO users(name) VALUES ('main materialized')");
            assertEquals("wal", value(c, "PRAGMA journal_mode").toLowerCase());
            assertEquals("1", value(c, "PRAGMA foreign_keys"));
        }
    }

    @Test
    void everyTenantFileOnDiskIsInWalMode() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "INSERT INTO users(name) VALUES ('x')", "CALL cinch.copy_tenant('acme_corp', 'copied')",
                    "CALL cinch.backup_tenant('globex', 'g.db')", "CALL cinch.create_tenant('restored')",
                    "CALL cinch.restore_tenant('restored', 'g.db', 'globex')", "INSERT INTO copied.users(name) VALUES ('y')");
        }
        List<String> files = Check.sqliteFiles(pm.resolve("data"));
        assertTrue(files.size() >= 5, () -> "files: " + files);
        for (String f : files) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + pm.resolve("data").resolve(f))) {
                assertEquals("wal", value(c, "PRAGMA journal_mode").toLowerCase(), f);
            }
        }
    }

    @Test
    void foreignKeysAreEnforcedInEveryTenant() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE notes(id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id))");
            for (String tenant : List.of("main", "acme_corp", "globex")) {
                c.setSchema(tenant);
                fails("23503", () -> run(c, "INSERT INTO notes(user_id) VALUES (999)"));
            }
            c.setSchema("acme_corp");
            run(c, "INSERT INTO notes(user_id) SELECT id FROM users");
            fails("23503", () -> run(c, "DELETE FROM users"));
            assertEquals(Set.of("1"), Set.copyOf(rows(c, "SELECT count(*) FROM users")));
        }
    }
}
