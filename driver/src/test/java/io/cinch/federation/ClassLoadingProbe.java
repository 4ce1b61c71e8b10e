package io.cinch.federation;

import io.cinch.jdbc.CinchDriver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Run in a child JVM by the tests (not a test itself): does one thing through cinch and prints a {@code PROBE} line, so
 * that the parent can read which classes it loaded ({@code -verbose:class}) or which threads it started.
 * Arguments: mode, project directory, then for {@code parallel} the number of tenants.
 */
public final class ClassLoadingProbe {
    private ClassLoadingProbe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String url = "jdbc:cinch:" + args[1];
        switch (mode) {
            case "tenant" -> singleTenant(DriverManager.getConnection(url + "?tenant=main"));
            case "tenant-driver" -> singleTenant(new CinchDriver().connect(url + "?tenant=main", new Properties()));
            case "cross" -> {
                try (Connection main = DriverManager.getConnection(url)) {
                    run(main, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)", "INSERT INTO notes(body) VALUES ('a'), ('b')");
                }
                try (Connection all = DriverManager.getConnection(url + "?tenant=*")) {
                    System.out.println("PROBE rows=" + count(all, "SELECT COUNT(*) FROM notes"));
                }
            }
            case "parallel" -> parallel(url, Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException(mode);
        }
    }

    /** Creates a table, inserts and selects on a tenant connection, with procedures and metadata as an application would. */
    private static void singleTenant(Connection c) throws SQLException {
        try (c) {
            run(c, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)", "INSERT INTO notes(body) VALUES ('a'), ('b')",
                    "CALL cinch.create_table('tasks', 'title:TEXT done:BOOLEAN')",
                    "INSERT INTO tasks(title, done) VALUES ('t', 0)", "CALL cinch.create_tenant('other')");
            c.getMetaData().getTables(null, null, "%", null).close();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("CALL cinch.list_tenants()")) {
                while (rs.next()) {
                    rs.getString("name");
                }
            }
            System.out.println("PROBE rows=" + count(c, "SELECT COUNT(*) FROM notes") + count(c, "SELECT COUNT(*) FROM tasks"));
        }
    }

    /** {@code tenants} tenants with rows, one full cross-tenant scan, then the number of live tenant-reader threads. */
    private static void parallel(String url, int tenants) throws SQLException {
        try (Connection main = DriverManager.getConnection(url)) {
            run(main, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
            for (int i = 0; i < tenants; i++) {
                run(main, "CALL cinch.create_tenant('p" + i + "')");
            }
        }
        for (int i = 0; i < tenants; i++) {
            try (Connection c = DriverManager.getConnection(url + "?tenant=p" + i)) {
                run(c, "INSERT INTO notes(body) VALUES ('x'), ('y')");
            }
        }
        long rows;
        try (Connection all = DriverManager.getConnection(url + "?tenant=*")) {
            rows = count(all, "SELECT COUNT(*) FROM (SELECT _tenant, body FROM notes) AS x");
        }
        long readers = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("cinch-tenant-reader")).count();
        System.out.println("PROBE readers=" + readers + " rows=" + rows + " processors=" + Runtime.getRuntime().availableProcessors());
    }

    private static void run(Connection c, String... sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String one : sql) {
                s.execute(one);
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
