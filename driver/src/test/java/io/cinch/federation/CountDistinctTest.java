package io.cinch.federation;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.cinch.federation.Merge.Op.MAX;
import static io.cinch.federation.Merge.Op.SUM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DISTINCT aggregates count a value once across tenants, and once per tenant when grouped by {@code _tenant}. */
class CountDistinctTest extends TwentyTenants {

    /** Distinct non-null values of column 1 of the loop's rows, per value of column 0 ("" when there is no key). */
    private static Map<Object, Set<Object>> distinctBy(List<List<Object>> rows, boolean keyed) {
        Map<Object, Set<Object>> out = new LinkedHashMap<>();
        for (List<Object> r : rows) {
            Object key = keyed ? r.get(1) : "";
            Object value = r.get(keyed ? 2 : 1);
            Set<Object> set = out.computeIfAbsent(key, k -> new HashSet<>());
            if (value != null) {
                set.add(value);
            }
        }
        return out;
    }

    @Test
    void acrossTenantsEachValueCountsOnce() throws SQLException {
        List<List<Object>> perTenant = Loop.plain(dir, "SELECT DISTINCT assignee_id FROM tasks WHERE assignee_id IS NOT NULL");
        long distinct = distinctBy(perTenant, false).get("").size();
        assertNotEquals(perTenant.size(), distinct, "the data makes a sum of per-tenant distinct counts wrong");
        String sql = "SELECT COUNT(DISTINCT assignee_id) FROM tasks";
        assertEquals(List.of(Rows.row(distinct)), Rows.query(all, sql));
        assertTrue(Plans.explain(all, sql).contains("EnumerableAggregate"), "the distinct count is finished above the tenants");
    }

    @Test
    void groupedByAnotherColumnNextToMax() throws SQLException {
        Map<Object, Set<Object>> assignees = distinctBy(Loop.plain(dir, "SELECT DISTINCT status, assignee_id FROM tasks"), true);
        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> g : Merge.groups(Loop.plain(dir, "SELECT status, MAX(title) FROM tasks GROUP BY status"), 1, MAX)) {
            expected.add(Rows.row(g.get(0), assignees.get(g.get(0)).size(), g.get(1)));
        }
        assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all,
                "SELECT status, COUNT(DISTINCT assignee_id), MAX(title) FROM tasks GROUP BY status")));
    }

    @Test
    void groupedByAnotherColumnNextToCountStar() throws SQLException {
        Map<Object, Set<Object>> assignees = distinctBy(Loop.plain(dir, "SELECT DISTINCT status, assignee_id FROM tasks"), true);
        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> g : Merge.groups(Loop.plain(dir, "SELECT status, COUNT(*) FROM tasks GROUP BY status"), 1, SUM)) {
            expected.add(Rows.row(g.get(0), assignees.get(g.get(0)).size(), g.get(1)));
        }
        assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all,
                "SELECT status, COUNT(DISTINCT assignee_id), COUNT(*) FROM tasks GROUP BY status")));
    }

    @Test
    void groupedByTenantRunsWholeInEachTenant() throws SQLException {
        List<List<Object>> expected = Loop.rows(dir,
                "SELECT status, COUNT(DISTINCT assignee_id), COUNT(*) FROM tasks GROUP BY status");
        String sql = "SELECT _tenant, status, COUNT(DISTINCT assignee_id), COUNT(*) FROM tasks GROUP BY _tenant, status";
        assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all, sql)));
        assertFalse(Plans.explain(all, sql).contains("EnumerableAggregate"), Plans.explain(all, sql));
    }

    @Test
    void severalDistinctAggregatesAcrossTenants() throws SQLException {
        List<List<Object>> rows = Loop.plain(dir, "SELECT assignee_id, status, points FROM tasks");
        Set<Object> assignees = new HashSet<>();
        Set<Object> statuses = new HashSet<>();
        Set<Object> points = new HashSet<>();
        for (List<Object> r : rows) {
            if (r.get(1) != null) {
                assignees.add(r.get(1));
            }
            statuses.add(r.get(2));
            if (r.get(3) != null) {
                points.add(r.get(3));
            }
        }
        long sum = points.stream().mapToLong(p -> (Long) p).sum();
        assertEquals(List.of(Rows.row(assignees.size(), statuses.size(), points.size(), sum, (double) sum / points.size())),
                Rows.query(all, "SELECT COUNT(DISTINCT assignee_id), COUNT(DISTINCT status), COUNT(DISTINCT points), "
                        + "SUM(DISTINCT points), AVG(DISTINCT points) FROM tasks"));
    }

    @Test
    void distinctWithFilterClauseAcrossTenants() throws SQLException {
        Set<Object> open = distinctBy(Loop.plain(dir, "SELECT DISTINCT assignee_id FROM tasks WHERE status = 'open'"), false).get("");
        assertEquals(List.of(Rows.row(open.size())), Rows.query(all,
                "SELECT COUNT(DISTINCT assignee_id) FILTER (WHERE status = 'open') FROM tasks"));
    }

    @Test
    void distinctTenantsCountsTenantsWithRows() throws SQLException {
        long expected = Loop.rows(dir, "SELECT COUNT(*) FROM tasks").stream().filter(r -> (Long) r.get(1) > 0).count();
        assertEquals(List.of(Rows.row(expected)), Rows.query(all, "SELECT COUNT(DISTINCT _tenant) FROM tasks"));
    }
}
