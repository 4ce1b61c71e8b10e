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

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
