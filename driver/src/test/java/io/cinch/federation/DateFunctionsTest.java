package io.cinch.federation;

import io.cinch.Projects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.cinch.federation.Merge.Op.SUM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SQLite's datetime(), date(), strftime() and julianday() give SQLite's answers across tenants and are pushed into each tenant's SQL. */
class DateFunctionsTest extends TwentyTenants {
    /**
     * A fixed day near the data (which is spread over the last three weeks), used where 'now' would make the answer change
     * at midnight between the loop and the cross-tenant query. Comparisons with datetime('now', '-7 days') stay safe: the
     * data has no row within half a day of that instant.
     */
    static String today;

    @BeforeAll
    static void data() throws Exception {
        today = LocalDate.now(ZoneOffset.UTC).toString();
    }

    @Test
    void strftimeAndDateGroupPerTenantAndArePushed() throws SQLException {
        String cross = "SELECT _tenant, strftime('%Y-%m-%d', updated_at) AS d, COUNT(*) FROM tasks "
                + "WHERE date(updated_at) >= date('" + today + "', '-3 days') GROUP BY _tenant, strftime('%Y-%m-%d', updated_at)";
        List<List<Object>> expected = Loop.rows(dir, "SELECT strftime('%Y-%m-%d', updated_at), COUNT(*) FROM tasks "
                + "WHERE date(updated_at) >= date('" + today + "', '-3 days') GROUP BY strftime('%Y-%m-%d', updated_at)");
        assertFalse(expected.isEmpty());
        assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all, cross)));
        String plan = Plans.explain(all, cross);
        assertTrue(plan.contains("strftime('%Y-%m-%d', \"updated_at\")"), plan);
        assertTrue(plan.contains("date(\"updated_at\") >= date('" + today + "', '-3 days')"), plan);
        assertFalse(plan.contains("EnumerableAggregate"), plan);
    }

    @Test
    void nowReachesSqliteVerbatim() throws SQLException {
        String plan = Plans.explain(all, "SELECT _tenant, COUNT(*) FROM tasks WHERE date(updated_at) >= date('now', '-3 days') "
                + "AND updated_at > datetime('now', '-7 days') AND strftime('%s', updated_at) < strftime('%s', 'now') GROUP BY _tenant");
        assertTrue(plan.contains("date('now', '-3 days')"), plan);
        assertTrue(plan.contains("datetime('now', '-7 days')"), plan);
        assertTrue(plan.contains("strftime('%s', 'now')"), plan);
    }

    @Test
    void datetimeWindowMatchesTheLoop() throws SQLException {
        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> r : Loop.rows(dir, "SELECT COUNT(*) FROM tasks WHERE updated_at > datetime('now', '-7 days')")) {
            if ((Long) r.get(1) > 0) {
                expected.add(r);
            }
        }
        assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all,
                "SELECT _tenant, COUNT(*) FROM tasks WHERE updated_at > datetime('now', '-7 days') GROUP BY _tenant")));
    }

    @Test
    void dateAsAGroupKeyAcrossTenants() throws SQLException {
        String sql = "SELECT date(updated_at) AS d, COUNT(*) FROM tasks WHERE updated_at > datetime('now', '-7 days') GROUP BY date(updated_at)";
        List<List<Object>> expected = Merge.groups(Loop.plain(dir, sql), 1, SUM);
        assertTrue(expected.size() >= 7);
        assertEquals(Rows.sorted(Rows.norm(expected)), Rows.sorted(Rows.query(all, sql)));
    }

    @Test
    void juliandayArithmeticPerTenant() throws SQLException {
        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> r : Loop.rows(dir, "SELECT MAX(julianday(updated_at) - julianday(created_at)), COUNT(*) FROM tasks")) {
            if ((Long) r.get(2) > 0) {
                expected.add(r.subList(0, 2));
            }
        }
        assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all,
                "SELECT _tenant, MAX(julianday(updated_at) - julianday(created_at)) FROM tasks GROUP BY _tenant")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"datetime('2024-01-31', '+1 month')", "date('2024-02-29', '+1 year')", "strftime('%W %j', '2024-03-15')",
            "datetime('2024-03-10 12:00:00', 'start of month', '+1 day')", "julianday('2024-01-01')", "date('2024-01-01', 'weekday 0')"})
    void evaluatedAsSqliteDoesWhenNotPushed(String expression) throws SQLException {
        List<List<Object>> expected;
        try (Connection one = Projects.open(dir, "tenant=t001")) {
            expected = Rows.query(one, "SELECT " + expression);
        }
        assertEquals(expected, Rows.query(all, "SELECT " + expression + " FROM cinch.tenants WHERE name = 't000'"));
    }

    @Test
    void dateFunctionsOverSystemTableColumns() throws SQLException {
        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> t : Loop.listTenants(dir)) {
            expected.add(Rows.row(t.get(0), ((String) t.get(1)).substring(0, 10)));
        }
        assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all, "SELECT name, date(created_at) FROM cinch.tenants")));
    }

    @Test
    void dateAndTimestampLiteralsCompareAsSqliteText() throws SQLException {
        Object expected = Merge.total(Loop.plain(dir,
                "SELECT COUNT(*) FROM tasks WHERE updated_at > '2024-01-01' AND updated_at < '2100-01-01 00:00:00'"), SUM).get(0);
        String sql = "SELECT COUNT(*) FROM tasks WHERE updated_at > DATE '2024-01-01' AND updated_at < TIMESTAMP '2100-01-01 00:00:00'";
        assertEquals(List.of(Rows.row(expected)), Rows.query(all, sql));
        assertTrue(Plans.explain(all, sql).contains("\"updated_at\" > '2024-01-01'"), Plans.explain(all, sql));
    }
}
