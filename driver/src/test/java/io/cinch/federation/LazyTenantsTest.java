package io.cinch.federation;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lazy tenants contribute no rows to {@code tenant=*} and stay lazy: reading across tenants creates no file for them. */
class LazyTenantsTest extends TwentyTenants {
    /** t003, t011 and t017 are created and never written; neither is main. */
    static final List<String> LAZY = List.of("main", "t003", "t011", "t017");

    @Test
    void theFixtureHasLazyTenants() throws SQLException {
        for (List<Object> t : Loop.listTenants(dir)) {
            assertEquals(LAZY.contains(t.get(0)) ? 0L : 1L, t.get(2), "materialized " + t);
        }
    }

    @Test
    void lazyTenantsContributeNoRows() throws SQLException {
        String lazy = "'main', 't003', 't011', 't017'";
        for (String table : List.of("users", "projects", "tasks")) {
            assertEquals(List.of(Rows.row(0)), Rows.query(all, "SELECT COUNT(*) FROM " + table + " WHERE _tenant IN (" + lazy + ")"));
            List<List<Object>> tenants = Rows.query(all, "SELECT DISTINCT _tenant FROM " + table);
            assertFalse(tenants.isEmpty());
            for (String name : LAZY) {
                assertFalse(tenants.contains(Rows.row(name)), table + " has rows of lazy " + name);
            }
        }
        assertEquals(List.of(), Rows.query(all, "SELECT _tenant, COUNT(*) FROM tasks WHERE _tenant = 't011' GROUP BY _tenant"));
    }

    @Test
    void readingEveryWayLeavesLazyTenantsWithoutFiles() throws Exception {
        Set<Path> files = TenantProject.tenantFiles(dir);
        for (String table : List.of("users", "projects", "tasks")) {
            Rows.query(all, "SELECT * FROM " + table);
            Rows.query(all, "SELECT _tenant, COUNT(*) FROM " + table + " GROUP BY _tenant");
            Rows.query(all, "SELECT COUNT(*), MAX(id) FROM " + table);
            Rows.query(all, "SELECT * FROM " + table + " WHERE _tenant IN ('t003', 't011', 'main')");
            Rows.query(all, "SELECT * FROM " + table + " WHERE _tenant = 't017' ORDER BY id LIMIT 3");
            Plans.explain(all, "SELECT * FROM " + table + " WHERE _tenant = 't017'");
        }
        Rows.query(all, "SELECT u._tenant, COUNT(*) FROM users u JOIN tasks t ON t._tenant = u._tenant AND t.assignee_id = u.id "
                + "GROUP BY u._tenant");
        Rows.query(all, "SELECT t.name, COALESCE(u.n, 0) FROM cinch.tenants t "
                + "LEFT JOIN (SELECT _tenant, COUNT(*) AS n FROM users GROUP BY _tenant) u ON u._tenant = t.name");
        DatabaseMetaData md = all.getMetaData();
        try (ResultSet rs = md.getColumns(null, null, "%", "%")) {
            assertTrue(rs.next());
        }
        assertEquals(files, TenantProject.tenantFiles(dir), "no tenant file appeared");
        List<List<Object>> lazy = new ArrayList<>();
        for (List<Object> t : Loop.listTenants(dir)) {
            if (LAZY.contains(t.get(0))) {
                lazy.add(Rows.row(t.get(0), t.get(2), t.get(3)));
            }
        }
        assertEquals(List.of(Rows.row("main", false, 0), Rows.row("t003", false, 0), Rows.row("t011", false, 0),
                Rows.row("t017", false, 0)), lazy);
    }

    @Test
    void tenantsTableShowsLazyTenantsAsNotMaterialized() throws SQLException {
        assertEquals(List.of(Rows.row("main", false, 0), Rows.row("t003", false, 0), Rows.row("t011", false, 0),
                        Rows.row("t017", false, 0)),
                Rows.query(all, "SELECT name, materialized, size_bytes FROM cinch.tenants WHERE NOT materialized ORDER BY name"));
        assertEquals(List.of(Rows.row(17)), Rows.query(all, "SELECT COUNT(*) FROM cinch.tenants WHERE materialized AND size_bytes > 0"));
    }
}
