package io.cinch.federation;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Aggregates grouped by {@code _tenant} equal the same single-tenant query run in each tenant, tenants without rows having no group. */
class AggregatesPerTenantTest extends TwentyTenants {

    /** The loop's rows of an aggregate without GROUP BY whose last column is COUNT(*), for tenants with rows, without that count. */
    private static List<List<Object>> tenantsWithRows(String singleTenantSql) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> r : Loop.rows(dir, singleTenantSql)) {
            if ((Long) r.get(r.size() - 1) > 0) {
                out.add(r.subList(0, r.size() - 1));
            }
        }
        return out;
    }

    @Test
    void countPerTenantListsOnlyTenantsWithRows() throws SQLException {
        List<List<Object>> expected = tenantsWithRows("SELECT COUNT(*), COUNT(*) FROM tasks");
        assertFalse(expected.stream().anyMatch(r -> r.get(0).equals(TenantProject.EMPTY) || r.get(0).equals("t003")));
        String sql = "SELECT _tenant, COUNT(*) FROM tasks GROUP BY _tenant";
        assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all, sql)));
        assertFalse(Plans.explain(all, sql).contains("EnumerableAggregate"), "the aggregate runs whole in each tenant");
    }

    @Test
    void groupsByTenantAndColumnEqualEachTenantsGroups() throws SQLException {
        List<List<Object>> expected = Loop.rows(dir,
                "SELECT status, COUNT(*), SUM(points), AVG(estimate), MIN(updated_at) FROM tasks GROUP BY status");
        String sql = "SELECT _tenant, status, COUNT(*), SUM(points), AVG(estimate), MIN(updated_at) FROM tasks GROUP BY _tenant, status";
        assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all, sql)));
        assertFalse(Plans.explain(all, sql).contains("EnumerableAggregate"));
    }

    @Test
    void expressionsOverAggregatesPerTenant() throws SQLException {
        assertEquals(Rows.sorted(tenantsWithRows("SELECT MAX(points) - MIN(points), COUNT(note), COUNT(*) FROM tasks")),
                Rows.sorted(Rows.query(all, "SELECT _tenant, MAX(points) - MIN(points), COUNT(note) FROM tasks GROUP BY _tenant")));
    }

    @Test
    void averagesAndExtremesOfNumbersTextAndBooleansPerTenant() throws SQLException {
        List<List<Object>> expected = tenantsWithRows(
                "SELECT AVG(points), AVG(estimate), MIN(note), MAX(done), MIN(title), COUNT(*) FROM tasks");
        assertTrue(expected.stream().anyMatch(r -> r.get(0).equals(TenantProject.ALL_NULL) && r.get(1) == null));
        assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all,
                "SELECT _tenant, AVG(points), AVG(estimate), MIN(note), MAX(done), MIN(title) FROM tasks GROUP BY _tenant")));
    }

    @Test
    void havingKeepsOnlyTheTenantsThatPassIt() throws SQLException {
        List<List<Object>> expected = new ArrayList<>();
        List<List<Object>> counts = Loop.rows(dir, "SELECT COUNT(*) FROM tasks WHERE done");
        for (List<Object> r : counts) {
            if ((Long) r.get(1) > 5) {
                expected.add(r);
            }
        }
        assertTrue(expected.size() > 0 && expected.size() < counts.stream().filter(r -> (Long) r.get(1) > 0).count(),
                "HAVING keeps some tenants and drops others");
        assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all,
                "SELECT _tenant, COUNT(*) FROM tasks WHERE done GROUP BY _tenant HAVING COUNT(*) > 5")));
    }

    @Test
    void conditionOnTenantThatCannotPruneStillSelectsTheRightTenants() throws SQLException {
        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> r : Loop.rows(dir, "SELECT status, SUM(estimate) FROM tasks GROUP BY status")) {
            if (((String) r.get(0)).startsWith("t01")) {
                expected.add(r);
            }
        }
        assertFalse(expected.isEmpty());
        assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all,
                "SELECT _tenant, status, SUM(estimate) FROM tasks WHERE _tenant LIKE 't01%' GROUP BY _tenant, status")));
    }

    @Test
    void emptyAndAllNullTenantsGroupAsSqliteDoes() throws SQLException {
        assertEquals(List.of(Rows.row(TenantProject.ALL_NULL, null, null)), Rows.query(all,
                "SELECT _tenant, SUM(points), AVG(points) FROM tasks WHERE _tenant IN ('t005', 't007') GROUP BY _tenant"));
        assertEquals(List.of(), Rows.query(all,
                "SELECT _tenant, COUNT(*) FROM tasks WHERE _tenant = '" + TenantProject.EMPTY + "' GROUP BY _tenant"));
        assertEquals(List.of(), Rows.query(all, "SELECT _tenant, COUNT(*) FROM tasks WHERE points > 1000 GROUP BY _tenant"));
    }

    @Test
    void aggregateWithoutCountStillSkipsTenantsWithoutRows() throws SQLException {
        assertEquals(Rows.sorted(tenantsWithRows("SELECT MAX(title), COUNT(*) FROM tasks")),
                Rows.sorted(Rows.query(all, "SELECT _tenant, MAX(title) FROM tasks GROUP BY _tenant")));
    }

    @Test
    void aggregateOverPerTenantAggregates() throws SQLException {
        long expected = Loop.rows(dir, "SELECT COUNT(*) FROM tasks").stream().filter(r -> (Long) r.get(1) > 20).count();
        assertTrue(expected > 0);
        assertEquals(List.of(Rows.row(expected)), Rows.query(all,
                "SELECT COUNT(*) FROM (SELECT _tenant, COUNT(*) AS c FROM tasks GROUP BY _tenant) AS x WHERE c > 20"));
    }
}
