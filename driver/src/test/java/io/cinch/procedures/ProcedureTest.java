package io.cinch.procedures;

import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static io.cinch.Projects.value;
import static io.cinch.jdbc.Check.fails;
import static io.cinch.jdbc.Check.failsSomehow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cinch.jdbc.Check;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The tenant and database procedures of INTERFACE.md §5, through every call style JDBC offers. */
class ProcedureTest {

    /** The ways a user can call a procedure. */
    enum Style {
        /** {@code CALL cinch.x('a')} with Statement.executeQuery. */
        STATEMENT_QUERY,
        /** {@code CALL cinch.x('a')} with Statement.execute and getResultSet. */
        STATEMENT_EXECUTE,
        /** {@code {call cinch.x(?)}} with prepareCall and executeQuery. */
        CALLABLE_QUERY,
        /** {@code {call cinch.x(?)}} with prepareCall and execute. */
        CALLABLE_EXECUTE,
        /** {@code CALL cinch.x(?)} with prepareStatement and executeQuery. */
        PREPARED_QUERY,
        /** {@code CALL cinch.x(?)} with prepareStatement and execute. */
        PREPARED_EXECUTE
    }

    /** A procedure's result: its column labels and its rows, each by label. */
    record Result(List<String> columns, List<Map<String, String>> rows) {
        String only(String column) {
            assertEquals(1, rows.size(), () -> "rows: " + rows);
            assertTrue(rows.get(0).containsKey(column), () -> "no column " + column + " in " + columns);
            return rows.get(0).get(column);
        }

        List<String> column(String name) {
            return rows.stream().map(r -> r.get(name)).toList();
        }
    }

    @TempDir
    Path dir;
    Path pm;

    @BeforeEach
    void project() throws Exception {
        pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)");
        }
    }

    static Result call(Style style, Connection c, String procedure, Object... args) throws SQLException {
        switch (style) {
            case STATEMENT_QUERY, STATEMENT_EXECUTE -> {
                StringBuilder sql = new StringBuilder("CALL cinch.").append(procedure).append('(');
                for (int i = 0; i < args.length; i++) {
                    sql.append(i == 0 ? "" : ", ").append(literal(args[i]));
                }
                sql.append(')');
                try (Statement s = c.createStatement()) {
                    if (style == Style.STATEMENT_QUERY) {
                        try (ResultSet rs = s.executeQuery(sql.toString())) {
                            return read(rs);
                        }
                    }
                    assertTrue(s.execute(sql.toString()), "execute must report a result set");
                    try (ResultSet rs = s.getResultSet()) {
                        return read(rs);
                    }
                }
            }
            case CALLABLE_QUERY, CALLABLE_EXECUTE -> {
                try (CallableStatement cs = c.prepareCall("{call cinch." + procedure + "(" + marks(args.length) + ")}")) {
                    bind(cs, args);
                    if (style == Style.CALLABLE_QUERY) {
                        try (ResultSet rs = cs.executeQuery()) {
                            return read(rs);
                        }
                    }
                    assertTrue(cs.execute(), "execute must report a result set");
                    try (ResultSet rs = cs.getResultSet()) {
                        return read(rs);
                    }
                }
            }
            default -> {
                try (PreparedStatement ps = c.prepareStatement("CALL cinch." + procedure + "(" + marks(args.length) + ")")) {
                    bind(ps, args);
                    if (style == Style.PREPARED_QUERY) {
                        try (ResultSet rs = ps.executeQuery()) {
                            return read(rs);
                        }
                    }
                    assertTrue(ps.execute(), "execute must report a result set");
                    try (ResultSet rs = ps.getResultSet()) {
                        return read(rs);
                    }
                }
            }
        }
    }

    private static String literal(Object arg) {
        if (arg == null) {
            return "NULL";
        }
        return arg instanceof String s ? "'" + s.replace("'", "''") + "'" : arg.toString();
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else if (args[i] instanceof String s) {
                ps.setString(i + 1, s);
            } else {
                ps.setObject(i + 1, args[i]);
            }
        }
    }

    private static Result read(ResultSet rs) throws SQLException {
        assertNotNull(rs, "a procedure returns a result set");
        ResultSetMetaData md = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            columns.add(md.getColumnLabel(i));
        }
        List<Map<String, String>> rows = new ArrayList<>();
        while (rs.next()) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String col : columns) {
                row.put(col, rs.getString(col));
            }
            rows.add(row);
        }
        return new Result(columns, rows);
    }

    private static void assertColumns(Result r, String... expected) {
        assertTrue(r.columns().containsAll(List.of(expected)), () -> "columns " + r.columns() + " lack some of "
                + List.of(expected));
    }

    private static List<String> tenants(Connection c) throws SQLException {
        return call(Style.STATEMENT_QUERY, c, "list_tenants").column("name");
    }

    private static List<String> databases(Connection c) throws SQLException {
        return call(Style.STATEMENT_QUERY, c, "list_databases").column("name");
    }

    private Connection tenant(String name) throws SQLException {
        return open(pm, "tenant=" + name);
    }

    // ---- tenants ----

    @ParameterizedTest
    @EnumSource(Style.class)
    void createTenantReturnsTenantAndCreatedAt(Style style) throws Exception {
        try (Connection c = open(pm)) {
            Result r = call(style, c, "create_tenant", "acme_corp");
            assertColumns(r, "tenant", "created_at");
            assertEquals("acme_corp", r.only("tenant"));
            assertNotNull(r.only("created_at"));
            assertTrue(tenants(c).contains("acme_corp"));
        }
        try (Connection c = tenant("acme_corp")) {
            assertEquals("acme_corp", c.getSchema());
            assertEquals(List.of(), rows(c, "SELECT * FROM t"));
        }
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void createExistingTenantFails42710(Style style) throws Exception {
        try (Connection c = open(pm)) {
            call(style, c, "create_tenant", "acme_corp");
            fails("42710", () -> call(style, c, "create_tenant", "acme_corp"));
            fails("42710", () -> call(style, c, "create_tenant", "main"));
            assertEquals(1, tenants(c).stream().filter("acme_corp"::equals).count());
        }
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void deleteTenantRemovesItAndItsFile(Style style) throws Exception {
        List<String> filesBefore = Check.sqliteFiles(pm);
        try (Connection c = open(pm)) {
            call(style, c, "create_tenant", "acme_corp");
            run(c, "INSERT INTO acme_corp.t(v) VALUES ('gone soon')");
            assertEquals(filesBefore.size() + 1, Check.sqliteFiles(pm).size());
            Result r = call(style, c, "delete_tenant", "acme_corp");
            assertColumns(r, "tenant");
            assertEquals("acme_corp", r.only("tenant"));
            assertFalse(tenants(c).contains("acme_corp"));
            fails("3F000", () -> c.setSchema("acme_corp"));
        }
        fails("3F000", () -> tenant("acme_corp"));
        assertEquals(filesBefore, Check.sqliteFiles(pm));
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void deletedTenantNameCanBeCreatedAgainEmpty(Style style) throws Exception {
        try (Connection c = open(pm)) {
            call(style, c, "create_tenant", "acme_corp");
            run(c, "INSERT INTO acme_corp.t(v) VALUES ('old')");
            call(style, c, "delete_tenant", "acme_corp");
            call(style, c, "create_tenant", "acme_corp");
            assertEquals(List.of(), rows(c, "SELECT v FROM acme_corp.t"));
        }
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void deleteMainTenantFails42501(Style style) throws Exception {
        try (Connection c = open(pm, "tenant=main")) {
            run(c, "INSERT INTO t(v) VALUES ('kept')");
            fails("42501", () -> call(style, c, "delete_tenant", "main"));
            assertTrue(tenants(c).contains("main"));
            assertEquals("kept", value(c, "SELECT v FROM t"));
        }
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void deleteUnknownTenantFails3F000(Style style) throws Exception {
        try (Connection c = open(pm)) {
            fails("3F000", () -> call(style, c, "delete_tenant", "nobody"));
        }
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void renameTenantKeepsItsData(Style style) throws Exception {
        try (Connection c = open(pm)) {
            call(style, c, "create_tenant", "acme");
            run(c, "INSERT INTO acme.t(v) VALUES ('one'), ('two')");
            Result r = call(style, c, "rename_tenant", "acme", "acme_corp");
            assertColumns(r, "tenant");
            assertEquals("acme_corp", r.only("tenant"));
            assertTrue(tenants(c).contains("acme_corp"));
            assertFalse(tenants(c).contains("acme"));
        }
        try (Connection c = tenant("acme_corp")) {
            assertEquals(List.of("one", "two"), rows(c, "SELECT v FROM t ORDER BY id"));
        }
        fails("3F000", () -> tenant("acme"));
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void renameTenantToExistingNameFails42710AndChangesNothing(Style style) throws Exception {
        try (Connection c = open(pm)) {
            call(style, c, "create_tenant", "a");
            call(style, c, "create_tenant", "b");
            run(c, "INSERT INTO a.t(v) VALUES ('of a')", "INSERT INTO b.t(v) VALUES ('of b')");
            fails("42710", () -> call(style, c, "rename_tenant", "a", "b"));
            fails("42710", () -> call(style, c, "rename_tenant", "a", "main"));
            assertEquals("of a", value(c, "SELECT v FROM a.t"));
            assertEquals("of b", value(c, "SELECT v FROM b.t"));
            fails("3F000", () -> call(style, c, "rename_tenant", "nobody", "c"));
            assertFalse(tenants(c).contains("c"));
        }
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void copyTenantCopiesDataAndIsIndependentAfterwards(Style style) throws Exception {
        try (Connection c = open(pm)) {
            call(style, c, "create_tenant", "source");
            run(c, "INSERT INTO source.t(v) VALUES ('shared')");
            Result r = call(style, c, "copy_tenant", "source", "target");
            assertColumns(r, "tenant");
            assertEquals("target", r.only("tenant"));
            run(c, "INSERT INTO source.t(v) VALUES ('only source')", "INSERT INTO target.t(v) VALUES ('only target')",
                    "UPDATE target.t SET v = 'changed in target' WHERE v = 'shared'");
        }
        try (Connection s = tenant("source"); Connection t = tenant("target")) {
            assertEquals(List.of("only source", "shared"), rows(s, "SELECT v FROM t ORDER BY v"));
            assertEquals(List.of("changed in target", "only target"), rows(t, "SELECT v FROM t ORDER BY v"));
        }
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void copyTenantRefusesExistingTargetAndUnknownSource(Style style) throws Exception {
        try (Connection c = open(pm)) {
            call(style, c, "create_tenant", "a");
            call(style, c, "create_tenant", "b");
            run(c, "INSERT INTO a.t(v) VALUES ('of a')", "INSERT INTO b.t(v) VALUES ('of b')");
            fails("42710", () -> call(style, c, "copy_tenant", "a", "b"));
            assertEquals("of b", value(c, "SELECT v FROM b.t"));
            fails("3F000", () -> call(style, c, "copy_tenant", "nobody", "c"));
            assertFalse(tenants(c).contains("c"));
        }
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void listTenantsReportsMaterializedAndSize(Style style) throws Exception {
        try (Connection c = open(pm)) {
            call(style, c, "create_tenant", "lazy");
            call(style, c, "create_tenant", "busy");
            run(c, "INSERT INTO busy.t(v) VALUES ('data')");
            Result r = call(style, c, "list_tenants");
            assertColumns(r, "name", "created_at", "materialized", "size_bytes");
            assertEquals(List.of("busy", "lazy", "main"), r.column("name").stream().sorted().toList());
            for (Map<String, String> row : r.rows()) {
                assertNotNull(row.get("created_at"), row.toString());
            }
        }
        try (Connection c = open(pm); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("CALL cinch.list_tenants()")) {
            Map<String, Boolean> materialized = new LinkedHashMap<>();
            Map<String, Long> size = new LinkedHashMap<>();
            while (rs.next()) {
                materialized.put(rs.getString("name"), rs.getBoolean("materialized"));
                size.put(rs.getString("name"), rs.getLong("size_bytes"));
            }
            assertEquals(Boolean.TRUE, materialized.get("busy"));
            assertEquals(Boolean.FALSE, materialized.get("lazy"));
            assertEquals(0L, size.get("lazy"));
            assertTrue(size.get("busy") > 0, () -> "size of busy: " + size);
        }
    }

    @Test
    void listTenantsSizeGrowsWithData() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('big')", "INSERT INTO big.t(v) VALUES ('x')");
            long small = sizeOf(c, "big");
            run(c, "INSERT INTO big.t(v) SELECT printf('%.1000c', 'y') FROM (WITH RECURSIVE n(i) AS "
                    + "(SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) SELECT i FROM n)");
            long big = sizeOf(c, "big");
            assertTrue(big > small + 1_000_000, () -> "size went from " + small + " to " + big);
        }
    }

    private static long sizeOf(Connection c, String tenant) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("CALL cinch.list_tenants()")) {
            while (rs.next()) {
                if (rs.getString("name").equals(tenant)) {
                    return rs.getLong("size_bytes");
                }
            }
        }
        throw new AssertionError("no tenant " + tenant);
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void switchTenantMovesTheConnection(Style style) throws Exception {
        try (Connection c = open(pm)) {
            call(style, c, "create_tenant", "acme_corp");
            Result r = call(style, c, "switch_tenant", "acme_corp");
            assertColumns(r, "tenant");
            assertEquals("acme_corp", r.only("tenant"));
            assertEquals("acme_corp", c.getSchema());
            run(c, "INSERT INTO t(v) VALUES ('for acme')");
            fails("3F000", () -> call(style, c, "switch_tenant", "nobody"));
            assertEquals("acme_corp", c.getSchema());
        }
        try (Connection acme = tenant("acme_corp"); Connection main = tenant("main")) {
            assertEquals("for acme", value(acme, "SELECT v FROM t"));
            assertEquals(List.of(), rows(main, "SELECT v FROM t"));
        }
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void backupAndRestoreRoundTripKeepsData(Style style) throws Exception {
        try (Connection c = open(pm)) {
            call(style, c, "create_tenant", "acme");
            run(c, "INSERT INTO acme.t(v) VALUES ('before backup')");
            Result r = call(style, c, "backup_tenant", "acme", "acme-1.db");
            assertColumns(r, "tenant", "file", "size_bytes");
            assertEquals("acme", r.only("tenant"));
            assertEquals("acme-1.db", r.only("file"));
            Path backup = io.cinch.jdbc.Check.backup(pm, "acme-1.db");
            assertTrue(Files.isRegularFile(backup), "backup_tenant writes the file in the tenant's backup area");
            assertEquals(Files.size(backup), Long.parseLong(r.only("size_bytes")));

            run(c, "INSERT INTO acme.t(v) VALUES ('after backup')", "DELETE FROM acme.t WHERE v = 'before backup'");
            Result restored = call(style, c, "restore_tenant", "acme", "acme-1.db");
            assertColumns(restored, "tenant");
            assertEquals("acme", restored.only("tenant"));
            assertEquals(List.of("before backup"), rows(c, "SELECT v FROM acme.t"));
        }
        try (Connection c = tenant("acme")) {
            assertEquals(List.of("before backup"), rows(c, "SELECT v FROM t"), "a new connection sees the restored data");
        }
        try (Connection backup = java.sql.DriverManager.getConnection("jdbc:sqlite:" + io.cinch.jdbc.Check.backup(pm, "acme-1.db"))) {
            assertEquals(List.of("before backup"), rows(backup, "SELECT v FROM t"), "the backup is a plain SQLite file");
        }
    }

    @Test
    void restoreOfABackupTakenBeforeASchemaChangeHasTheBranchsSchema() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('a')", "INSERT INTO a.t(v) VALUES ('old')", "CALL cinch.backup_tenant('a', 'old.db')",
                    "ALTER TABLE t ADD COLUMN w TEXT", "CREATE TABLE extra(x)", "UPDATE a.t SET w = 'new'");
            run(c, "CALL cinch.restore_tenant('a', 'old.db')");
            assertEquals(List.of("old|null"), rows(c, "SELECT v, w FROM a.t"));
            assertEquals(List.of(), rows(c, "SELECT x FROM a.extra"));
        }
        try (Connection c = tenant("a")) {
            run(c, "INSERT INTO t(v, w) VALUES ('after', 'restore')", "INSERT INTO extra VALUES (1)");
            assertEquals(List.of("after|restore", "old|null"), rows(c, "SELECT v, w FROM t ORDER BY v"));
        }
    }

    @Test
    void restoreIntoAnotherTenantReplacesItsData() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('a')", "CALL cinch.create_tenant('b')",
                    "INSERT INTO a.t(v) VALUES ('a1'), ('a2')", "INSERT INTO b.t(v) VALUES ('b1')",
                    "CALL cinch.backup_tenant('a', 'a.db')", "CALL cinch.restore_tenant('b', 'a.db', 'a')");
            assertEquals(List.of("a1", "a2"), rows(c, "SELECT v FROM b.t ORDER BY v"));
            run(c, "INSERT INTO b.t(v) VALUES ('b2')");
            assertEquals(List.of("a1", "a2"), rows(c, "SELECT v FROM a.t ORDER BY v"));
        }
    }

    @Test
    void restoreSeenByAnOpenConnectionOfThatTenant() throws Exception {
        try (Connection admin = open(pm); Connection acme = open(pm, "tenant=main")) {
            run(acme, "INSERT INTO t(v) VALUES ('kept')");
            run(admin, "CALL cinch.backup_tenant('main', 'm.db')");
            run(acme, "INSERT INTO t(v) VALUES ('lost')");
            assertEquals(List.of("kept", "lost"), rows(acme, "SELECT v FROM t ORDER BY v"));
            run(admin, "CALL cinch.restore_tenant('main', 'm.db')");
            assertEquals(List.of("kept"), rows(acme, "SELECT v FROM t ORDER BY v"));
        }
    }

    @Test
    void backupIsConsistentWhileWritersGoOn() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('busy')", "INSERT INTO busy.t(v) VALUES ('seed-0'), ('seed-1')");
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (Connection w = tenant("busy"); Statement s = w.createStatement()) {
                for (int i = 0; !stop.get() || i < 20; i++) {
                    w.setAutoCommit(false);
                    s.executeUpdate("INSERT INTO t(v) VALUES ('pair" + i + "-0')");
                    s.executeUpdate("INSERT INTO t(v) VALUES ('pair" + i + "-1')");
                    w.commit();
                    w.setAutoCommit(true);
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        writer.start();
        try (Connection c = open(pm)) {
            for (int b = 0; b < 5; b++) {
                run(c, "CALL cinch.backup_tenant('busy', 'busy-" + b + ".db')", "CALL cinch.create_tenant('r" + b + "')",
                        "CALL cinch.restore_tenant('r" + b + "', 'busy-" + b + ".db', 'busy')");
                long n = Long.parseLong(value(c, "SELECT count(*) FROM r" + b + ".t"));
                assertEquals(0, n % 2, "a backup holds whole transactions only, got " + n + " rows");
                assertEquals("0", value(c, "SELECT count(*) FROM (SELECT substr(v, 1, instr(v, '-')) AS g, count(*) AS k "
                        + "FROM r" + b + ".t GROUP BY g HAVING k <> 2)"));
            }
        } finally {
            stop.set(true);
            writer.join();
        }
        if (failure.get() != null) {
            throw new AssertionError("writer failed", failure.get());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b.db", "../b.db", "..", ".", ".hidden.db", "/tmp/cinch-escape.db", "", "sub/", "a\\b.db",
            "..\\b.db", "b.db/", "x y.db", "a:b.db"})
    void backupFileNamesWithDirectoriesOrLeadingDotFail42602(String file) throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('a')", "INSERT INTO a.t(v) VALUES ('x')",
                    "CALL cinch.backup_tenant('a', 'good.db')");
            Set<String> before = Check.mainFiles(dir);
            for (Style style : Style.values()) {
                fails("42602", () -> call(style, c, "backup_tenant", "a", file));
                fails("42602", () -> call(style, c, "restore_tenant", "a", file));
            }
            assertEquals(before, Check.mainFiles(dir));
            assertFalse(Files.exists(Path.of("/tmp/cinch-escape.db")));
            assertEquals("x", value(c, "SELECT v FROM a.t"));
        }
    }

    @Test
    void backupFileNameMayHoldLettersDigitsDashUnderscoreAndDots() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "INSERT INTO t(v) VALUES ('x')", "CALL cinch.backup_tenant('main', 'Main_Backup-2024.01.02.sqlite')");
            assertTrue(Files.isRegularFile(io.cinch.jdbc.Check.backup(pm, "Main_Backup-2024.01.02.sqlite")));
        }
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void restoreOfMissingBackupFailsAndKeepsData(Style style) throws Exception {
        try (Connection c = open(pm)) {
            run(c, "INSERT INTO t(v) VALUES ('kept')");
            failsSomehow(() -> call(style, c, "restore_tenant", "main", "never-written.db"));
            assertEquals("kept", value(c, "SELECT v FROM t"));
            fails("3F000", () -> call(style, c, "backup_tenant", "nobody", "x.db"));
            fails("3F000", () -> call(style, c, "restore_tenant", "nobody", "x.db"));
        }
    }

    // ---- databases ----

    @ParameterizedTest
    @EnumSource(Style.class)
    void createDatabaseMakesMainBranchAndTenant(Style style) throws Exception {
        try (Connection c = open(pm)) {
            Result r = call(style, c, "create_database", "crm");
            assertColumns(r, "database");
            assertEquals("crm", r.only("database"));
            Result list = call(style, c, "list_databases");
            assertColumns(list, "name", "created_at");
            assertEquals(List.of("crm", "main"), list.column("name").stream().sorted().toList());
            list.rows().forEach(row -> assertNotNull(row.get("created_at"), row.toString()));
            fails("42710", () -> call(style, c, "create_database", "crm"));
            fails("42710", () -> call(style, c, "create_database", "main"));
        }
        try (Connection crm = open(pm, "database=crm", "create=false")) {
            assertEquals("main", crm.getCatalog());
            assertEquals("main", crm.getSchema());
            fails("42000", () -> rows(crm, "SELECT * FROM t"));
        }
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void deleteDatabaseRemovesItAndAllItsFiles(Style style) throws Exception {
        Set<String> before = Check.mainFiles(pm);
        try (Connection c = open(pm)) {
            call(style, c, "create_database", "crm");
            try (Connection crm = open(pm, "database=crm")) {
                run(crm, "CREATE TABLE customers(name TEXT)", "INSERT INTO customers VALUES ('x')",
                        "CALL cinch.create_tenant('acme')", "INSERT INTO acme.customers VALUES ('y')");
            }
            Result r = call(style, c, "delete_database", "crm");
            assertColumns(r, "database");
            assertEquals("crm", r.only("database"));
            assertEquals(List.of("main"), databases(c));
        }
        fails("08001", () -> open(pm, "database=crm", "create=false"));
        fails("08001", () -> open(pm, "database=crm"));
        assertEquals(before, Check.mainFiles(pm), "every file of the database is gone");
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void deleteMainDatabaseFails42501(Style style) throws Exception {
        try (Connection c = open(pm)) {
            run(c, "INSERT INTO t(v) VALUES ('kept')");
            fails("42501", () -> call(style, c, "delete_database", "main"));
            assertEquals(List.of("main"), databases(c));
            assertEquals("kept", value(c, "SELECT v FROM t"));
            fails("08001", () -> call(style, c, "delete_database", "nope"));
        }
    }

    @Test
    void proceduresActOnTheConnectionsDatabase() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_database('crm')");
        }
        try (Connection crm = open(pm, "database=crm")) {
            run(crm, "CALL cinch.create_tenant('only_in_crm')");
            assertTrue(tenants(crm).contains("only_in_crm"));
            assertEquals(List.of("crm", "main"), databases(crm).stream().sorted().toList());
        }
        try (Connection c = open(pm)) {
            assertFalse(tenants(c).contains("only_in_crm"));
            fails("3F000", () -> c.setSchema("only_in_crm"));
        }
    }

    // ---- calling ----

    @Test
    void callEscapeWithoutParenthesesAndMixedCaseWorks() throws Exception {
        try (Connection c = open(pm)) {
            try (CallableStatement cs = c.prepareCall("{call cinch.list_tenants}"); ResultSet rs = cs.executeQuery()) {
                assertEquals(List.of("main"), rowsOf(rs, "name"));
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("call CINCH.LIST_TENANTS()")) {
                assertEquals(List.of("main"), rowsOf(rs, "name"));
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("{call cinch.create_tenant('x')}")) {
                assertEquals(List.of("x"), rowsOf(rs, "tenant"));
            }
        }
    }

    @Test
    void preparedCallCanRunAgainWithOtherParameters() throws Exception {
        try (Connection c = open(pm); PreparedStatement ps = c.prepareStatement("CALL cinch.create_tenant(?)")) {
            for (String name : List.of("t1", "t2", "t3")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    assertEquals(List.of(name), rowsOf(rs, "tenant"));
                }
            }
            assertEquals(List.of("main", "t1", "t2", "t3"), tenants(c).stream().sorted().toList());
        }
    }

    @Test
    void unsetParameterFailsWithAState() throws Exception {
        try (Connection c = open(pm); PreparedStatement ps = c.prepareStatement("CALL cinch.create_tenant(?)")) {
            failsSomehow(ps::executeQuery);
            assertEquals(List.of("main"), tenants(c));
        }
    }

    static Stream<Arguments> wrongArgumentCounts() {
        return Stream.of(
                Arguments.of("create_database", List.of()), Arguments.of("create_database", List.of("a", "b")),
                Arguments.of("delete_database", List.of()), Arguments.of("list_databases", List.of("x")),
                Arguments.of("create_tenant", List.of()), Arguments.of("create_tenant", List.of("a", "b")),
                Arguments.of("delete_tenant", List.of()), Arguments.of("delete_tenant", List.of("a", "b")),
                Arguments.of("rename_tenant", List.of("a")), Arguments.of("rename_tenant", List.of("a", "b", "c")),
                Arguments.of("copy_tenant", List.of("a")), Arguments.of("copy_tenant", List.of()),
                Arguments.of("list_tenants", List.of("a")), Arguments.of("switch_tenant", List.of()),
                Arguments.of("switch_tenant", List.of("a", "b")), Arguments.of("backup_tenant", List.of("a")),
                Arguments.of("backup_tenant", List.of("a", "b.db", "c")), Arguments.of("restore_tenant", List.of("a")),
                Arguments.of("restore_tenant", List.of()));
    }

    @ParameterizedTest(name = "{0}{1}")
    @MethodSource("wrongArgumentCounts")
    void wrongArgumentCountFails42000(String procedure, List<String> args) throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('a')");
            Set<String> before = Check.mainFiles(dir);
            for (Style style : Style.values()) {
                fails("42000", () -> call(style, c, procedure, args.toArray()));
            }
            assertEquals(List.of("a", "main"), tenants(c).stream().sorted().toList());
            assertEquals(List.of("main"), databases(c));
            assertEquals("main", c.getSchema());
            assertEquals(before, Check.mainFiles(dir));
        }
    }

    static Stream<Arguments> wrongArgumentTypes() {
        return Stream.of(
                Arguments.of("create_tenant", new Object[] {42L}), Arguments.of("create_tenant", new Object[] {null}),
                Arguments.of("create_tenant", new Object[] {1.5}), Arguments.of("create_database", new Object[] {7L}),
                Arguments.of("delete_tenant", new Object[] {3L}), Arguments.of("rename_tenant", new Object[] {"a", 2L}),
                Arguments.of("copy_tenant", new Object[] {"a", null}), Arguments.of("switch_tenant", new Object[] {1L}),
                Arguments.of("backup_tenant", new Object[] {"a", 5L}), Arguments.of("restore_tenant", new Object[] {"a", null}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongArgumentTypes")
    void wrongArgumentTypeFailsWithAStateAndChangesNothing(String procedure, Object[] args) throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('a')");
            Set<String> before = Check.mainFiles(dir);
            for (Style style : Style.values()) {
                failsSomehow(() -> call(style, c, procedure, args));
            }
            assertEquals(List.of("a", "main"), tenants(c).stream().sorted().toList());
            assertEquals(List.of("main"), databases(c));
            assertEquals(before, Check.mainFiles(dir));
        }
    }

    /** Where a name goes in each procedure that takes one: the argument marked {@code NAME}. */
    static Stream<Arguments> nameArguments() {
        return Stream.of(
                Arguments.of("create_tenant", List.of("NAME")), Arguments.of("delete_tenant", List.of("NAME")),
                Arguments.of("rename_tenant", List.of("a", "NAME")), Arguments.of("rename_tenant", List.of("NAME", "b")),
                Arguments.of("copy_tenant", List.of("a", "NAME")), Arguments.of("copy_tenant", List.of("NAME", "b")),
                Arguments.of("switch_tenant", List.of("NAME")), Arguments.of("backup_tenant", List.of("NAME", "f.db")),
                Arguments.of("restore_tenant", List.of("NAME", "f.db")),
                Arguments.of("create_database", List.of("NAME")), Arguments.of("delete_database", List.of("NAME")));
    }

    @ParameterizedTest(name = "{0}{1}")
    @MethodSource("nameArguments")
    void invalidNameArgumentFails42602AndTouchesNothing(String procedure, List<String> template) throws Exception {
        List<String> bad = List.of("..", "/", "../x", "../../x", "Acme", "", "a".repeat(64), "a--b", "-a", "a-", "con",
                "lpt1", "com9", "a.b", "a/b");
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('a')", "INSERT INTO a.t(v) VALUES ('x')", "CALL cinch.backup_tenant('a', 'f.db')");
            Set<String> before = Check.mainFiles(dir);
            for (String name : bad) {
                Object[] args = template.stream().map(a -> a.equals("NAME") ? name : a).toArray();
                for (Style style : Style.values()) {
                    fails("42602", () -> call(style, c, procedure, args));
                }
            }
            assertEquals(before, Check.mainFiles(dir));
            assertFalse(Files.exists(dir.resolve("x")));
            assertEquals(List.of("a", "main"), tenants(c).stream().sorted().toList());
            assertEquals(List.of("main"), databases(c));
            assertEquals("main", c.getSchema());
            assertEquals("x", value(c, "SELECT v FROM a.t"));
        }
    }

    private static List<String> rowsOf(ResultSet rs, String column) throws SQLException {
        List<String> out = new ArrayList<>();
        while (rs.next()) {
            out.add(rs.getString(column));
        }
        return out;
    }
}
