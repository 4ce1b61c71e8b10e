package io.cinch.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tutorial's flow through a served project, run as a child JVM on the packaged driver jar: schema on a branch,
 * merged into main, a tenant onboarded with the new ids (from {@code getGeneratedKeys()}), then the statistics of
 * every tenant. Prints what it read.
 */
public final class TutorialClient {

    public static void main(String[] args) throws SQLException {
        String server = args[0];
        try (Connection c = DriverManager.getConnection(server);
             Statement s = c.createStatement()) {
            s.execute("CALL cinch.create_branch('initial-schema')");
            s.execute("CALL cinch.switch_branch('initial-schema')");
            s.execute("CALL cinch.create_table('users', 'email:TEXT name:TEXT role:TEXT active:BOOLEAN')");
            s.execute("CALL cinch.create_table('projects', 'name:TEXT description:TEXT? owner_id:TEXT status:TEXT')");
            s.execute("CALL cinch.create_table('tasks', 'project_id:TEXT title:TEXT description:TEXT? "
                    + "assignee_id:TEXT? status:TEXT priority:TEXT')");
            s.execute("CALL cinch.merge_into_main()");
            s.execute("CALL cinch.switch_branch('main')");
            s.execute("CALL cinch.create_tenant('acme_corp')");
        }
        try (Connection c = DriverManager.getConnection(server + "?tenant=acme_corp")) {
            String admin = insert(c, "INSERT INTO users(email, name, role, active) "
                    + "VALUES (?, 'ACME Admin', 'admin', 1)", "admin@acme.com");
            String project = insert(c, "INSERT INTO projects(name, description, owner_id, status) "
                    + "VALUES ('Getting Started', 'Welcome', ?, 'active')", admin);
            for (String title : new String[] {"Invite team members", "Create your first project", "Customize settings"}) {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO tasks(project_id, title, assignee_id, "
                        + "status, priority) VALUES (?, ?, ?, 'todo', 'medium')")) {
                    p.setString(1, project);
                    p.setString(2, title);
                    p.setString(3, admin);
                    System.out.println("inserted " + p.executeUpdate());
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM tasks t JOIN "
                    + "projects p ON p.id = t.project_id JOIN users u ON u.id = p.owner_id AND u.id = t.assignee_id")) {
                rs.next();
                System.out.println("linked " + rs.getInt(1));
            }
            System.out.println("product " + c.getMetaData().getDatabaseProductName());
        }
        try (Connection c = DriverManager.getConnection(server + "?tenant=*");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT _tenant, COUNT(DISTINCT assignee_id), COUNT(*) FROM tasks "
                     + "WHERE updated_at > datetime('now', '-7 days') GROUP BY _tenant")) {
            while (rs.next()) {
                System.out.println("stats " + rs.getString(1) + " " + rs.getInt(2) + " " + rs.getInt(3));
            }
        }
    }

    /** Inserts a row and returns its generated id, as the tutorial's onboarding does. */
    private static String insert(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, value);
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return keys.getString(1);
            }
        }
    }
}
