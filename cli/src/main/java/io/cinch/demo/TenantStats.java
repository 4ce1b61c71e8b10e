package io.cinch.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Usage statistics per tenant: users, projects, tasks, users active in the last 7 days, and creation time. */
final class TenantStats {

    /** One tenant's statistics. */
    record Row(String tenant, long users, long projects, long tasks, long activeUsers7d, String createdAt) {
    }

    private TenantStats() {
    }

    /** The tutorial's way: open every tenant and count. */
    static List<Row> perTenantLoop(String url) throws SQLException {
        List<Row> out = new ArrayList<>();
        List<String[]> tenants = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(url);
             Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("CALL cinch.list_tenants()")) {
            while (rs.next()) {
                tenants.add(new String[] {rs.getString("name"), rs.getString("created_at")});
            }
        }
        for (String[] t : tenants) {
            try (Connection db = DriverManager.getConnection(url + "&tenant=" + t[0]); Statement s = db.createStatement()) {
                out.add(new Row(t[0], count(s, "SELECT COUNT(*) FROM users"), count(s, "SELECT COUNT(*) FROM projects"),
                        count(s, "SELECT COUNT(*) FROM tasks"),
                        count(s, "SELECT COUNT(DISTINCT assignee_id) FROM tasks WHERE updated_at > datetime('now', '-7 days')"),
                        t[1]));
            }
        }
        return out;
    }

    /** The cinch way: one SQL statement over every tenant, on a {@code tenant=*} connection. */
    static List<Row> crossTenant(String url) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (Connection all = DriverManager.getConnection(url + "&tenant=*");
             Statement s = all.createStatement();
             ResultSet rs = s.executeQuery(QUERY)) {
            while (rs.next()) {
                out.add(new Row(rs.getString("tenant"), rs.getLong("users"), rs.getLong("projects"), rs.getLong("tasks"),
                        rs.getLong("active_users_7d"), rs.getString("created_at")));
            }
        }
        return out;
    }

    /** Users, projects, tasks and active users per tenant, lazy tenants included, in one statement. */
    static final String QUERY = """
            SELECT t.name AS tenant, COALESCE(u.n, 0) AS users, COALESCE(p.n, 0) AS projects,
                   COALESCE(k.n, 0) AS tasks, COALESCE(a.n, 0) AS active_users_7d, t.created_at
            FROM cinch.tenants t
            LEFT JOIN (SELECT _tenant, COUNT(*) AS n FROM users GROUP BY _tenant) u ON u._tenant = t.name
            LEFT JOIN (SELECT _tenant, COUNT(*) AS n FROM projects GROUP BY _tenant) p ON p._tenant = t.name
            LEFT JOIN (SELECT _tenant, COUNT(*) AS n FROM tasks GROUP BY _tenant) k ON k._tenant = t.name
            LEFT JOIN (SELECT _tenant, COUNT(DISTINCT assignee_id) AS n FROM tasks
                       WHERE updated_at > datetime('now', '-7 days') GROUP BY _tenant) a ON a._tenant = t.name
            ORDER BY t.name""";

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
