package io.cinch.schema;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The process {@link CrashTest} kills: inserts rows into every tenant in turn and, between inserts, runs plain and
 * data-dependent schema changes (a unique index that sometimes fails), transactional DDL with a history row,
 * create_tenant, copy_tenant and merges through a temporary branch (deleted after the merge), printing what committed
 * until it is killed: "row &lt;tenant&gt; &lt;n&gt;", "change &lt;sql&gt;", "object &lt;name&gt;" (a change logged under that name),
 * "history &lt;tenant&gt; &lt;version&gt;", "tenant &lt;name&gt;" or "refused &lt;state&gt;".
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
        String url = "jdbc:cinch:" + project + "?create=false";
        try (Connection c = DriverManager.getConnection(url); Statement ddl = c.createStatement()) {
            out.println("ready");
            long n = trial * 1_000_000L;
            for (int i = 0; ; i++) {
                String tenant = "t" + (i % tenants);
                c.setSchema(tenant);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO items(n, v) VALUES (?, ?)")) {
                    insert.setLong(1, n);
                    // one row in seven repeats a value, which a committed unique index on v refuses
                    insert.setString(2, i % 7 == 3 ? "dup" : "r" + n);
                    insert.executeUpdate();
                    out.println("row " + tenant + " " + n);
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                    out.println("refused " + e.getSQLState());
                }
                n++;
                if (i % 2 == 1) {
                    int j = i / 2;
                    String name = trial + "_" + j;
                    switch (j % 8) {
                        case 0 -> change(ddl, out, "ALTER TABLE items ADD COLUMN c_" + name + " TEXT");
                        case 1 -> change(ddl, out, "CREATE UNIQUE INDEX ux_" + name + " ON items(n)");
                        // fails 23505 once a tenant holds two rows of value 'dup'
                        case 2 -> change(ddl, out, "CREATE UNIQUE INDEX uv_" + name + " ON items(v)");
                        case 3 -> {
                            c.setAutoCommit(false);
                            try (Statement s = c.createStatement()) {
                                s.execute("CREATE TABLE tx_" + name + "(x INTEGER)");
                                s.execute("INSERT INTO history(version) VALUES (" + n + ")");
                            }
                            c.commit();
                            c.setAutoCommit(true);
                            out.println("object tx_" + name);
                            out.println("history " + tenant + " " + n);
                        }
                        case 4 -> {
                            // a burst of first writes, so that spare files are made and claimed
                            for (int k = 0; k < 4; k++) {
                                String fresh = "new_" + name + "_" + k;
                                ddl.execute("CALL cinch.create_tenant('" + fresh + "')");
                                out.println("tenant " + fresh);
                                c.setSchema(fresh);
                                try (Statement s = c.createStatement()) {
                                    s.executeUpdate("INSERT INTO items(n, v) VALUES (" + n + ", 'first " + n + "')");
                                }
                                out.println("row " + fresh + " " + n);
                                n++;
                            }
                        }
                        case 5 -> {
                            ddl.execute("CALL cinch.copy_tenant('" + tenant + "', 'copy_" + name + "')");
                            out.println("tenant copy_" + name);
                        }
                        case 6 -> {
                            ddl.execute("CALL cinch.create_branch('tmp_" + name + "', 'main')");
                            try (Connection b = DriverManager.getConnection(url + "&branch=tmp_" + name);
                                 Statement s = b.createStatement()) {
                                s.execute("CREATE UNIQUE INDEX um_" + name + " ON items(n, v)");
                                s.execute("CALL cinch.merge_into_main()");
                            }
                            out.println("object um_" + name);
                            // as git users do; and without it, each trial's branch copies every tenant file again
                            ddl.execute("CALL cinch.delete_branch('tmp_" + name + "')");
                        }
                        default -> change(ddl, out, "CREATE TABLE tab_" + name + "(x INTEGER)");
                    }
                }
            }
        }
    }

    private static void change(Statement ddl, PrintStream out, String sql) throws SQLException {
        try {
            ddl.execute(sql);
            out.println("change " + sql);
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            out.println("refused " + e.getSQLState());
        }
    }
}
