package io.cinch.schema;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * The process {@link CrashTest} kills: inserts rows into every tenant in turn and runs schema changes of both kinds,
 * printing "row &lt;tenant&gt; &lt;n&gt;" after each committed insert and "change &lt;sql&gt;" after each committed
 * change, until it is killed.
 *
 * <p>Arguments: the project directory, the trial number (which keeps names and values of trials apart) and the
 * number of tenants {@code t0..t<n-1>}.
 */
public final class CrashChild {

    private CrashChild() {
    }

    /** Runs until killed. */
    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]);
        int trial = Integer.parseInt(args[1]);
        int tenants = Integer.parseInt(args[2]);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, "UTF-8");
        try (Connection c = DriverManager.getConnection("jdbc:cinch:" + project + "?create=false");
             Statement ddl = c.createStatement()) {
            out.println("ready");
            long n = trial * 1_000_000L;
            for (int i = 0; ; i++) {
                String tenant = "t" + (i % tenants);
                c.setSchema(tenant);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO items(n, v) VALUES (?, ?)")) {
                    insert.setLong(1, n);
                    insert.setString(2, "trial " + trial);
                    insert.executeUpdate();
                }
                out.println("row " + tenant + " " + n);
                n++;
                if (i % 2 == 1) {
                    String sql = change(trial, i / 2);
                    ddl.execute(sql);
                    out.println("change " + sql);
                }
            }
        }
    }

    /** The j-th change of a trial: an added column, a unique index, its drop, a new table, in turn. */
    static String change(int trial, int j) {
        return switch (j % 4) {
            case 0 -> "ALTER TABLE items ADD COLUMN c_" + trial + "_" + j + " TEXT";
            case 1 -> "CREATE UNIQUE INDEX ux_" + trial + "_" + j + " ON items(n)";
            case 2 -> "DROP INDEX ux_" + trial + "_" + (j - 1);
            default -> "CREATE TABLE tab_" + trial + "_" + j + "(x INTEGER)";
        };
    }
}
