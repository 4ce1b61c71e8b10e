package io.cinch.federation;

import io.cinch.Projects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tutorial's tenant statistics as the two cross-tenant queries of the issue give the numbers of its per-tenant loop. */
class TenantStatisticsTest {
    @TempDir
    static Path dir;
    static Connection all;

    static final String USERS_PER_TENANT = "SELECT t.name, t.created_at, COALESCE(u.n, 0) AS users FROM cinch.tenants t "
            + "LEFT JOIN (SELECT _tenant, COUNT(*) AS n FROM users GROUP BY _tenant) u ON u._tenant = t.name";
    static final String ACTIVE_USERS_7D = "SELECT _tenant, COUNT(DISTINCT assignee_id) AS active_users_7d FROM tasks "
            + "WHERE updated_at > datetime('now', '-7 days') GROUP BY _tenant";

    @BeforeAll
    static void tutorial() throws SQLException {
        try (Connection db = open()) {
            Projects.run(db, "CALL cinch.create_branch('initial-schema')", "CALL cinch.switch_branch('initial-schema')",
                    "CALL cinch.create_table('users', 'email:TEXT name:TEXT role:TEXT active:BOOLEAN')",
                    "CALL cinch.create_table('projects', 'name:TEXT description:TEXT? owner_id:TEXT status:TEXT')",
                    "CALL cinch.create_table('tasks', "
                            + "'project_id:TEXT title:TEXT description:TEXT? assignee_id:TEXT? status:TEXT priority:TEXT')",
                    "CALL cinch.merge_into_main()");
        }
        // The tutorial's onboarding: an admin, a project and three tasks assigned to the admin, all updated now.
        for (String tenant : List.of("acme_corp", "globex", "initech", "soylent", "hooli")) {
            onboard(tenant);
        }
        // More users and tasks; some updated 20 or 30 days ago, some unassigned.
        try (Connection acme = open("tenant=acme_corp")) {
            for (int u = 1; u <= 4; u++) {
                insert(acme, "INSERT INTO users(id, email, name, role, active) VALUES (?, ?, ?, 'member', 1)",
                        "acme-u" + u, "u" + u + "@acme.com", "Member " + u);
            }
            task(acme, "acme-u1", 1);
            task(acme, "acme-u1", 2);
            task(acme, "acme-u2", 3);
            task(acme, "acme-u3", 20 * 24);
            task(acme, null, 1);
        }
        try (Connection globex = open("tenant=globex")) {
            insert(globex, "INSERT INTO users(id, email, name, role, active) VALUES ('g1', 'g1@globex.com', 'G', 'member', 0)");
            task(globex, "g1", 30 * 24);
            Projects.run(globex, "UPDATE tasks SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now', '-10 days')");
        }
        try (Connection soylent = open("tenant=soylent")) {
            // recent tasks, none assigned: the tenant has a group whose distinct count is 0
            Projects.run(soylent, "UPDATE tasks SET assignee_id = NULL");
        }
        try (Connection hooli = open("tenant=hooli")) {
            // written, then emptied: a tenant with a file and no rows
            Projects.run(hooli, "DELETE FROM tasks", "DELETE FROM projects", "DELETE FROM users");
        }
        try (Connection db = open()) {
            Projects.run(db, "CALL cinch.create_tenant('umbrella')"); // lazy, as in the tutorial
        }
        all = open("tenant=*");
    }

    @AfterAll
    static void close() throws SQLException {
        all.close();
    }

    /** The tutorial's loop (TenantStats.perTenantLoop): for each listed tenant, open it and count. */
    static List<List<Object>> tutorialLoop() throws SQLException {
        List<List<Object>> tenants;
        try (Connection db = open()) {
            tenants = Rows.query(db, "CALL cinch.list_tenants()");
        }
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> t : tenants) {
            try (Connection db = open("tenant=" + t.get(0))) {
                out.add(Rows.row(t.get(0), t.get(1),
                        count(db, "SELECT COUNT(*) FROM users"),
                        count(db, "SELECT COUNT(*) FROM projects"),
                        count(db, "SELECT COUNT(*) FROM tasks"),
                        count(db, "SELECT COUNT(DISTINCT assignee_id) FROM tasks WHERE updated_at > datetime('now', '-7 days')"),
                        count(db, "SELECT COUNT(*) FROM tasks WHERE updated_at > datetime('now', '-7 days')")));
            }
        }
        return out;
    }

    @Test
    void userCountsJoinedToTenantsListEveryTenantWithItsCreationTime() throws SQLException {
        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> t : tutorialLoop()) {
            expected.add(Rows.row(t.get(0), t.get(1), t.get(2)));
        }
        assertEquals(7, expected.size(), "main, five onboarded tenants and the lazy umbrella");
        assertTrue(expected.contains(Rows.row("umbrella", createdAt("umbrella"), 0)), "a lazy tenant is listed with 0 users");
        assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all, USERS_PER_TENANT)));
    }

    @Test
    void activeUsersOverSevenDaysMatchTheLoopForTenantsWithRecentTasks() throws SQLException {
        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> t : tutorialLoop()) {
            if ((Long) t.get(6) > 0) { // GROUP BY _tenant: a tenant with no recent task has no group
                expected.add(Rows.row(t.get(0), t.get(5)));
            }
        }
        assertTrue(expected.contains(Rows.row("acme_corp", 3)), expected.toString());
        assertTrue(expected.contains(Rows.row("soylent", 0)), expected.toString());
        assertFalse(expected.stream().anyMatch(r -> r.get(0).equals("globex")), expected.toString());
        assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all, ACTIVE_USERS_7D)));
    }

    @Test
    void activeUsersQueryRunsWhollyInsideEachTenant() throws SQLException {
        String plan = Plans.explain(all, ACTIVE_USERS_7D);
        assertTrue(plan.contains("datetime('now', '-7 days')"), plan);
        assertTrue(plan.contains("COUNT(DISTINCT \"assignee_id\")"), plan);
        assertFalse(plan.contains("EnumerableAggregate"), plan);
    }

    @Test
    void wholeStatisticsTableInOneQueryEqualsTheLoop() throws SQLException {
        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> t : tutorialLoop()) {
            expected.add(t.subList(0, 6));
        }
        String sql = "SELECT t.name, t.created_at, COALESCE(u.n, 0), COALESCE(p.n, 0), COALESCE(k.n, 0), COALESCE(a.n, 0) "
                + "FROM cinch.tenants t "
                + "LEFT JOIN (SELECT _tenant, COUNT(*) AS n FROM users GROUP BY _tenant) u ON u._tenant = t.name "
                + "LEFT JOIN (SELECT _tenant, COUNT(*) AS n FROM projects GROUP BY _tenant) p ON p._tenant = t.name "
                + "LEFT JOIN (SELECT _tenant, COUNT(*) AS n FROM tasks GROUP BY _tenant) k ON k._tenant = t.name "
                + "LEFT JOIN (" + ACTIVE_USERS_7D.replace("active_users_7d", "n") + ") a ON a._tenant = t.name "
                + "ORDER BY t.name";
        assertEquals(expected, Rows.query(all, sql));
    }

    @Test
    void lazyTenantStaysLazyAfterTheStatistics() throws Exception {
        Set<Path> files = TenantProject.tenantFiles(dir);
        Rows.query(all, USERS_PER_TENANT);
        Rows.query(all, ACTIVE_USERS_7D);
        assertEquals(files, TenantProject.tenantFiles(dir));
        try (Connection db = open()) {
            assertTrue(Rows.query(db, "CALL cinch.list_tenants()").contains(Rows.row("umbrella", createdAt("umbrella"), false, 0)));
        }
    }

    private static Object createdAt(String tenant) throws SQLException {
        return tutorialLoop().stream().filter(r -> r.get(0).equals(tenant)).findFirst().orElseThrow().get(1);
    }

    private static Connection open(String... params) throws SQLException {
        List<String> all = new ArrayList<>(List.of("database=project_manager"));
        all.addAll(List.of(params));
        return Projects.open(dir, all.toArray(String[]::new));
    }

    private static void onboard(String tenant) throws SQLException {
        try (Connection db = open(); PreparedStatement create = db.prepareStatement("CALL cinch.create_tenant(?)")) {
            create.setString(1, tenant);
            create.executeQuery().close();
        }
        try (Connection db = open("tenant=" + tenant, "lock_tenant=true")) {
            db.setAutoCommit(false);
            insert(db, "INSERT INTO users(id, email, name, role, active) VALUES ('admin', ?, 'Admin', 'admin', 1)",
                    "admin@" + tenant + ".com");
            insert(db, "INSERT INTO projects(id, name, description, owner_id, status) "
                    + "VALUES ('p1', 'Getting Started', 'Welcome to ProjectManager!', 'admin', 'active')");
            for (String title : List.of("Invite team members", "Create your first project", "Customize settings")) {
                insert(db, "INSERT INTO tasks(project_id, title, assignee_id, status, priority) "
                        + "VALUES ('p1', ?, 'admin', 'todo', 'medium')", title);
            }
            db.commit();
        }
    }

    private static void task(Connection db, String assignee, int hoursAgo) throws SQLException {
        String at = TenantProject.SQLITE_TIME.format(LocalDateTime.now(ZoneOffset.UTC).minusHours(hoursAgo));
        insert(db, "INSERT INTO tasks(project_id, title, assignee_id, status, priority, updated_at) "
                + "VALUES ('p1', 'work', ?, 'todo', 'low', ?)", assignee, at);
    }

    private static void insert(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            assertEquals(1, ps.executeUpdate());
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
