package io.cinch.federation;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static io.cinch.federation.Merge.Op.MAX;
import static io.cinch.federation.Merge.Op.MIN;
import static io.cinch.federation.Merge.Op.SUM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Aggregates that span tenants (no GROUP BY _tenant) equal the per-tenant loop's partial results merged in Java. */
class AggregatesAcrossTenantsTest extends TwentyTenants {

    @Test
    void countSumMinMaxAndAvgMergeEveryTenantsPartialResult() throws SQLException {
        List<Object> m = Merge.total(Loop.plain(dir, "SELECT COUNT(*), COUNT(points), SUM(points), MIN(title), MAX(title), "
                + "COUNT(estimate), SUM(estimate) FROM tasks"), SUM, SUM, SUM, MIN, MAX, SUM, SUM);
        List<Object> expected = Rows.row(m.get(0), m.get(1), m.get(2), m.get(3), m.get(4),
                Merge.avg(m.get(2), m.get(1)), Merge.avg(m.get(6), m.get(5)));
        String sql = "SELECT COUNT(*), COUNT(points), SUM(points), MIN(title), MAX(title), AVG(points), AVG(estimate) FROM tasks";
        assertEquals(List.of(expected), Rows.query(all, sql));
        String plan = Plans.explain(all, sql);
        assertTrue(plan.contains("COUNT(*)") && plan.contains("MIN(\"title\")") && plan.contains("SUM(\"points\")"),
                "partial aggregates run in each tenant: " + plan);
    }

    @Test
    void minAndMaxOfNumbersAndTextAreTheExtremesOverAllTenants() throws SQLException {
        String sql = "SELECT MIN(points), MAX(points), MIN(estimate), MAX(estimate), MIN(updated_at), MAX(updated_at), "
                + "MIN(note), MAX(note), MIN(title), MAX(title) FROM tasks";
        List<Object> expected = Merge.total(Loop.plain(dir, sql), MIN, MAX, MIN, MAX, MIN, MAX, MIN, MAX, MIN, MAX);
        assertEquals(List.of(Rows.row(expected.toArray())), Rows.query(all, sql));
    }

    @Test
    void countStarAddsUpEveryTenantIncludingEmptyAndLazyOnes() throws SQLException {
        for (String table : List.of("users", "projects", "tasks")) {
            long expected = (Long) Merge.total(Loop.plain(dir, "SELECT COUNT(*) FROM " + table), SUM).get(0);
            assertTrue(expected > 0);
            assertEquals(List.of(Rows.row(expected)), Rows.query(all, "SELECT COUNT(*) FROM " + table), table);
        }
        assertEquals(List.of(Rows.row(0)), Rows.query(all, "SELECT COUNT(*) FROM tasks WHERE _tenant = '" + TenantProject.EMPTY + "'"));
        assertEquals(List.of(Rows.row(0)), Rows.query(all, "SELECT COUNT(*) FROM tasks WHERE _tenant = 't003'"), "lazy");
        assertEquals(List.of(Rows.row(0)), Rows.query(all, "SELECT COUNT(*) FROM tasks WHERE _tenant = 'nobody'"));
    }

    @Test
    void sumOfOnlyNullsIsNullAndTheirCountIsZero() throws SQLException {
        String sql = "SELECT SUM(points), AVG(points), COUNT(points), MIN(points), COUNT(*) FROM tasks";
        List<List<Object>> loop = Loop.rowsOf(dir, TenantProject.ALL_NULL, sql);
        List<Object> expected = loop.get(0).subList(1, 6);
        assertEquals(Rows.row(null, null, 0, null), expected.subList(0, 4));
        assertTrue((Long) expected.get(4) > 0, "the tenant has tasks, all without points");
        assertEquals(List.of(expected), Rows.query(all, sql + " WHERE _tenant = '" + TenantProject.ALL_NULL + "'"));
        assertEquals(List.of(Rows.row(null, null, 0)),
                Rows.query(all, "SELECT SUM(points), AVG(points), COUNT(points) FROM tasks WHERE _tenant IN ('t003', 't005', 't007')"));
        assertEquals(List.of(Rows.row(0, null, null)),
                Rows.query(all, "SELECT COUNT(*), MAX(title), SUM(points) FROM tasks WHERE points > 1000"));
    }

    @Test
    void groupsByAnotherColumnMergeTheGroupsOfAllTenants() throws SQLException {
        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> g : Merge.groups(Loop.plain(dir, "SELECT status, COUNT(*), SUM(points), MIN(updated_at), MAX(title), "
                + "COUNT(points), SUM(estimate) FROM tasks GROUP BY status"), 1, SUM, SUM, MIN, MAX, SUM, SUM)) {
            expected.add(Rows.row(g.get(0), g.get(1), g.get(2), g.get(3), g.get(4), Merge.avg(g.get(2), g.get(5)), g.get(6)));
        }
        assertEquals(3, expected.size());
        String sql = "SELECT status, COUNT(*), SUM(points), MIN(updated_at), MAX(title), AVG(points), SUM(estimate) "
                + "FROM tasks GROUP BY status";
        assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all, sql)));
        String plan = Plans.explain(all, sql);
        assertTrue(plan.contains("GROUP BY \"status\""), plan);
    }

    @Test
    void groupsByANullableColumnKeepTheNullGroup() throws SQLException {
        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> g : Merge.groups(Loop.plain(dir, "SELECT assignee_id, COUNT(*), SUM(points), COUNT(points) FROM tasks "
                + "WHERE points > 3 AND status <> 'done' GROUP BY assignee_id"), 1, SUM, SUM, SUM)) {
            expected.add(Rows.row(g.get(0), g.get(1), Merge.avg(g.get(2), g.get(3))));
        }
        assertTrue(expected.stream().anyMatch(r -> r.get(0) == null), "the data has unassigned tasks");
        assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all,
                "SELECT assignee_id, COUNT(*), AVG(points) FROM tasks WHERE points > 3 AND status <> 'done' GROUP BY assignee_id")));
    }

    @Test
    void groupsByTwoColumnsAcrossTenants() throws SQLException {
        String sql = "SELECT status, priority, COUNT(*), SUM(estimate), MAX(updated_at) FROM tasks GROUP BY status, priority";
        List<List<Object>> expected = Merge.groups(Loop.plain(dir, sql), 2, SUM, SUM, MAX);
        assertEquals(9, expected.size());
        assertEquals(Rows.sorted(Rows.norm(expected)), Rows.sorted(Rows.query(all, sql)));
    }

    @Test
    void havingFiltersTheMergedGroupsNotEachTenantsGroups() throws SQLException {
        List<List<Object>> perTenant = Loop.plain(dir, "SELECT assignee_id, COUNT(*) FROM tasks GROUP BY assignee_id");
        long largestInOneTenant = perTenant.stream().mapToLong(r -> (Long) r.get(2)).max().orElseThrow();
        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> g : Merge.groups(perTenant, 1, SUM)) {
            if ((Long) g.get(1) > largestInOneTenant) {
                expected.add(Rows.row(g.toArray()));
            }
        }
        assertFalse(expected.isEmpty(), "some assignee ids pass HAVING only once tenants are merged");
        assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all,
                "SELECT assignee_id, COUNT(*) FROM tasks GROUP BY assignee_id HAVING COUNT(*) > " + largestInOneTenant)));
    }

    @Test
    void conditionOnTenantOrAColumnSelectsRowsInEveryTenant() throws SQLException {
        List<List<Object>> partials = new ArrayList<>();
        for (String tenant : Loop.names(dir)) {
            partials.addAll(Loop.rowsOf(dir, tenant, "SELECT COUNT(*), SUM(points) FROM tasks"
                    + (tenant.equals("t001") ? "" : " WHERE status = 'open'")));
        }
        List<Object> expected = Merge.total(partials, SUM, SUM); // counts and integer sums come as Long
        assertEquals(List.of(Rows.row(expected.toArray())),
                Rows.query(all, "SELECT COUNT(*), SUM(points) FROM tasks WHERE _tenant = 't001' OR status = 'open'"));
    }

    @Test
    void filterClausesOfAggregatesAreKept() throws SQLException {
        String sql = "SELECT COUNT(*) FILTER (WHERE status = 'open'), SUM(points) FILTER (WHERE done), "
                + "MAX(title) FILTER (WHERE priority = 'high'), COUNT(*) FROM tasks";
        List<Object> expected = Merge.total(Loop.plain(dir, sql), SUM, SUM, MAX, SUM);
        assertEquals(List.of(Rows.row(expected.toArray())), Rows.query(all, sql));
        String grouped = "SELECT priority, COUNT(*) FILTER (WHERE status = 'open'), SUM(estimate) FILTER (WHERE NOT done), COUNT(*) "
                + "FROM tasks GROUP BY priority";
        assertEquals(Rows.sorted(Rows.norm(Merge.groups(Loop.plain(dir, grouped), 1, SUM, SUM, SUM))),
                Rows.sorted(Rows.query(all, grouped)));
    }

    @Test
    void countOfAConstantSubqueryCountsEveryRow() throws SQLException {
        Object expected = Merge.total(Loop.plain(dir, "SELECT COUNT(*) FROM tasks"), SUM).get(0);
        assertEquals(List.of(Rows.row(expected)), Rows.query(all, "SELECT COUNT(*) FROM (SELECT 1 FROM tasks) AS x"));
    }
}
