package io.cinch.federation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SQLite's common functions on tenant=* give what SQLite gives in each tenant: the cross-tenant rows equal the union
 * of the rows each tenant's own SQLite computes, whether the scan pushes the function into the tenants or Calcite
 * evaluates it above the scan.
 */
class SqliteFunctionsTest extends TwentyTenants {

    @ParameterizedTest
    @ValueSource(strings = {
            "ifnull(description, 'none'), ifnull(points, 0), ifnull(note, assignee_id)",
            "iif(points > 5, 'big', 'small'), iif(done, 'yes', 'no'), coalesce(assignee_id, description, 'nobody')",
            "substr(title, 2), substr(title, -3, 2), substr(title, 0, 3), substr(description, 3, 100)",
            "instr(title, 'A'), instr(title, '1'), instr(description, 'ta')",
            "printf('%05d|%s|%.2f', points, status, estimate), format('%d items', points), printf('%-6s!', priority)",
            "julianday(updated_at), strftime('%Y-%m', created_at), date(updated_at), datetime(created_at, '+1 day')",
            "length(title), length(description), length(points), length(estimate)",
            "lower(title), upper(title), upper(description)",
            "trim(' ' || title || ' '), trim(title, 'ta'), ltrim(title, 'tas'), rtrim(title, '0123456789')",
            "round(estimate), round(estimate, 1), round(points / 3.0, 2), abs(points - 5), abs(estimate - 50.5)",
            "title || '/' || status, points || 'p', estimate || '', 'n:' || note",
    })
    void functionsMatchEveryTenantsSqlite(String expressions) throws SQLException {
        String single = "SELECT " + expressions + " FROM tasks";
        assertTagged(single, "SELECT _tenant, " + expressions + " FROM tasks");
        // length(_tenant) keeps the whole projection above the scan: Calcite evaluates every function itself
        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> row : Loop.rows(dir, single)) {
            List<Object> withLength = new ArrayList<>(row);
            withLength.add((long) ((String) row.get(0)).length());
            expected.add(withLength);
        }
        String above = "SELECT _tenant, " + expressions + ", length(_tenant) FROM tasks";
        assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all, above)), above);
        assertTrue(Plans.explain(all, above).contains("EnumerableCalc"), "evaluated above the scan");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "substr(title, 1, 1) = 't' AND instr(title, 'A') = 0",
            "length(ifnull(description, '')) > 8",
            "iif(points > 5, 1, 0) = 1 OR round(estimate) >= 50",
            "lower(priority) || status LIKE '%OPEN'",
            "datetime(updated_at) >= datetime('now', '-7 days') AND strftime('%H', created_at) < '12'",
    })
    void functionsFilterAsInEveryTenant(String condition) throws SQLException {
        assertTagged("SELECT title, points FROM tasks WHERE " + condition,
                "SELECT _tenant, title, points FROM tasks WHERE " + condition);
    }

    @Test
    void pushedFunctionsReachSqliteByName() throws SQLException {
        String plan = Plans.explain(all, "SELECT _tenant, ifnull(points, 0), substr(title, 2), printf('%d', points), "
                + "length(title), iif(done, 'y', 'n') FROM tasks WHERE instr(title, 'A') > 0");
        for (String pushed : List.of("substr(\"title\", 2)", "printf('%d', \"points\")", "length(\"title\")",
                "instr(\"title\", 'A') > 0", "COALESCE(\"points\", 0)", "CASE WHEN \"done\" THEN 'y' ELSE 'n' END")) {
            assertTrue(plan.contains(pushed), pushed + " in " + plan);
        }
        assertFalse(plan.contains("EnumerableCalc"), plan);
    }

    @Test
    void aggregatesPerTenantMatchSqlite() throws SQLException {
        List<List<Object>> expected = sortParts(Loop.rows(dir,
                "SELECT status, total(points), total(estimate), group_concat(title), group_concat(priority, ';') FROM tasks GROUP BY status"), 4, 5);
        List<List<Object>> actual = sortParts(Rows.query(all, "SELECT _tenant, status, total(points), total(estimate), "
                + "group_concat(title), group_concat(priority, ';') FROM tasks GROUP BY _tenant, status"), 4, 5);
        assertEquals(Rows.sorted(expected), Rows.sorted(actual));
    }

    @Test
    void aggregatesAcrossTenantsMatchSqlite() throws SQLException {
        List<List<Object>> perTenant = Loop.plain(dir, "SELECT total(points), group_concat(status, ';') FROM tasks WHERE points > 7");
        double total = 0;
        List<String> parts = new ArrayList<>();
        for (List<Object> row : perTenant) {
            total += (Double) row.get(1);
            if (row.get(2) != null) {
                parts.addAll(Arrays.asList(((String) row.get(2)).split(";")));
            }
        }
        List<List<Object>> actual = Rows.query(all, "SELECT total(points), group_concat(status, ';') FROM tasks WHERE points > 7");
        assertEquals(Rows.norm(List.of(List.of(total))).get(0).get(0), actual.get(0).get(0));
        List<String> actualParts = new ArrayList<>(Arrays.asList(((String) actual.get(0).get(1)).split(";")));
        parts.sort(null);
        actualParts.sort(null);
        assertEquals(parts, actualParts);
        assertEquals(List.of(List.of("0")), Rows.query(all, "SELECT total(points) FROM tasks WHERE points > 1000"),
                "total() of no rows is 0.0, not NULL");
    }

    @Test
    void unnamedColumnsAreNamedAsSqliteNamesThem() throws SQLException {
        String sql = "SELECT status, count(*), COUNT( * ) + 1, sum(points), ifnull(note, '-'), substr(title,1,2), "
                + "title || '!', upper(status) AS loud, 42, 'x', (points), nullif(status, 'open'), count(*) "
                + "FROM tasks GROUP BY status, note, title, points";
        try (Connection tenant = io.cinch.Projects.open(dir, "tenant=t000")) {
            assertEquals(labels(tenant, sql), labels(all, sql));
        }
        assertEquals(List.of("count(*)", "month", "date", "value", "year"),
                labels(all, "SELECT count(*), count(*) AS month, max(created_at) date, min(points) AS value, "
                        + "max(strftime('%Y', created_at)) year FROM tasks"));
    }

    private static List<String> labels(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> labels = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                labels.add(md.getColumnLabel(i));
            }
            return labels;
        }
    }

    /** The rows with the list values in the given columns (1-based) put in order, as group_concat leaves order open. */
    private static List<List<Object>> sortParts(List<List<Object>> rows, int... columns) {
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> row : rows) {
            List<Object> copy = new ArrayList<>(row);
            for (int c : columns) {
                if (copy.get(c) instanceof String s) {
                    String[] parts = s.split("[,;]");
                    Arrays.sort(parts);
                    copy.set(c, String.join(",", parts));
                }
            }
            out.add(copy);
        }
        return out;
    }
}
