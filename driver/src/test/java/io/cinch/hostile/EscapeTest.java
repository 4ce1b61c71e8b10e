package io.cinch.hostile;

import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static io.cinch.Projects.url;
import static io.cinch.Projects.value;
import static io.cinch.jdbc.Check.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cinch.jdbc.Check;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The escapes of issue 7, each reproduced as it was reported: every one of them now fails and changes nothing. */
class EscapeTest {

    @TempDir
    Path dir;
    Path pm;

    @BeforeEach
    void project() throws Exception {
        pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)",
                    "CREATE TABLE child(id INTEGER PRIMARY KEY, t_id INTEGER NOT NULL REFERENCES t(id))",
                    "CALL cinch.create_tenant('evil')", "CALL cinch.create_tenant('lazy')",
                    "CALL cinch.create_tenant('acme')", "INSERT INTO acme.t(v) VALUES ('acme row')",
                    "CALL cinch.create_tenant('umbrella')", "INSERT INTO umbrella.t(v) VALUES ('u')");
        }
    }

    private Connection evil() throws Exception {
        return open(pm, "tenant=evil", "lock_tenant=true");
    }

    @Test
    void e1LockedLazyTenantCannotWriteIntoTheTemplate() throws Exception {
        try (Connection c = evil()) {
            fails("42501", () -> run(c, "EXPLAIN PRAGMA query_only = 0"));
            run(c, "INSERT INTO t(v) VALUES ('planted')");
            assertEquals(List.of("planted"), rows(c, "SELECT v FROM t"), "the write went to evil's own new file");
        }
        try (Connection c = open(pm, "tenant=lazy")) {
            assertEquals(List.of(), rows(c, "SELECT v FROM t"));
            run(c, "CALL cinch.create_tenant('later')");
            assertEquals(List.of(), rows(c, "SELECT v FROM later.t"));
        }
    }

    @Test
    void e2TheTemplateSchemaCannotBeRewrittenThroughPreparePaths() throws Exception {
        try (Connection c = evil()) {
            for (String pragma : List.of("PRAGMA query_only = 0", "PRAGMA writable_schema = 1")) {
                try (PreparedStatement ps = c.prepareStatement(pragma)) {
                    fails("42501", ps::getParameterMetaData);
                    fails("42501", ps::getMetaData);
                }
            }
            fails("42501", () -> run(c, "EXPLAIN QUERY PLAN PRAGMA writable_schema = 1"));
            Check.failsSomehow(() -> run(c, "UPDATE sqlite_master SET sql = 'CREATE TABLE t(x)' WHERE name = 't'"));
        }
        try (Connection c = open(pm, "tenant=lazy")) {
            assertEquals(List.of("id", "v"), rows(c, "SELECT name FROM pragma_table_info('t')"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"foreign_keys = 0", "ignore_check_constraints = 1", "legacy_alter_table = 1",
            "writable_schema = 1", "query_only = 0", "query_only = 1", "mmap_size = 1000000"})
    void e3RefusedSettingsDoNotOutliveTheConnection(String setting) throws Exception {
        try (Connection c = evil()) {
            fails("42501", () -> run(c, "EXPLAIN PRAGMA " + setting));
        }
        try (Connection c = open(pm, "tenant=umbrella")) {
            assertEquals("1", value(c, "PRAGMA foreign_keys"));
            assertEquals("0", value(c, "PRAGMA ignore_check_constraints"));
            assertEquals("0", value(c, "PRAGMA query_only"));
            fails("23503", () -> run(c, "INSERT INTO child(t_id) VALUES (999)"));
        }
    }

    @Test
    void e4TheTempDirectoryCannotBeMoved() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        try (Connection c = evil()) {
            fails("42501", () -> run(c, "EXPLAIN PRAGMA temp_store_directory = '" + elsewhere + "'"));
            fails("42501", () -> run(c, "PRAGMA temp_store_directory = '" + elsewhere + "'"));
            run(c, "PRAGMA temp_store = FILE");
        }
        try (Connection plain = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            assertEquals(List.of(), rows(plain, "PRAGMA temp_store_directory").stream().filter(s -> s != null && !s.isEmpty()
                    && !s.equals("null")).toList());
        }
        assertEquals(List.of(), List.of(elsewhere.toFile().list()));
    }

    @Test
    void e5ALockedTenantCannotRestoreAnotherTenantsBackup() throws Exception {
        try (Connection admin = open(pm)) {
            run(admin, "CALL cinch.backup_tenant('acme', 'acme-nightly.db')");
        }
        try (Connection c = evil()) {
            fails("22023", () -> run(c, "CALL cinch.restore_tenant('evil', 'acme-nightly.db')"));
            fails("42501", () -> run(c, "CALL cinch.restore_tenant('evil', 'acme-nightly.db', 'acme')"));
            assertEquals(List.of(), rows(c, "SELECT v FROM t"));
        }
        try (Connection admin = open(pm)) {
            run(admin, "CALL cinch.restore_tenant('lazy', 'acme-nightly.db', 'acme')");
            assertEquals(List.of("acme row"), rows(admin, "SELECT v FROM lazy.t"), "the operator's explicit form works");
        }
    }

    @Test
    void e5ABackupIsNeverOverwritten() throws Exception {
        try (Connection admin = open(pm)) {
            run(admin, "CALL cinch.backup_tenant('acme', 'acme-nightly.db')");
        }
        Path acmeBackup = Check.backup(pm, "acme-nightly.db");
        byte[] before = Files.readAllBytes(acmeBackup);
        try (Connection c = evil()) {
            run(c, "INSERT INTO t(v) VALUES ('evil row')", "CALL cinch.backup_tenant('evil', 'acme-nightly.db')");
            fails("42710", () -> run(c, "CALL cinch.backup_tenant('evil', 'acme-nightly.db')"));
        }
        try (Connection admin = open(pm)) {
            fails("42710", () -> run(admin, "CALL cinch.backup_tenant('acme', 'acme-nightly.db')"));
            run(admin, "INSERT INTO acme.t(v) VALUES ('new')", "CALL cinch.restore_tenant('acme', 'acme-nightly.db')");
            assertEquals(List.of("acme row"), rows(admin, "SELECT v FROM acme.t"));
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(acmeBackup)));
    }

    @Test
    void e5ABackupNameLeavesRoomForItsTemporaryCopy() throws Exception {
        try (Connection c = open(pm)) {
            fails("42602", () -> run(c, "CALL cinch.backup_tenant('acme', '" + "a".repeat(255) + "')"));
            fails("42602", () -> run(c, "CALL cinch.backup_tenant('acme', '" + "a".repeat(244) + "')"));
            run(c, "CALL cinch.backup_tenant('acme', '" + "a".repeat(243) + "')");
            run(c, "CALL cinch.restore_tenant('acme', '" + "a".repeat(243) + "')");
        }
    }

    @Test
    void e6DuplicatedUrlKeysAreRefused() throws Exception {
        fails("08001", () -> DriverManager.getConnection(url(pm, "lock_tenant=true", "tenant=evil", "lock_tenant=false")));
        String name = "a&tenant=acme";
        fails("08001", () -> DriverManager.getConnection(url(pm, "tenant=" + name)));
        fails("42602", () -> DriverManager.getConnection(url(pm, "tenant=" + URLEncoder.encode(name, StandardCharsets.UTF_8))));
        Properties p = new Properties();
        p.setProperty("tenant", name);
        fails("42602", () -> DriverManager.getConnection(url(pm), p));
        fails("22023", () -> DriverManager.getConnection(url(pm, "busy_timeout=abc")));
        fails("22023", () -> DriverManager.getConnection(url(pm, "cache_size=1;ATTACH 'x' AS y")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE TABLE x AS SELECT * FROM acme.t", "CREATE VIEW x AS SELECT * FROM acme.t",
            "CREATE TRIGGER x AFTER INSERT ON t BEGIN DELETE FROM acme.t; END", "CREATE VIEW x AS SELECT * FROM \"acme\".\"t\"",
            "SELECT * FROM feature.t", "CREATE TABLE x AS SELECT * FROM feature.t", "INSERT INTO feature.t(v) VALUES ('x')"})
    void smallerQualifiedNamesOnALockedConnectionAre42501(String sql) throws Exception {
        try (Connection admin = open(pm)) {
            run(admin, "CALL cinch.create_branch('feature')");
        }
        try (Connection c = evil()) {
            fails("42501", () -> run(c, sql));
        }
        try (Connection admin = open(pm)) {
            assertFalse(rows(admin, "SELECT name FROM sqlite_master").contains("x"));
        }
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> settingsByRoute() {
        List<String[]> settings = List.of(new String[] {"PRAGMA recursive_triggers = 1", "PRAGMA recursive_triggers"},
                new String[] {"PRAGMA case_sensitive_like = 1", "SELECT 'a' LIKE 'A'"},
                new String[] {"PRAGMA cache_size = 7", "PRAGMA cache_size"});
        return java.util.stream.Stream.of("execute", "batch", "explain", "prepare: result metadata",
                "prepare: parameter metadata").flatMap(route -> settings.stream()
                .map(s -> org.junit.jupiter.params.provider.Arguments.of(route, s[0], s[1])));
    }

    /**
     * A setting one lazy tenant's connection changes on the template's pooled handle, by any path that lets SQLite
     * prepare a PRAGMA, never reaches the next lazy tenant lent that handle: the pool reads the settings back.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @org.junit.jupiter.params.provider.MethodSource("settingsByRoute")
    void e8ASettingOneLazyTenantChangesNeverReachesAnother(String route, String pragma, String read) throws Exception {
        String before;
        try (Connection c = open(pm, "tenant=lazy")) {
            before = value(c, read);
        }
        try (Connection c = evil()) {
            switch (route) {
                case "execute" -> run(c, pragma);
                case "explain" -> run(c, "EXPLAIN " + pragma);
                case "batch" -> {
                    try (java.sql.Statement s = c.createStatement()) {
                        s.addBatch(pragma);
                        s.executeBatch();
                    }
                }
                default -> {
                    try (PreparedStatement ps = c.prepareStatement(pragma)) {
                        if (route.endsWith("result metadata")) {
                            ps.getMetaData(); // SQLite has run the PRAGMA by the time sqlite-jdbc describes it
                        } else {
                            ps.getParameterMetaData();
                        }
                    } catch (java.sql.SQLException describing) {
                        // a setting returns no columns to describe: preparing it was the attack
                    }
                }
            }
        }
        try (Connection c = open(pm, "tenant=lazy")) {
            assertEquals(before, value(c, read), "lazy tenant 'lazy' inherited evil's " + pragma);
        }
    }
}
