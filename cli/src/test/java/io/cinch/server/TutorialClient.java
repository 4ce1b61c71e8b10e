package io.cinch.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tutorial's flow through a served project, run as a child JVM on the packaged driver jar: schema on a branch,
 * merged into main, a tenant onboarded with the new ids, then the statistics of every tenant. Prints what it read.
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
            String admin = one(c, "INSERT INTO users(email, name, role, active) VALUES (?, 'ACME Admin', 'admin', 1) "
                    + "RETURNING id", "admin@acme.com");
            String project = one(c, "INSERT INTO projects(name, description, owner_id, status) "
                    + "VALUES ('Getting Started', 'Welcome', ?, 'active') RETURNING id", admin);
            for (String title : new String[] {"Invite team members", "Create your first project", "Customize settings"}) {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO tasks(project_id, title, assignee_id, "
                        + "status, priority) VALUES (?, ?, ?, 'todo', 'medium')")) {
                    p.setString(1, project);
                    p.setString(2, title);
                    p.setString(3, admin);
                    System.out.println("inserted " + p.executeUpdate());
                }
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

    /** Runs {@code sql} with its one {@code ?} replaced by {@code value} as a literal (RETURNING is not prepared). */
    private static String one(Connection c, String sql, String value) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql.replace("?", "'" + value.replace("'", "''") + "'"))) {
            rs.next();
            return rs.getString(1);
        }
    }
}
