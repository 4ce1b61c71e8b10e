package io.cinch.store;

import static io.cinch.Projects.open;
import static io.cinch.Projects.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pooled SQLite handles (issue 7, E1 and E3): a template is read-only at SQLite level whatever SQL runs on it, and a
 * handle whose settings were changed, even behind cinch's back, is closed on release instead of lent again.
 */
class PooledHandleTest {

    @TempDir
    Path dir;
    Project project;
    Path template;
    Path tenantFile;

    @BeforeEach
    void project() throws Exception {
        try (Connection c = open(dir)) {
            run(c, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)", "CREATE TABLE c(id INTEGER PRIMARY KEY, "
                    + "t_id INTEGER NOT NULL REFERENCES t(id), n INTEGER CHECK (n > 0))",
                    "CALL cinch.create_tenant('full')", "INSERT INTO full.t(v) VALUES ('x')");
        }
        project = Project.acquire(dir, false, "main");
        try (Stream<Path> all = Files.walk(dir.resolve("data"))) {
            var files = all.filter(p -> p.toString().endsWith(".db")).toList();
            template = files.stream().filter(p -> p.getFileName().toString().equals("template.db")).findFirst().orElseThrow();
            tenantFile = files.stream().filter(p -> !p.equals(template)).findFirst().orElseThrow();
        }
    }

    @AfterEach
    void release() {
        project.release();
    }

    @Test
    void aTemplateHandleCannotBeMadeWritableBySql() throws Exception {
        Handle h = project.files().borrow(template, true, null);
        try (Statement s = h.jdbc().createStatement()) {
            s.execute("PRAGMA query_only = 0");
            s.execute("PRAGMA writable_schema = 1");
            SQLException insert = assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO t(v) VALUES ('planted')"));
            assertEquals(8, insert.getErrorCode() & 0xff, "SQLITE_READONLY");
            SQLException schema = assertThrows(SQLException.class,
                    () -> s.executeUpdate("UPDATE sqlite_master SET sql = 'CREATE TABLE t(x)' WHERE name = 't'"));
            assertEquals(8, schema.getErrorCode() & 0xff, "SQLITE_READONLY");
            s.execute("CREATE TEMP TABLE scratch(a)"); // temporary objects need no write to the template
        } finally {
            project.files().release(h);
        }
        try (Connection c = open(dir, "tenant=main")) {
            assertEquals("0", io.cinch.Projects.value(c, "SELECT count(*) FROM t"));
        }
    }

    @Test
    void aStatementKeptFromAnEarlierConnectionStillDescribesItsColumns() throws Exception {
        for (int i = 0; i < 3; i++) {
            try (Connection c = open(dir, "tenant=full");
                 PreparedStatement ps = c.prepareStatement("SELECT id, v FROM t WHERE id = ?")) {
                assertEquals(2, ps.getMetaData().getColumnCount(), "connection " + i); // Avatica's server asks first
                ps.setLong(1, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("x", rs.getString("v"));
                }
            }
        }
    }

    @Test
    void anUnchangedHandleIsLentAgain() throws Exception {
        Handle first = project.files().borrow(tenantFile, false, null);
        project.files().release(first);
        Handle second = project.files().borrow(tenantFile, false, null);
        try {
            assertSame(first, second);
        } finally {
            project.files().release(second);
        }
    }

    @Test
    void aLazyTenantsFirstWriteLeavesTheTemplateHandleToBeLentAgain() throws Exception {
        try (Connection c = open(dir)) {
            run(c, "CALL cinch.create_tenant('lazy')");
        }
        Handle first = project.files().borrow(template, true, null);
        project.files().release(first);
        try (Connection c = open(dir, "tenant=lazy")) {
            run(c, "INSERT INTO t(v) VALUES ('first')"); // on the template's idle handle, refused, then on its own file
        }
        Handle second = project.files().borrow(template, true, null);
        try {
            assertSame(first, second, "looking for temporary objects to carry must not open the temporary schema");
        } finally {
            project.files().release(second);
        }
    }

    @ParameterizedTest(name = "{0} on a template: {2}")
    @CsvSource(delimiter = '|', value = {
        "true |PRAGMA foreign_keys = 0            |PRAGMA foreign_keys",
        "false|PRAGMA foreign_keys = 0            |PRAGMA foreign_keys",
        "true |PRAGMA ignore_check_constraints = 1|PRAGMA ignore_check_constraints",
        "false|PRAGMA ignore_check_constraints = 1|PRAGMA ignore_check_constraints",
        "true |PRAGMA legacy_alter_table = 1      |PRAGMA legacy_alter_table",
        "false|PRAGMA legacy_alter_table = 1      |PRAGMA legacy_alter_table",
        "true |PRAGMA writable_schema = 1         |PRAGMA writable_schema",
        "false|PRAGMA writable_schema = 1         |PRAGMA writable_schema",
        "false|PRAGMA query_only = 1              |PRAGMA query_only",
        "true |PRAGMA trusted_schema = 0          |PRAGMA trusted_schema",
        "false|PRAGMA temp_store = FILE           |PRAGMA temp_store",
        "false|PRAGMA recursive_triggers = 1      |PRAGMA recursive_triggers",
        "false|PRAGMA synchronous = OFF           |PRAGMA synchronous",
        "false|PRAGMA busy_timeout = 1            |PRAGMA busy_timeout",
        "false|PRAGMA cache_size = 7              |PRAGMA cache_size",
        "false|PRAGMA locking_mode = EXCLUSIVE    |PRAGMA locking_mode",
        "false|PRAGMA secure_delete = 1           |PRAGMA secure_delete",
        "false|PRAGMA automatic_index = 0         |PRAGMA automatic_index",
        "false|PRAGMA cell_size_check = 1         |PRAGMA cell_size_check",
        "true |CREATE TEMP TABLE leftover(a)      |SELECT count(*) FROM pragma_database_list",
        "false|CREATE TEMP TABLE leftover(a)      |SELECT count(*) FROM pragma_database_list",
    })
    void aChangedSettingNeverReachesTheNextBorrower(boolean onTemplate, String change, String read) throws Exception {
        Path file = onTemplate ? template : tenantFile;
        Handle first = project.files().borrow(file, onTemplate, null);
        String before = read(first, read);
        try (Statement s = first.jdbc().createStatement()) {
            s.execute(change);
        }
        project.files().release(first);
        Handle second = project.files().borrow(file, onTemplate, null);
        try {
            assertNotSame(first, second, "the changed handle was closed, not pooled");
            assertEquals(before, read(second, read));
        } finally {
            project.files().release(second);
        }
    }

    @Test
    void aChangedSettingIsCaughtOnAHandleOpenedWithTheSettingsOfAnother() throws Exception {
        project.files().evict(tenantFile);
        Handle other = project.files().borrow(template, false, null); // opens one more: the settings are known now
        project.files().release(other);
        Handle first = project.files().borrow(tenantFile, false, null);
        try (Statement s = first.jdbc().createStatement()) {
            s.execute("PRAGMA foreign_keys = 0");
        }
        project.files().release(first);
        Handle second = project.files().borrow(tenantFile, false, null);
        try {
            assertNotSame(first, second, "the changed handle was closed, not pooled");
            assertEquals("1", read(second, "PRAGMA foreign_keys"));
        } finally {
            project.files().release(second);
        }
    }

    @Test
    void aFileThatStartsWithOtherSettingsIsStillLentAgain() throws Exception {
        project.files().evict(tenantFile);
        try (Connection plain = java.sql.DriverManager.getConnection("jdbc:sqlite:" + tenantFile);
             Statement s = plain.createStatement()) {
            s.execute("PRAGMA auto_vacuum = FULL");
            s.execute("VACUUM");
        }
        Handle opened = project.files().borrow(tenantFile, false, null);
        assertEquals("1", read(opened, "PRAGMA auto_vacuum"));
        project.files().release(opened); // may close: the settings it was expected to start with were another file's
        Handle first = project.files().borrow(tenantFile, false, null);
        project.files().release(first);
        Handle second = project.files().borrow(tenantFile, false, null);
        try {
            assertSame(first, second, "a file's own starting settings are what its handles are compared with");
        } finally {
            project.files().release(second);
        }
    }

    private static String read(Handle h, String sql) throws SQLException {
        try (Statement s = h.jdbc().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
