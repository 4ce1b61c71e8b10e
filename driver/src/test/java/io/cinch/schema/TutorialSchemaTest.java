package io.cinch.schema;

import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static io.cinch.Projects.value;
import static io.cinch.schema.SchemaSupport.assertSomeState;
import static io.cinch.schema.SchemaSupport.assertState;
import static io.cinch.schema.SchemaSupport.changes;
import static io.cinch.schema.SchemaSupport.maps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tutorial's schema flow: tables made with create_table on a branch, merged into main, used by new tenants. */
class TutorialSchemaTest {

    static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}");
    static final String USERS = "email:TEXT name:TEXT role:TEXT active:BOOLEAN";
    static final String PROJECTS = "name:TEXT description:TEXT? owner_id:TEXT status:TEXT";
    static final String TASKS = "project_id:TEXT title:TEXT description:TEXT? assignee_id:TEXT? status:TEXT priority:TEXT";
    static final String INSERT_USER = "INSERT INTO users(email, name, role, active) VALUES (?, ?, ?, ?)";

    @TempDir
    Path dir;
    Path pm;

    @BeforeEach
    void project() {
        pm = dir.resolve("pm");
    }

    /** Runs the tutorial's "Quick Setup" and returns the merge's result row. */
    static Map<String, String> quickSetup(Path pm) throws SQLException {
        try (Connection c = open(pm, "database=project_manager")) {
            run(c, "CALL cinch.create_branch('initial-schema')", "CALL cinch.switch_branch('initial-schema')");
            run(c, "CALL cinch.create_table('users', '" + USERS + "')",
                    "CALL cinch.create_table('projects', '" + PROJECTS + "')",
                    "CALL cinch.create_table('tasks', '" + TASKS + "')");
            List<Map<String, String>> merge = maps(c, "CALL cinch.merge_into_main()");
            assertEquals(1, merge.size());
            return merge.get(0);
        }
    }

    /** A connection to a tenant created on main after the tutorial's setup. */
    Connection acme() throws SQLException {
        quickSetup(pm);
        try (Connection c = open(pm, "database=project_manager")) {
            run(c, "CALL cinch.create_tenant('acme_corp')");
        }
        return open(pm, "database=project_manager", "tenant=acme_corp");
    }

    static PreparedStatement user(Connection c, String email, boolean active) throws SQLException {
        PreparedStatement ps = c.prepareStatement(INSERT_USER, Statement.RETURN_GENERATED_KEYS);
        ps.setString(1, email);
        ps.setString(2, "Name of " + email);
        ps.setString(3, "admin");
        ps.setBoolean(4, active);
        return ps;
    }

    static List<String> keys(Statement s) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.getGeneratedKeys()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static String idOf(Connection c, String email) throws SQLException {
        return value(c, "SELECT id FROM users WHERE email = '" + email + "'");
    }

    @Test
    void mergeIntoMainIsAFastForwardOfTheThreeCreateTableChanges() throws Exception {
        Map<String, String> merge = quickSetup(pm);
        assertEquals("initial-schema", merge.get("source"));
        assertEquals("main", merge.get("target"));
        assertEquals("fast_forward", merge.get("merge_type"));
        assertEquals("3", merge.get("changes_merged"));
        try (Connection c = open(pm, "database=project_manager")) {
            List<String> log = changes(c, "main");
            assertEquals(3, log.size(), log::toString);
            assertTrue(log.get(0).startsWith("1|") && log.get(0).contains("|users|"), log::toString);
            assertTrue(log.get(1).startsWith("2|") && log.get(1).contains("|projects|"), log::toString);
            assertTrue(log.get(2).startsWith("3|") && log.get(2).contains("|tasks|"), log::toString);
        }
    }

    @Test
    void tenantsCreatedOnMainHaveTheTablesWithAutomaticColumnsFirst() throws Exception {
        try (Connection c = acme()) {
            assertEquals(List.of("id|TEXT|1", "created_at|TEXT|0", "updated_at|TEXT|0", "email|TEXT|0", "name|TEXT|0",
                    "role|TEXT|0", "active|BOOLEAN|0"), rows(c, "SELECT name, type, pk FROM pragma_table_info('users') ORDER BY cid"));
            assertEquals(List.of("id", "created_at", "updated_at", "email|0", "name|0", "role|0", "active|0"),
                    columns(c, "users"));
            assertEquals(List.of("id", "created_at", "updated_at", "name|0", "description|1", "owner_id|0", "status|0"),
                    columns(c, "projects"));
            assertEquals(List.of("id", "created_at", "updated_at", "project_id|0", "title|0", "description|1",
                    "assignee_id|1", "status|0", "priority|0"), columns(c, "tasks"));
            assertEquals("0", value(c, "SELECT count(*) FROM users"));
        }
        try (Connection main = open(pm, "database=project_manager")) {
            assertEquals(List.of("projects", "tasks", "users"),
                    rows(main, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
        }
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        for (String row : rows(c, "SELECT name, 1 - \"notnull\" FROM pragma_table_info('" + table + "') ORDER BY cid")) {
            String name = row.substring(0, row.indexOf('|'));
            out.add(List.of("id", "created_at", "updated_at").contains(name) ? name : row);
        }
        return out;
    }

    @Test
    void insertReportsTheNewIdThroughGetGeneratedKeys() throws Exception {
        try (Connection c = acme(); PreparedStatement ps = user(c, "admin@acme.com", true)) {
            assertEquals(1, ps.executeUpdate());
            List<String> keys = keys(ps);
            assertEquals(1, keys.size(), keys::toString);
            assertTrue(UUID.matcher(keys.get(0)).matches(), keys.get(0));
            assertEquals(idOf(c, "admin@acme.com"), keys.get(0));
        }
    }

    @Test
    void anIdGivenByTheInsertIsKeptAndReported() throws Exception {
        try (Connection c = acme();
             PreparedStatement ps = c.prepareStatement("INSERT INTO users(id, email, name, role, active) "
                     + "VALUES ('my-own-id', 'x@acme.com', 'X', 'member', 0)", Statement.RETURN_GENERATED_KEYS)) {
            ps.executeUpdate();
            assertEquals(List.of("my-own-id"), keys(ps));
            assertEquals("my-own-id", idOf(c, "x@acme.com"));
        }
    }

    @Test
    void everyInsertGetsADifferentId() throws Exception {
        try (Connection c = acme(); Statement s = c.createStatement()) {
            for (int i = 0; i < 20; i++) {
                s.executeUpdate("INSERT INTO users(email, name, role, active) VALUES ('u" + i + "', 'n', 'r', 1)");
            }
            assertEquals("20", value(c, "SELECT count(DISTINCT id) FROM users"));
        }
    }

    @Test
    void multiRowInsertReportsOneKeyPerRowInOrder() throws Exception {
        try (Connection c = acme(); Statement s = c.createStatement()) {
            int n = s.executeUpdate("INSERT INTO users(email, name, role, active) VALUES "
                    + "('a@acme.com', 'A', 'admin', 1), ('b@acme.com', 'B', 'member', 0), ('c@acme.com', 'C', 'member', 1)",
                    Statement.RETURN_GENERATED_KEYS);
            assertEquals(3, n);
            assertEquals(List.of(idOf(c, "a@acme.com"), idOf(c, "b@acme.com"), idOf(c, "c@acme.com")), keys(s));
        }
    }

    @Test
    void preparedBatchReportsOneKeyPerRowInOrder() throws Exception {
        try (Connection c = acme(); PreparedStatement ps = c.prepareStatement(INSERT_USER, Statement.RETURN_GENERATED_KEYS)) {
            for (String email : List.of("p@acme.com", "q@acme.com", "r@acme.com")) {
                ps.setString(1, email);
                ps.setString(2, "N");
                ps.setString(3, "member");
                ps.setBoolean(4, false);
                ps.addBatch();
            }
            assertEquals(3, ps.executeBatch().length);
            assertEquals(List.of(idOf(c, "p@acme.com"), idOf(c, "q@acme.com"), idOf(c, "r@acme.com")), keys(ps));
        }
    }

    @Test
    void statementBatchReportsOneKeyPerRowInOrder() throws Exception {
        try (Connection c = acme(); Statement s = c.createStatement()) {
            s.addBatch("INSERT INTO users(email, name, role, active) VALUES ('s1@acme.com', 'S', 'member', 1)");
            s.addBatch("INSERT INTO users(email, name, role, active) VALUES ('s2@acme.com', 'S', 'member', 1), "
                    + "('s3@acme.com', 'S', 'member', 1)");
            s.addBatch("INSERT INTO users(email, name, role, active) VALUES ('s4@acme.com', 'S', 'member', 1)");
            s.executeBatch();
            assertEquals(List.of(idOf(c, "s1@acme.com"), idOf(c, "s2@acme.com"), idOf(c, "s3@acme.com"),
                    idOf(c, "s4@acme.com")), keys(s));
        }
    }

    @Test
    void insertReturningIdWorksThroughExecuteQuery() throws Exception {
        try (Connection c = acme(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("INSERT INTO users(email, name, role, active) "
                     + "VALUES ('ret@acme.com', 'R', 'admin', 1) RETURNING id")) {
            assertTrue(rs.next());
            String id = rs.getString("id");
            assertFalse(rs.next());
            assertTrue(UUID.matcher(id).matches(), id);
            assertEquals(idOf(c, "ret@acme.com"), id);
        }
    }

    @Test
    void booleanColumnIsStoredAsZeroOrOneAndReadBackAsBoolean() throws Exception {
        try (Connection c = acme()) {
            try (PreparedStatement yes = user(c, "yes@acme.com", true); PreparedStatement no = user(c, "no@acme.com", false)) {
                yes.executeUpdate();
                no.executeUpdate();
            }
            assertEquals(List.of("integer|0", "integer|1"), rows(c, "SELECT typeof(active), active FROM users ORDER BY active"));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM users ORDER BY email DESC")) {
                assertTrue(rs.next());
                assertEquals(Boolean.TRUE, rs.getObject("active"));
                assertTrue(rs.next());
                assertEquals(Boolean.FALSE, rs.getObject("active"));
            }
        }
    }

    @Test
    void timestampsUseSqliteFormatAndCompareExactlyWithDatetimeNow() throws Exception {
        try (Connection c = acme()) {
            try (PreparedStatement ps = user(c, "t@acme.com", true)) {
                ps.executeUpdate();
            }
            Map<String, String> row = maps(c, "SELECT created_at, updated_at FROM users").get(0);
            assertTrue(TIMESTAMP.matcher(row.get("created_at")).matches(), row.toString());
            assertTrue(TIMESTAMP.matcher(row.get("updated_at")).matches(), row.toString());
            assertEquals("1", value(c, "SELECT count(*) FROM users WHERE created_at > datetime('now', '-1 minute') "
                    + "AND created_at <= strftime('%Y-%m-%d %H:%M:%f', 'now')"));
        }
    }

    @Test
    void updatedAtMovesOnEveryUpdateWhileCreatedAtStays() throws Exception {
        try (Connection c = acme()) {
            try (PreparedStatement ps = user(c, "u@acme.com", true)) {
                ps.executeUpdate();
            }
            Map<String, String> before = maps(c, "SELECT created_at, updated_at FROM users").get(0);
            for (int i = 0; i < 2; i++) {
                Thread.sleep(15);
                run(c, "UPDATE users SET name = 'renamed " + i + "'");
                Map<String, String> after = maps(c, "SELECT created_at, updated_at FROM users").get(0);
                assertEquals(before.get("created_at"), after.get("created_at"));
                assertTrue(after.get("updated_at").compareTo(before.get("updated_at")) > 0, before + " -> " + after);
                assertTrue(TIMESTAMP.matcher(after.get("updated_at")).matches(), after.toString());
                before = after;
            }
        }
    }

    @Test
    void updateCountIsTheNumberOfRowsUpdatedNotCountingTheTimestampTrigger() throws Exception {
        try (Connection c = acme(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO users(email, name, role, active) VALUES ('a', 'A', 'r', 1), ('b', 'B', 'r', 1)");
            assertEquals(1, s.executeUpdate("UPDATE users SET role = 'owner' WHERE email = 'a'"));
            assertEquals(2, s.executeUpdate("UPDATE users SET active = 0"));
        }
    }

    @Test
    void requiredColumnsRefuseNull() throws Exception {
        try (Connection c = acme()) {
            assertState("23502", () -> run(c, "INSERT INTO users(email, name, role, active) VALUES (NULL, 'n', 'r', 1)"));
            assertState("23502", () -> run(c, "INSERT INTO users(email, name, role) VALUES ('e', 'n', 'r')"));
            assertState("23502", () -> run(c, "INSERT INTO projects(name, owner_id) VALUES ('p', 'o')"));
            assertState("23502", () -> run(c, "INSERT INTO tasks(project_id, title, status) VALUES ('p', 't', 's')"));
            assertEquals("0", value(c, "SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM projects) "
                    + "+ (SELECT count(*) FROM tasks)"));
        }
    }

    @Test
    void optionalColumnsAcceptNull() throws Exception {
        try (Connection c = acme()) {
            run(c, "INSERT INTO projects(name, description, owner_id, status) VALUES ('p', NULL, 'o', 'active')",
                    "INSERT INTO tasks(project_id, title, status, priority) VALUES ('p', 't', 'todo', 'medium')");
            assertEquals(List.of("NULL"), rows(c, "SELECT quote(description) FROM projects"));
            assertEquals(List.of("null|null"), rows(c, "SELECT description, assignee_id FROM tasks"));
        }
    }

    @Test
    void tutorialStatisticsQueryCountsRecentlyUpdatedTasks() throws Exception {
        try (Connection c = acme()) {
            run(c, "INSERT INTO tasks(project_id, title, assignee_id, status, priority) VALUES "
                    + "('p', 'a', 'u1', 'todo', 'medium'), ('p', 'b', 'u2', 'todo', 'medium'), ('p', 'c', 'u1', 'todo', 'low')");
            assertEquals("2", value(c, "SELECT COUNT(DISTINCT assignee_id) FROM tasks "
                    + "WHERE updated_at > datetime('now', '-7 days')"));
        }
    }

    @Test
    void createTableWorksThroughPrepareCallWithParameters() throws Exception {
        try (Connection c = open(pm); java.sql.CallableStatement call = c.prepareCall("{call cinch.create_table(?, ?)}")) {
            call.setString(1, "users");
            call.setString(2, USERS);
            try (ResultSet rs = call.executeQuery()) {
                assertEquals(List.of("users"), rows(rs));
            }
            assertEquals(List.of("id", "created_at", "updated_at", "email|0", "name|0", "role|0", "active|0"),
                    columns(c, "users"));
            assertEquals(1, changes(c, "main").size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"email:VARCHAR", "email:TEXT name:STRING?", "1email:TEXT", "e-mail:TEXT",
            "email:TEXT email:TEXT", "email:TEXT EMAIL:TEXT?", "id:TEXT", "created_at:TEXT", "email", "email:", ":TEXT",
            "email:TEXT??", " "})
    void badColumnSpecificationsAreRefusedAndChangeNothing(String spec) throws Exception {
        try (Connection c = open(pm)) {
            List<String> before = changes(c, "main");
            SQLException e = assertSomeState(() -> run(c, "CALL cinch.create_table('things', '" + spec + "')"));
            assertTrue(e.getSQLState().startsWith("42"), () -> e.getSQLState() + " " + e.getMessage());
            assertEquals(before, changes(c, "main"));
            assertEquals("0", value(c, "SELECT count(*) FROM sqlite_master WHERE name = 'things'"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad name", "1things", "things;drop", "sqlite_things", ""})
    void badTableNamesAreRefused(String table) throws Exception {
        try (Connection c = open(pm)) {
            SQLException e = assertSomeState(() -> run(c, "CALL cinch.create_table('" + table + "', 'a:TEXT')"));
            assertTrue(e.getSQLState().startsWith("42"), () -> e.getSQLState() + " " + e.getMessage());
            assertEquals(List.of(), changes(c, "main"));
        }
    }

    @Test
    void createTableOfAnExistingTableIsRefusedAndNotRecorded() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_table('things', 'a:TEXT')");
            List<String> before = changes(c, "main");
            SQLException e = assertSomeState(() -> run(c, "CALL cinch.create_table('things', 'b:TEXT')"));
            assertNotEquals("55000", e.getSQLState());
            assertEquals(before, changes(c, "main"));
            assertEquals(List.of("id", "created_at", "updated_at", "a"),
                    rows(c, "SELECT name FROM pragma_table_info('things') ORDER BY cid"));
        }
    }
}
