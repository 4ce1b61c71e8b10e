package io.cinch.store;

import static io.cinch.Projects.open;
import static io.cinch.Projects.run;
import static io.cinch.Projects.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cinch.sql.Pragma;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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

    /** Every setting of the allow-list, a value other than cinch's default, and how a connection reads it. */
    private static final String[][] SETTABLE = {
        {"foreign_keys", "ON", "PRAGMA foreign_keys"},
        {"journal_mode", "WAL", "PRAGMA journal_mode"},
        {"trusted_schema", "OFF", "PRAGMA trusted_schema"},
        {"cell_size_check", "ON", "PRAGMA cell_size_check"},
        {"busy_timeout", "1", "PRAGMA busy_timeout"},
        {"cache_size", "7", "PRAGMA cache_size"},
        {"cache_spill", "0", "PRAGMA cache_spill"},
        {"synchronous", "OFF", "PRAGMA synchronous"},
        {"temp_store", "MEMORY", "PRAGMA temp_store"},
        {"recursive_triggers", "1", "PRAGMA recursive_triggers"},
        {"defer_foreign_keys", "1", "PRAGMA defer_foreign_keys"},
        {"automatic_index", "0", "PRAGMA automatic_index"},
        {"reverse_unordered_selects", "1", "PRAGMA reverse_unordered_selects"},
        {"case_sensitive_like", "1", "SELECT 'a' LIKE 'A'"},
        {"secure_delete", "1", "PRAGMA secure_delete"},
        {"count_changes", "1", "PRAGMA count_changes"},
        {"full_column_names", "1", "PRAGMA full_column_names"},
        {"short_column_names", "0", "PRAGMA short_column_names"},
        {"empty_result_callbacks", "1", "PRAGMA empty_result_callbacks"},
        {"read_uncommitted", "1", "PRAGMA read_uncommitted"},
        {"checkpoint_fullfsync", "1", "PRAGMA checkpoint_fullfsync"},
        {"fullfsync", "1", "PRAGMA fullfsync"},
        {"analysis_limit", "77", "PRAGMA analysis_limit"},
        {"threads", "1", "PRAGMA threads"},
        {"journal_size_limit", "4096", "PRAGMA journal_size_limit"},
        {"wal_autocheckpoint", "17", "PRAGMA wal_autocheckpoint"},
        {"max_page_count", "99999", "PRAGMA max_page_count"},
        {"auto_vacuum", "FULL", "PRAGMA auto_vacuum"},
        {"page_size", "8192", "PRAGMA page_size"},
    };

    @Test
    void theSettingsBelowAreEveryOneTheAllowListLetsAUserSet() throws Exception {
        Set<String> allowed = new TreeSet<>();
        List<String> names = new ArrayList<>();
        try (Connection plain = java.sql.DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement s = plain.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM pragma_pragma_list")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        for (String name : names) {
            for (String v : List.of("1", "0", "on", "off", "wal", "full", "memory", "7", "-7")) {
                if (new Pragma(name, v).refusal() == null) {
                    allowed.add(name);
                }
            }
        }
        Set<String> listed = new TreeSet<>();
        for (String[] row : SETTABLE) {
            listed.add(row[0]);
        }
        assertEquals(allowed, listed);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> settableOnEachKindOfHandle() {
        return Stream.of("full", "main").flatMap(tenant -> Stream.of(SETTABLE)
                .map(row -> org.junit.jupiter.params.provider.Arguments.of(tenant, row[0], row[1], row[2])));
    }

    @ParameterizedTest(name = "tenant {0}: PRAGMA {1} = {2}")
    @org.junit.jupiter.params.provider.MethodSource("settableOnEachKindOfHandle")
    void aSettingSetThroughCinchIsBackToItsDefaultOnTheNextConnection(String tenant, String pragma, String changed,
                                                                    String read) throws Exception {
        String before;
        try (Connection c = open(dir, "tenant=" + tenant)) {
            before = value(c, read);
        }
        try (Connection c = open(dir, "tenant=" + tenant)) {
            run(c, "PRAGMA " + pragma + " = " + changed);
        }
        try (Connection c = open(dir, "tenant=" + tenant)) {
            assertEquals(before, value(c, read), "the next connection to '" + tenant + "' inherited PRAGMA " + pragma);
        }
    }

    @Test
    void aHandleLentOnlyForQueriesAndWritesIsLentAgainWithoutReadingItsSettings() throws Exception {
        project.files().evict(tenantFile);
        Handle opened = project.files().borrow(tenantFile, false, null);
        project.files().release(opened);
        int reads = opened.settingsReads();
        try (Connection c = open(dir, "tenant=full")) {
            run(c, "INSERT INTO t(v) VALUES ('y')", "UPDATE t SET v = 'z' WHERE v = 'y'");
            try (PreparedStatement ps = c.prepareStatement("SELECT v FROM t WHERE id = ?")) {
                ps.setLong(1, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                }
            }
            c.setAutoCommit(false);
            run(c, "DELETE FROM t WHERE v = 'z'");
            c.commit();
        }
        Handle next = project.files().borrow(tenantFile, false, null);
        try {
            assertSame(opened, next, "the same SQLite connection is lent again");
            assertEquals(reads, next.settingsReads(), "its settings were not read back on release");
        } finally {
            project.files().release(next);
        }
    }

    @Test
    void aLazyTenantsNewFileKeepsItsHandleWithoutReadingItsSettings() throws Exception {
        try (Connection c = open(dir)) {
            run(c, "CALL cinch.create_tenant('lazy')");
        }
        try (Connection c = open(dir, "tenant=lazy")) {
            run(c, "INSERT INTO t(v) VALUES ('first')");
        }
        Path file = project.tenantFiles().fileOf(project.tenant(project.branch(project.database("main"), "main"), "lazy"));
        Handle kept = project.files().borrow(file, false, null);
        try {
            assertEquals(0, kept.settingsReads(), "opened with the settings of another, kept without reading them");
        } finally {
            project.files().release(kept);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT * FROM temp.sqlite_master", "SELECT * FROM sqlite_temp_master",
        "SELECT * FROM \"TEMP\".sqlite_master"})
    void aTemporarySchemaOpenedByAQueryIsNotLentAgain(String query) throws Exception {
        project.files().evict(tenantFile);
        Handle opened = project.files().borrow(tenantFile, false, null);
        String schemas = read(opened, "SELECT count(*) FROM pragma_database_list");
        project.files().release(opened);
        try (Connection c = open(dir, "tenant=full"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
        }
        Handle next = project.files().borrow(tenantFile, false, null);
        try {
            assertNotSame(opened, next, "the handle that opened its temporary schema was closed");
            assertEquals(schemas, read(next, "SELECT count(*) FROM pragma_database_list"));
        } finally {
            project.files().release(next);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"result set", "result metadata", "parameter metadata"})
    void aSqliteConnectionReachedThroughAnUnwrappedObjectIsNeverLentAgain(String route) throws Exception {
        Connection raw;
        try (Connection c = open(dir, "tenant=full");
             PreparedStatement ps = c.prepareStatement("SELECT v FROM t WHERE id = ?")) {
            ps.setLong(1, 1);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSet sqlite = switch (route) {
                    case "result set" -> rs.unwrap(org.sqlite.jdbc4.JDBC4ResultSet.class);
                    case "result metadata" -> rs.getMetaData().unwrap(org.sqlite.jdbc4.JDBC4ResultSet.class);
                    default -> null;
                };
                raw = sqlite != null ? sqlite.getStatement().getConnection()
                        : ps.getParameterMetaData().unwrap(org.sqlite.jdbc4.JDBC4PreparedStatement.class).getConnection();
            }
        }
        try (Connection c = open(dir, "tenant=full")) {
            assertTrue(raw.isClosed(), "the SQLite connection the user kept closed with the cinch connection");
            assertThrows(SQLException.class, () -> raw.createStatement().execute("PRAGMA recursive_triggers = 1"),
                    "so it cannot change a connection that the pool lends to others");
            assertEquals("0", value(c, "PRAGMA recursive_triggers"));
        }
    }

    @Test
    void aSettingThePoolCannotReadIsCaughtEvenWhenTheStatementFailsAfterPreparing() throws Exception {
        try (Connection c = open(dir, "tenant=full");
             PreparedStatement ps = c.prepareStatement("PRAGMA case_sensitive_like = 1")) {
            ps.setLong(1, 1); // SQLite prepares (and so runs) the PRAGMA before the binding fails
            assertThrows(SQLException.class, ps::execute);
        }
        try (Connection c = open(dir, "tenant=full")) {
            assertEquals("1", value(c, "SELECT 'a' LIKE 'A'"));
        }
    }

    private static String read(Handle h, String sql) throws SQLException {
        try (Statement s = h.jdbc().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
