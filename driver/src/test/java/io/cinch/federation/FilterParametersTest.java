package io.cinch.federation;

import io.cinch.Projects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Filters with {@code ?} parameters on {@code tenant=*} run in each tenant's SQLite, the parameters bound as a tenant
 * connection binds them: the rows equal those of the same prepared query on every tenant connection, the tenant SQL
 * carries the {@code ?}, {@code _tenant = ?} chooses the tenant files read, and new values take effect on re-execution.
 */
class FilterParametersTest {
    @TempDir
    Path dir;
    TenantProject project;

    @BeforeEach
    void build() throws Exception {
        project = TenantProject.build(dir, 8);
    }

    /** The rows of {@code sql} on each tenant connection, each tagged with its tenant, sorted. */
    private List<List<Object>> perTenant(String sql, TenantProject.Parameters parameters) throws SQLException {
        List<List<Object>> all = new ArrayList<>();
        for (String tenant : Loop.names(dir)) {
            try (Connection c = Projects.open(dir, "tenant=" + tenant); PreparedStatement ps = c.prepareStatement(sql)) {
                parameters.set(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    for (List<Object> row : Rows.read(rs)) {
                        List<Object> tagged = new ArrayList<>(row.size() + 1);
                        tagged.add(tenant);
                        tagged.addAll(row);
                        all.add(tagged);
                    }
                }
            }
        }
        return Rows.sorted(all);
    }

    /** The rows of a prepared tenant=* query, sorted. */
    private static List<List<Object>> rows(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return Rows.sorted(Rows.read(rs));
        }
    }

    /** {@code SELECT <columns> FROM <rest>} on tenant=* (with {@code _tenant} first) equals the per-tenant rows. */
    private List<List<Object>> assertSameAsEachTenant(Connection all, String columns, String rest, TenantProject.Parameters parameters)
            throws SQLException {
        String sql = "SELECT " + columns + " FROM " + rest;
        List<List<Object>> expected = perTenant(sql, parameters);
        try (PreparedStatement ps = all.prepareStatement("SELECT _tenant, " + columns + " FROM " + rest)) {
            parameters.set(ps);
            assertEquals(expected, rows(ps), sql);
        }
        return expected;
    }

    @Test
    void parametersOfEveryTypeSelectWhatTheyDoOnEachTenant() throws SQLException {
        Map<String, TenantProject.Parameters> nonEmpty = new LinkedHashMap<>();
        nonEmpty.put("tasks WHERE points = ?|setInt", ps -> ps.setInt(1, 5));
        nonEmpty.put("tasks WHERE points = ?|setLong", ps -> ps.setLong(1, 5L));
        nonEmpty.put("tasks WHERE points = ?|setDouble", ps -> ps.setDouble(1, 5.0));
        nonEmpty.put("tasks WHERE points = ?|setString", ps -> ps.setString(1, "5")); // INTEGER affinity: 5 = '5'
        nonEmpty.put("tasks WHERE points = ?|setObject", ps -> ps.setObject(1, 5));
        nonEmpty.put("tasks WHERE points = ?|setBigDecimal", ps -> ps.setBigDecimal(1, new BigDecimal("5")));
        nonEmpty.put("tasks WHERE points = ?|setShort", ps -> ps.setShort(1, (short) 5));
        nonEmpty.put("tasks WHERE points < ?|setFloat", ps -> ps.setFloat(1, 4.5f));
        nonEmpty.put("tasks WHERE estimate > ?|setDouble", ps -> ps.setDouble(1, 50.5));
        nonEmpty.put("tasks WHERE estimate > ?|setInt", ps -> ps.setInt(1, 50));
        nonEmpty.put("tasks WHERE estimate > ?|setString", ps -> ps.setString(1, "50.5"));
        nonEmpty.put("tasks WHERE estimate > ?|setObject BigDecimal", ps -> ps.setObject(1, new BigDecimal("50.5")));
        nonEmpty.put("tasks WHERE done = ?|setBoolean", ps -> ps.setBoolean(1, true));
        nonEmpty.put("tasks WHERE done = ?|setObject Boolean", ps -> ps.setObject(1, false));
        nonEmpty.put("tasks WHERE note < ?|setBytes", ps -> ps.setBytes(1, "n1".getBytes(StandardCharsets.UTF_8))); // text < blob
        nonEmpty.put("tasks WHERE status = ?|setNString", ps -> ps.setNString(1, "blocked"));
        nonEmpty.put("tasks WHERE note < ?|setString", ps -> ps.setString(1, "n2"));
        nonEmpty.put("tasks WHERE title LIKE ?|setString", ps -> ps.setString(1, "TASK a%")); // LIKE ignores case
        nonEmpty.put("tasks WHERE updated_at < ?|setString", ps -> ps.setString(1, "2000-01-01")); // none: check below
        nonEmpty.put("tasks WHERE points + ? > 10|setInt", ps -> ps.setInt(1, 3));
        nonEmpty.put("tasks WHERE points + ? > 10|setDouble", ps -> ps.setDouble(1, 2.5));
        nonEmpty.put("tasks WHERE (points + ?) * 2 > ?|setInt", ps -> {
            ps.setInt(1, 1);
            ps.setInt(2, 15);
        });
        nonEmpty.put("tasks WHERE points IN (?, ?, ?)|setInt", ps -> {
            ps.setInt(1, 1);
            ps.setInt(2, 4);
            ps.setInt(3, 9);
        });
        nonEmpty.put("tasks WHERE points BETWEEN ? AND ? AND status = ?|mixed", ps -> {
            ps.setLong(1, 2);
            ps.setDouble(2, 6.5);
            ps.setString(3, "open");
        });
        nonEmpty.put("tasks WHERE coalesce(points, ?) = ?|setInt", ps -> {
            ps.setInt(1, -1);
            ps.setInt(2, -1);
        });
        nonEmpty.put("users WHERE id = ?|setString", ps -> ps.setString(1, "u3"));
        nonEmpty.put("users WHERE lower(name) > ? OR role = ?|setString", ps -> {
            ps.setString(1, "user");
            ps.setString(2, "admin");
        });
        try (Connection all = project.crossTenant()) {
            for (Map.Entry<String, TenantProject.Parameters> e : nonEmpty.entrySet()) {
                String rest = e.getKey().substring(0, e.getKey().indexOf('|'));
                List<List<Object>> rows = assertSameAsEachTenant(all, "id, " + (rest.startsWith("tasks") ? "points, estimate"
                        : "name"), rest, e.getValue());
                assertEquals(rest.contains("updated_at"), rows.isEmpty(), e.getKey() + " selects " + rows.size() + " rows");
            }
        }
    }

    @Test
    void eachScanOfAJoinBindsItsOwnParameters() throws SQLException {
        String tenantSql = "SELECT t.id, u.name FROM tasks t JOIN users u ON u.id = t.assignee_id "
                + "WHERE u.role = ? AND t.points > ? AND t.status <> ?";
        TenantProject.Parameters parameters = ps -> {
            ps.setString(1, "member");
            ps.setInt(2, 4);
            ps.setString(3, "done");
        };
        List<List<Object>> expected = perTenant(tenantSql, parameters);
        assertFalse(expected.isEmpty());
        try (Connection all = project.crossTenant(); PreparedStatement ps = all.prepareStatement("SELECT t._tenant, t.id, u.name "
                + "FROM tasks t JOIN users u ON u._tenant = t._tenant AND u.id = t.assignee_id "
                + "WHERE u.role = ? AND t.points > ? AND t.status <> ?")) {
            parameters.set(ps);
            assertEquals(expected, rows(ps));
        }
    }

    @Test
    void groupsPerTenantFilteredByParametersBeforeAndAfterAggregating() throws SQLException {
        TenantProject.Parameters parameters = ps -> {
            ps.setString(1, "done");
            ps.setInt(2, 5);
        };
        List<List<Object>> expected = perTenant("SELECT COUNT(*), SUM(points) FROM tasks WHERE status <> ? "
                + "HAVING COUNT(*) > ?", parameters);
        assertFalse(expected.isEmpty());
        String sql = "SELECT _tenant, COUNT(*), SUM(points) FROM tasks WHERE status <> ? GROUP BY _tenant HAVING COUNT(*) > ?";
        try (Connection all = project.crossTenant(); PreparedStatement ps = all.prepareStatement(sql)) {
            parameters.set(ps);
            assertEquals(expected, rows(ps));
            String plan = Plans.explain(all, sql, "done", 5);
            assertTrue(plan.contains("HAVING COUNT(*) > ?"), plan);
        }
    }

    @Test
    void aNullParameterComparesAsSqliteDoesSelectingNothing() throws SQLException {
        try (Connection all = project.crossTenant()) {
            for (String rest : List.of("tasks WHERE points = ?", "tasks WHERE points <> ?", "tasks WHERE title = ?",
                    "tasks WHERE points + ? > 10")) {
                assertTrue(assertSameAsEachTenant(all, "id", rest, ps -> ps.setNull(1, Types.INTEGER)).isEmpty(), rest);
                assertTrue(assertSameAsEachTenant(all, "id", rest, ps -> ps.setObject(1, null)).isEmpty(), rest);
            }
            List<List<Object>> unassigned = assertSameAsEachTenant(all, "id", "tasks WHERE assignee_id IS NULL OR assignee_id = ?",
                    ps -> ps.setNull(1, Types.VARCHAR));
            assertFalse(unassigned.isEmpty());
        }
    }

    @Test
    void filtersWithParametersArePushedIntoTheTenantSql() throws SQLException {
        try (Connection all = project.crossTenant()) {
            String byId = Plans.explain(all, "SELECT title FROM tasks WHERE id = ?", "x");
            assertTrue(byId.contains("WHERE \"id\" = ?"), byId);
            assertFalse(byId.contains("EnumerableCalc"), byId);
            String sum = Plans.explain(all, "SELECT title FROM tasks WHERE points + ? > 10", 1);
            assertTrue(sum.contains("WHERE \"points\" + ? > 10"), sum);
            String both = Plans.explain(all, "SELECT _tenant, title FROM tasks WHERE _tenant = ? AND points > ? AND status = ?",
                    "t001", 3, "open");
            assertTrue(both.contains("tenants=[=($0, ?0)]"), both);
            assertTrue(both.contains("WHERE \"points\" > ? AND \"status\" = ?"), both);
            String join = Plans.explain(all, "SELECT t._tenant, t.id, u.name FROM tasks t JOIN users u "
                    + "ON u._tenant = t._tenant AND u.id = t.assignee_id WHERE u.role = ? AND t.points > ?", "member", 4);
            assertTrue(join.contains("WHERE \"role\" = ?"), join);
            assertTrue(join.contains("WHERE \"points\" > ?"), join);
            String in = Plans.explain(all, "SELECT title FROM tasks WHERE _tenant IN (?, ?)", "t001", "t002");
            assertTrue(in.contains("tenants=[OR(=($0, ?0), =($0, ?1))]"), in);
        }
    }

    @Test
    void aReExecutedStatementUsesTheNewValues() throws SQLException {
        try (Connection all = project.crossTenant();
             PreparedStatement ps = all.prepareStatement("SELECT _tenant, id, points FROM tasks WHERE points = ? AND status <> ?")) {
            List<List<Object>> previous = null;
            for (int points : new int[] {3, 7, 3}) {
                List<List<Object>> expected = perTenant("SELECT id, points FROM tasks WHERE points = ? AND status <> ?", p -> {
                    p.setInt(1, points);
                    p.setString(2, "done");
                });
                ps.setInt(1, points);
                ps.setString(2, "done");
                List<List<Object>> actual = rows(ps);
                assertEquals(expected, actual, "points = " + points);
                assertFalse(actual.isEmpty(), "points = " + points);
                if (previous != null) {
                    assertNotEquals(previous, actual);
                }
                previous = actual;
            }
            ps.setNull(1, Types.INTEGER);
            assertTrue(rows(ps).isEmpty());
        }
    }

    @Test
    void tenantsGivenAsParametersChooseTheFilesReadOnEachExecution() throws Exception {
        String sql = "SELECT id, points FROM tasks WHERE points > ?";
        List<List<Object>> t001 = rowsOf("t001", sql, 4);
        List<List<Object>> t002 = rowsOf("t002", sql, 4);
        List<List<Object>> t004 = rowsOf("t004", sql, 6);
        project.breakFilesExcept(Set.of("t001", "t002", "t004"));
        try (Connection all = project.crossTenant();
             PreparedStatement one = all.prepareStatement("SELECT _tenant, id, points FROM tasks WHERE _tenant = ? AND points > ?");
             PreparedStatement two = all.prepareStatement("SELECT _tenant, id, points FROM tasks WHERE _tenant IN (?, ?) AND points > ?")) {
            one.setString(1, "t001");
            one.setInt(2, 4);
            assertEquals(t001, rows(one));
            one.setString(1, "t004");
            one.setInt(2, 6);
            assertEquals(t004, rows(one));
            two.setString(1, "t002");
            two.setString(2, "t001");
            two.setInt(3, 4);
            List<List<Object>> both = new ArrayList<>(t001);
            both.addAll(t002);
            assertEquals(Rows.sorted(both), rows(two));
            // a broken file does break a query that reads it, so the answers above did not read the others
            one.setString(1, "t000");
            SQLException e = assertThrows(SQLException.class, () -> rows(one));
            assertNotNull(e.getSQLState());
        }
    }

    /** The rows of {@code sql} (one int parameter) on one tenant connection, tagged with the tenant, sorted. */
    private List<List<Object>> rowsOf(String tenant, String sql, int value) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        try (Connection c = Projects.open(dir, "tenant=" + tenant); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                for (List<Object> row : Rows.read(rs)) {
                    List<Object> tagged = new ArrayList<>(row);
                    tagged.add(0, tenant);
                    out.add(tagged);
                }
            }
        }
        assertFalse(out.isEmpty(), tenant + ": the test would prove nothing");
        return Rows.sorted(out);
    }
}
