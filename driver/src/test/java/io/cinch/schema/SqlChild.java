package io.cinch.schema;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A separate process for {@link CrossProcessChangeTest}: opens the cinch URL given as first argument, runs each further
 * argument as one SQL statement, and exits with 0, or prints the SQLState and exits with 1.
 */
public final class SqlChild {

    private SqlChild() {
    }

    /** Runs the statements. */
    public static void main(String[] args) {
        try (Connection c = DriverManager.getConnection(args[0]); Statement s = c.createStatement()) {
            for (int i = 1; i < args.length; i++) {
                s.execute(args[i]);
            }
        } catch (SQLException e) {
            System.out.println(e.getSQLState() + " " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }
}
