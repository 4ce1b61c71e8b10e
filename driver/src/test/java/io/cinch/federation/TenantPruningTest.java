package io.cinch.federation;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conditions on {@code _tenant} alone choose the tenant files a query reads: EXPLAIN shows the chosen tenants, and
 * a query keeps working while every other tenant's file is unreadable.
 */
class TenantPruningTest {
    @TempDir
    Path dir;
    TenantProject project;
    /** t000..t007: t003 lazy, t005 empty, t007 with NULL points. */
    static final List<String> TENANTS = List.of("t000", "t001", "t002", "t003", "t004", "t005", "t006", "t007");

    @BeforeEach
    void build() throws Exception {
        project = TenantProject.build(dir, 8);
    }

    /** The {@code tenants=[...]} part of each tenant scan of the plan. */
    private static List<String> tenantsOfScans(String plan) {
        List<String> out = new ArrayList<>();
        for (int at = plan.indexOf("tenants=["); at >= 0; at = plan.indexOf("tenants=[", at + 1)) {
            int depth = 0;
            int i = at + "tenants=".length();
            do {
                char ch = plan.charAt(i++);
                depth += ch == '[' ? 1 : ch == ']' ? -1 : 0;
            } while (depth > 0);
            out.add(plan.substring(at + "tenants=".length(), i));
        }
        return out;
    }

    /** Every tenant scan of {@code sql}'s plan names exactly {@code chosen} among the project's tenants. */
    private void assertScansChoose(Connection all, String sql, Set<String> chosen) throws SQLException {
        String plan = Plans.explain(all, sql);
        List<String> scans = tenantsOfScans(plan);
        assertFalse(scans.isEmpty(), plan);
        for (String tenants : scans) {
            for (String t : TENANTS) {
                assertEquals(chosen.contains(t), tenants.contains("'" + t + "'"), t + " in " + tenants);
            }
        }
    }

    @Test
    void explainShowsTheChosenTenants() throws SQLException {
        try (Connection all = project.crossTenant()) {
            assertScansChoose(all, "SELECT _tenant, COUNT(*) FROM tasks WHERE _tenant = 't002' GROUP BY _tenant", Set.of("t002"));
            assertScansChoose(all, "SELECT _tenant, title FROM tasks WHERE _tenant IN ('t001', 't003', 't004') AND points > 5",
                    Set.of("t001", "t003", "t004"));
            assertScansChoose(all, "SELECT COUNT(*) FROM users WHERE _tenant = 't001' OR _tenant = 't006'", Set.of("t001", "t006"));
            assertScansChoose(all, "SELECT u.name, t.title FROM users u JOIN tasks t ON t._tenant = u._tenant "
                    + "AND t.assignee_id = u.id WHERE u._tenant = 't004' AND t._tenant = 't004'", Set.of("t004"));
            assertTrue(tenantsOfScans(Plans.explain(all, "SELECT COUNT(*) FROM tasks")).stream().allMatch(s -> s.equals("[all]")));
            String range = Plans.explain(all, "SELECT _tenant, COUNT(*) FROM tasks WHERE _tenant >= 't006' GROUP BY _tenant");
            assertFalse(tenantsOfScans(range).contains("[all]"), range);
        }
    }

    @Test
    void longInListStillChoosesTenants() throws SQLException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 40; i += 2) {
            names.add("'" + TenantProject.name(i) + "'");
        }
        names.add("'nobody'");
        String sql = "SELECT _tenant, COUNT(*) FROM tasks WHERE _tenant IN (" + String.join(", ", names) + ") GROUP BY _tenant";
        try (Connection all = project.crossTenant()) {
            assertScansChoose(all, sql, Set.of("t000", "t002", "t004", "t006"));
            List<List<Object>> expected = new ArrayList<>();
            for (List<Object> r : Loop.rows(dir, "SELECT COUNT(*) FROM tasks")) {
                if (Set.of("t000", "t002", "t004", "t006").contains(r.get(0)) && (Long) r.get(1) > 0) {
                    expected.add(r);
                }
            }
            assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all, sql)));
        }
    }

    @Test
    void tenantConditionsReadOnlyTheChosenTenantsFiles() throws Exception {
        Map<String, List<List<Object>>> expected = new LinkedHashMap<>();
        expected.put("SELECT _tenant, COUNT(*), SUM(points) FROM tasks WHERE _tenant = 't002' GROUP BY _tenant",
                Loop.rowsOf(dir, "t002", "SELECT COUNT(*), SUM(points) FROM tasks"));
        List<List<Object>> picked = new ArrayList<>();
        for (String t : List.of("t001", "t003", "t004")) {
            picked.addAll(Loop.rowsOf(dir, t, "SELECT title FROM tasks WHERE points > 5"));
        }
        expected.put("SELECT _tenant, title FROM tasks WHERE _tenant IN ('t001', 't003', 't004') AND points > 5", picked);
        List<List<Object>> range = new ArrayList<>();
        for (String t : List.of("t001", "t002")) {
            range.addAll(Loop.rowsOf(dir, t, "SELECT id, name FROM users"));
        }
        expected.put("SELECT _tenant, id, name FROM users WHERE _tenant BETWEEN 't001' AND 't002'", range);
        long users = 0;
        for (String t : List.of("t001", "t004")) {
            users += (Long) Loop.rowsOf(dir, t, "SELECT COUNT(*) FROM users").get(0).get(1);
        }
        expected.put("SELECT COUNT(*) FROM users WHERE _tenant = 't001' OR _tenant = 't004'", List.of(Rows.row(users)));
        List<List<Object>> joined = new ArrayList<>();
        for (List<Object> r : Loop.rowsOf(dir, "t004", "SELECT u.name, t.title FROM users u JOIN tasks t ON t.assignee_id = u.id")) {
            joined.add(r.subList(1, 3));
        }
        expected.put("SELECT u.name, t.title FROM users u JOIN tasks t ON t._tenant = u._tenant AND t.assignee_id = u.id "
                + "WHERE u._tenant = 't004' AND t._tenant = 't004'", joined);

        project.breakFilesExcept(Set.of("t001", "t002", "t004"));

        try (Connection all = project.crossTenant()) {
            for (Map.Entry<String, List<List<Object>>> e : expected.entrySet()) {
                assertEquals(Rows.sorted(e.getValue()), Rows.sorted(Rows.query(all, e.getKey())), e.getKey());
            }
            // The broken files do break any query that reads them, so the answers above did not read them.
            for (String sql : List.of("SELECT COUNT(*) FROM tasks", "SELECT * FROM users WHERE _tenant = 't000'",
                    "SELECT _tenant, COUNT(*) FROM tasks WHERE _tenant >= 't005' GROUP BY _tenant")) {
                SQLException e = assertThrows(SQLException.class, () -> Rows.query(all, sql), sql);
                assertNotNull(e.getSQLState(), sql);
            }
        }
    }

    @Test
    void tenantGivenAsAParameterReadsOnlyThatTenantsFile() throws Exception {
        List<List<Object>> expected = Loop.rowsOf(dir, "t002", "SELECT COUNT(*) FROM tasks");
        project.breakFilesExcept(Set.of("t002"));
        try (Connection all = project.crossTenant();
             PreparedStatement ps = all.prepareStatement("SELECT _tenant, COUNT(*) FROM tasks WHERE _tenant = ? GROUP BY _tenant")) {
            ps.setString(1, "t002");
            try (ResultSet rs = ps.executeQuery()) {
                assertEquals(expected, Rows.read(rs));
            }
        }
    }
}
