package io.cinch.federation;

import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Row-level queries (filters, projections, DISTINCT, parameters) over all tenants equal each tenant's rows tagged with its name. */
class RowQueriesTest extends TwentyTenants {

    @Test
    void filterOnOneTenantAndALikePattern() throws SQLException {
        List<List<Object>> expected = Loop.rowsOf(dir, "t004", "SELECT * FROM tasks WHERE title LIKE 'task A%' OR title LIKE 'task B%'");
        assertFalse(expected.isEmpty());
        assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all,
                "SELECT * FROM tasks WHERE _tenant = 't004' AND (title LIKE 'task A%' OR title LIKE 'task B%')")));
    }

    @Test
    void isNullFilter() throws SQLException {
        assertTagged("SELECT name FROM users WHERE phone IS NULL", "SELECT _tenant, name FROM users WHERE phone IS NULL");
    }

    @Test
    void arithmeticCoalesceBetweenAndOr() throws SQLException {
        assertTagged("SELECT id, points * 2 + 1, COALESCE(note, 'none') FROM tasks WHERE points BETWEEN 2 AND 4 OR note = 'n7'",
                "SELECT _tenant, id, points * 2 + 1, COALESCE(note, 'none') FROM tasks WHERE points BETWEEN 2 AND 4 OR note = 'n7'");
    }

    @Test
    void comparisonWithNullsFollowsThreeValuedLogic() throws SQLException {
        assertTagged("SELECT id FROM tasks WHERE note <> 'n7' AND NOT (points > 5)",
                "SELECT _tenant, id FROM tasks WHERE note <> 'n7' AND NOT (points > 5)");
    }

    @Test
    void booleanColumnAsCondition() throws SQLException {
        assertTagged("SELECT id, done FROM tasks WHERE done AND NOT status = 'blocked'",
                "SELECT _tenant, id, done FROM tasks WHERE done AND NOT status = 'blocked'");
        assertTagged("SELECT id, active FROM users WHERE NOT active", "SELECT _tenant, id, active FROM users WHERE NOT active");
    }

    @Test
    void inListOfValues() throws SQLException {
        assertTagged("SELECT id, status FROM tasks WHERE status IN ('open', 'blocked') AND priority NOT IN ('low')",
                "SELECT _tenant, id, status FROM tasks WHERE status IN ('open', 'blocked') AND priority NOT IN ('low')");
    }

    @Test
    void caseExpressionWithTextsOfDifferentLengthsIsNotPadded() throws SQLException {
        assertTagged("SELECT id, CASE WHEN points > 5 THEN 'big' ELSE 'small' END FROM tasks",
                "SELECT _tenant, id, CASE WHEN points > 5 THEN 'big' ELSE 'small' END FROM tasks");
        assertTagged("SELECT name, CASE WHEN active THEN 'yes' ELSE 'no way' END || '!' FROM users",
                "SELECT _tenant, name, CASE WHEN active THEN 'yes' ELSE 'no way' END || '!' FROM users");
    }

    @Test
    void functionsThatRunAboveTheTenants() throws SQLException {
        assertTagged("SELECT id, length(title), upper(substr(title, 1, 6)) FROM tasks WHERE length(title) > 8",
                "SELECT _tenant, id, CHAR_LENGTH(title), UPPER(SUBSTRING(title FROM 1 FOR 6)) FROM tasks WHERE CHAR_LENGTH(title) > 8");
    }

    @Test
    void tenantNameInExpressions() throws SQLException {
        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> r : Loop.rows(dir, "SELECT id FROM projects")) {
            expected.add(Rows.row(r.get(0) + "/" + r.get(1)));
        }
        assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all, "SELECT _tenant || '/' || id FROM projects")));
    }

    @Test
    void distinctTenantsAreThoseWithRows() throws SQLException {
        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> r : Loop.rows(dir, "SELECT COUNT(*) FROM tasks")) {
            if ((Long) r.get(1) > 0) {
                expected.add(Rows.row(r.get(0)));
            }
        }
        assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all, "SELECT DISTINCT _tenant FROM tasks")));
    }

    @Test
    void distinctValuesAcrossTenants() throws SQLException {
        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> r : Loop.rows(dir, "SELECT DISTINCT status FROM tasks")) {
            if (!expected.contains(r.subList(1, 2))) {
                expected.add(r.subList(1, 2));
            }
        }
        assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all, "SELECT DISTINCT status FROM tasks")));
    }

    @Test
    void singleColumnScansAndQuotedReservedWords() throws SQLException {
        List<List<Object>> rows = Rows.query(all, "SELECT \"value\" FROM (SELECT points AS \"value\" FROM tasks) AS x WHERE \"value\" > 9 LIMIT 2");
        assertEquals(List.of(Rows.row(10), Rows.row(10)), rows);
        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> r : Loop.rowsOf(dir, "t002", "SELECT title FROM tasks")) {
            expected.add(r.subList(1, 2));
        }
        assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all, "SELECT title FROM tasks WHERE _tenant = 't002'")));
    }

    @Test
    void unquotedIdentifiersMatchWhateverTheirCase() throws SQLException {
        assertTagged("SELECT status, COUNT(*) FROM tasks WHERE status = 'open' GROUP BY status",
                "SELECT _TENANT, Status, count(*) FROM TASKS WHERE STATUS = 'open' GROUP BY _Tenant, status");
    }

    @Test
    void parametersOfPreparedQueries() throws SQLException {
        List<List<Object>> expected = Loop.rows(dir, "SELECT id, points FROM tasks WHERE status = 'open' AND points > 6");
        assertFalse(expected.isEmpty());
        try (PreparedStatement ps = all.prepareStatement("SELECT _tenant, id, points FROM tasks WHERE status = ? AND points > ?")) {
            ps.setString(1, "open");
            ps.setInt(2, 6);
            try (ResultSet rs = ps.executeQuery()) {
                assertEquals(Rows.sorted(expected), Rows.sorted(Rows.read(rs)));
            }
        }
    }

    // SQLite's LIKE ignores ASCII case; a pattern must select the same rows whether or not the filter is pushed into SQLite.
    @Test
    void likeMeansTheSameWhetherOrNotItIsPushedDown() throws SQLException {
        List<List<Object>> expected = Loop.rows(dir, "SELECT id FROM users WHERE name LIKE 'user%'");
        assertTrue(expected.size() > Loop.rows(dir, "SELECT id FROM users WHERE name GLOB 'user*'").size(),
                "the data has names starting with 'User' and with 'user'");
        String pushed = "SELECT _tenant, id FROM users WHERE name LIKE 'user%'";
        String notPushed = "SELECT _tenant, id FROM users WHERE name LIKE 'user%' OR _tenant = 'nobody'";
        assertTrue(Plans.explain(all, pushed).contains("LIKE 'user%'"), "pushed into SQLite");
        assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all, pushed)));
        assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all, notPushed)));
    }
}
