package io.cinch.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/** Onboards a customer: a tenant of its own, an admin user, a welcome project and sample tasks. */
final class Onboarding {

    /** What onboarding created. */
    record Customer(String tenant, String adminId, String projectId) {
    }

    private final String url;

    Onboarding(String url) {
        this.url = url;
    }

    Customer createCustomer(String companyName, String adminEmail) throws SQLException {
        String tenant = companyName.toLowerCase(Locale.ROOT).replace(" ", "_");
        try (Connection db = DriverManager.getConnection(url);
             PreparedStatement create = db.prepareStatement("CALL cinch.create_tenant(?)")) {
            create.setString(1, tenant);
            create.executeQuery().close();
        }
        try (Connection db = DriverManager.getConnection(url + "&tenant=" + tenant + "&lock_tenant=true")) {
            db.setAutoCommit(false);
            String admin = insert(db, "INSERT INTO users(email, name, role, active) VALUES (?, ?, 'admin', ?)",
                    adminEmail, companyName + " Admin", true);
            String project = insert(db, "INSERT INTO projects(name, description, owner_id, status) VALUES (?, ?, ?, 'active')",
                    "Getting Started", "Welcome to ProjectManager!", admin);
            for (String task : List.of("Invite team members", "Create your first project", "Customize settings")) {
                insert(db, "INSERT INTO tasks(project_id, title, assignee_id, status, priority) VALUES (?, ?, ?, 'todo', 'medium')",
                        project, task, admin);
            }
            db.commit();
            return new Customer(tenant, admin, project);
        }
    }

    String adminOf(String tenant) throws SQLException {
        try (Connection db = DriverManager.getConnection(url + "&tenant=" + tenant);
             Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Inserts a row and returns its generated id. */
    static String insert(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getString(1);
            }
        }
    }
}
