package io.cinch.federation;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Joins between branch tables: on {@code _tenant} they equal each tenant's own join; without it they pair rows of different tenants. */
class JoinsTest extends TwentyTenants {

    @Test
    void innerJoinOnTenantAndKeyEqualsEachTenantsJoin() throws SQLException {
        assertTagged("SELECT u.name, COUNT(t.id) FROM users u JOIN tasks t ON t.assignee_id = u.id GROUP BY u.name",
                "SELECT u._tenant, u.name, COUNT(t.id) FROM users u JOIN tasks t ON t._tenant = u._tenant AND t.assignee_id = u.id "
                        + "GROUP BY u._tenant, u.name");
    }

    @Test
    void leftJoinKeepsRowsWithoutPartner() throws SQLException {
        assertTagged("SELECT u.id, COUNT(t.id) FROM users u LEFT JOIN tasks t ON t.assignee_id = u.id GROUP BY u.id",
                "SELECT u._tenant, u.id, COUNT(t.id) FROM users u LEFT JOIN tasks t ON t._tenant = u._tenant AND t.assignee_id = u.id "
                        + "GROUP BY u._tenant, u.id");
    }

    @Test
    void threeTablesJoinedWithinTenants() throws SQLException {
        assertTagged("SELECT p.name, u.name, COUNT(*) FROM projects p JOIN tasks t ON t.project_id = p.id "
                        + "JOIN users u ON u.id = t.assignee_id WHERE t.status = 'open' GROUP BY p.name, u.name",
                "SELECT p._tenant, p.name, u.name, COUNT(*) FROM projects p JOIN tasks t ON t._tenant = p._tenant AND t.project_id = p.id "
                        + "JOIN users u ON u._tenant = t._tenant AND u.id = t.assignee_id WHERE t.status = 'open' "
                        + "GROUP BY p._tenant, p.name, u.name");
    }

    @Test
    void existsSubqueryCorrelatedOnTenant() throws SQLException {
        assertTagged("SELECT id FROM users u WHERE EXISTS (SELECT 1 FROM tasks t WHERE t.assignee_id = u.id AND t.status = 'blocked')",
                "SELECT _tenant, id FROM users u WHERE EXISTS "
                        + "(SELECT 1 FROM tasks t WHERE t._tenant = u._tenant AND t.assignee_id = u.id AND t.status = 'blocked')");
        assertTagged("SELECT id FROM users u WHERE NOT EXISTS (SELECT 1 FROM tasks t WHERE t.assignee_id = u.id)",
                "SELECT _tenant, id FROM users u WHERE NOT EXISTS "
                        + "(SELECT 1 FROM tasks t WHERE t._tenant = u._tenant AND t.assignee_id = u.id)");
    }

    @Test
    void joinWithoutTenantConditionPairsRowsOfDifferentTenants() throws SQLException {
        Map<Object, Long> users = new HashMap<>();
        for (List<Object> r : Loop.plain(dir, "SELECT id FROM users")) {
            users.merge(r.get(1), 1L, Long::sum);
        }
        long expected = 0;
        for (List<Object> r : Loop.plain(dir, "SELECT assignee_id FROM tasks WHERE assignee_id IS NOT NULL")) {
            expected += users.getOrDefault(r.get(1), 0L);
        }
        long sameTenant = Loop.plain(dir, "SELECT 1 FROM users u JOIN tasks t ON t.assignee_id = u.id").size();
        assertFalse(expected == sameTenant, "user ids repeat across tenants, so the join finds more pairs than each tenant's");
        assertEquals(List.of(Rows.row(expected)), Rows.query(all, "SELECT COUNT(*) FROM users u JOIN tasks t ON t.assignee_id = u.id"));
    }

    @Test
    void joinOfOneTenantsRows() throws SQLException {
        List<List<Object>> expected = Loop.rowsOf(dir, "t001",
                "SELECT u.name, t.title FROM users u JOIN tasks t ON t.assignee_id = u.id WHERE t.points > 2");
        assertFalse(expected.isEmpty());
        List<List<Object>> names = new java.util.ArrayList<>();
        for (List<Object> r : expected) {
            names.add(r.subList(1, 3));
        }
        assertEquals(Rows.sorted(names), Rows.sorted(Rows.query(all, "SELECT u.name, t.title FROM users u JOIN tasks t "
                + "ON t._tenant = u._tenant AND t.assignee_id = u.id WHERE u._tenant = 't001' AND t._tenant = 't001' AND t.points > 2")));
    }
}
