package io.cinch.federation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ORDER BY, LIMIT and OFFSET apply to the union of all tenants' rows, with SQLite's NULL order. */
class OrderAndLimitTest extends TwentyTenants {
    /** Every task as [tenant, id, points, title], from the loop. */
    static List<List<Object>> tasks;

    @BeforeAll
    static void data() throws Exception {
        tasks = Loop.plain(dir, "SELECT id, points, title FROM tasks");
    }

    private static Comparator<List<Object>> by(int column) {
        return (a, b) -> Rows.SQLITE_ORDER.compare(a.get(column), b.get(column));
    }

    /** Rows [tenant, id, points] of the loop in the given order, from {@code offset}, at most {@code limit}. */
    private static List<List<Object>> expected(Comparator<List<Object>> order, int offset, int limit) {
        List<List<Object>> sorted = new ArrayList<>(tasks);
        sorted.sort(order);
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> r : sorted.subList(Math.min(offset, sorted.size()), Math.min(offset + limit, sorted.size()))) {
            out.add(Rows.row(r.get(0), r.get(1), r.get(2)));
        }
        return out;
    }

    private static final Comparator<List<Object>> POINTS_DESC_TENANT_ID = by(2).reversed().thenComparing(by(0)).thenComparing(by(1));

    @Test
    void limitAndOffsetApplyAfterOneSortOverAllTenants() throws SQLException {
        String sql = "SELECT _tenant, id, points FROM tasks ORDER BY points DESC, _tenant, id LIMIT 7 OFFSET 5";
        assertEquals(expected(POINTS_DESC_TENANT_ID, 5, 7), Rows.query(all, sql));
        assertTrue(Plans.explain(all, sql).contains("LIMIT 12"), "each tenant gives its top offset+limit rows");
    }

    @Test
    void offsetFetchSyntaxGivesTheSameRows() throws SQLException {
        assertEquals(expected(POINTS_DESC_TENANT_ID, 5, 7), Rows.query(all,
                "SELECT _tenant, id, points FROM tasks ORDER BY points DESC, _tenant, id OFFSET 5 ROWS FETCH NEXT 7 ROWS ONLY"));
    }

    @Test
    void nullsSortFirstAscendingAndLastDescendingAsInSqlite() throws SQLException {
        List<List<Object>> first = expected(by(2).thenComparing(by(0).reversed()).thenComparing(by(1)), 1, 4);
        assertEquals(null, first.get(0).get(2), "NULL points come first");
        assertEquals(first, Rows.query(all, "SELECT _tenant, id, points FROM tasks ORDER BY points, _tenant DESC, id LIMIT 4 OFFSET 1"));
        List<List<Object>> sorted = expected(POINTS_DESC_TENANT_ID, 0, tasks.size());
        assertEquals(null, sorted.get(sorted.size() - 1).get(2), "NULL points come last descending");
        assertEquals(sorted, Rows.query(all, "SELECT _tenant, id, points FROM tasks ORDER BY points DESC, _tenant, id"));
    }

    @Test
    void limitWithParametersGivesTheSameRows() throws SQLException {
        try (PreparedStatement ps = all.prepareStatement(
                "SELECT _tenant, id, points FROM tasks ORDER BY points DESC, _tenant, id LIMIT ? OFFSET ?")) {
            ps.setInt(1, 7);
            ps.setInt(2, 5);
            try (ResultSet rs = ps.executeQuery()) {
                assertEquals(expected(POINTS_DESC_TENANT_ID, 5, 7), Rows.read(rs));
            }
            ps.setInt(1, 3);
            ps.setInt(2, 0);
            try (ResultSet rs = ps.executeQuery()) {
                assertEquals(expected(POINTS_DESC_TENANT_ID, 0, 3), Rows.read(rs));
            }
        }
    }

    @Test
    void sortByTextAcrossTenants() throws SQLException {
        List<List<Object>> sorted = new ArrayList<>(tasks);
        sorted.sort(by(3).reversed().thenComparing(by(0)).thenComparing(by(1)));
        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> r : sorted.subList(0, 10)) {
            expected.add(Rows.row(r.get(0), r.get(3)));
        }
        assertEquals(expected, Rows.query(all, "SELECT _tenant, title FROM tasks ORDER BY title DESC, _tenant, id LIMIT 10"));
    }

    @Test
    void limitWithoutOrderGivesThatManyRowsOfTheUnion() throws SQLException {
        List<List<Object>> rows = Rows.query(all, "SELECT _tenant, id FROM tasks LIMIT 3");
        assertEquals(3, rows.size());
        for (List<Object> r : rows) {
            assertTrue(tasks.stream().anyMatch(t -> t.get(0).equals(r.get(0)) && t.get(1).equals(r.get(1))), r.toString());
        }
    }

    @Test
    void offsetWithinOneTenantMatchesThatTenant() throws SQLException {
        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> r : Loop.rowsOf(dir, "t001", "SELECT title FROM tasks ORDER BY id LIMIT 2 OFFSET 5")) {
            expected.add(r.subList(1, 2));
        }
        assertEquals(2, expected.size());
        assertEquals(expected, Rows.query(all, "SELECT title FROM tasks WHERE _tenant = 't001' ORDER BY id LIMIT 2 OFFSET 5"));
    }

    @Test
    void offsetPastTheEndGivesNoRows() throws SQLException {
        assertEquals(List.of(), Rows.query(all, "SELECT _tenant, id FROM tasks ORDER BY _tenant, id LIMIT 5 OFFSET 100000"));
    }

    @Test
    void tenantsRankedByTheirCounts() throws SQLException {
        List<List<Object>> counts = new ArrayList<>();
        for (List<Object> r : Loop.rows(dir, "SELECT COUNT(*) FROM tasks")) {
            if ((Long) r.get(1) > 0) {
                counts.add(r);
            }
        }
        counts.sort(by(1).reversed().thenComparing(by(0)));
        assertEquals(counts.subList(0, 5), Rows.query(all,
                "SELECT _tenant, COUNT(*) AS c FROM tasks GROUP BY _tenant ORDER BY c DESC, _tenant LIMIT 5"));
    }
}
