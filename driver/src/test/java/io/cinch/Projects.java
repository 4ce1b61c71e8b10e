package io.cinch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Opens cinch connections on a test's project directory and reads results compactly. */
public final class Projects {

    private Projects() {
    }

    /** The cinch URL of {@code dir} with extra {@code key=value} parameters. */
    public static String url(Path dir, String... params) {
        return "jdbc:cinch:" + dir + (params.length == 0 ? "" : "?" + String.join("&", params));
    }

    /** Waits until the background catch-up of the project at {@code dir} has brought every file up to its branch. */
    public static void awaitCatchUp(Path dir) throws SQLException {
        io.cinch.store.Project project = io.cinch.store.Project.acquire(dir, false, null);
        try {
            if (!project.catchUp().awaitIdle(120_000)) {
                throw new AssertionError("background catch-up did not finish in two minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            project.release();
        }
    }

    /**
     * Every tenant SQLite file under the project's data directory (templates excluded), including any stray one, but
     * not the spare files that a burst of first writes made ahead and no tenant has claimed: those come and go in the
     * background.
     */
    public static Set<Path> tenantFiles(Path dir) {
        Path data = dir.resolve("data");
        if (!Files.isDirectory(data)) {
            return Set.of();
        }
        Set<String> claimed = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + dir.resolve("cinch.db").toUri().getRawPath() + "?mode=ro");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT premade FROM tenants WHERE premade IS NOT NULL")) {
            while (rs.next()) {
                String[] ownerAndNumber = rs.getString(1).split("/");
                claimed.add(ownerAndNumber[0] + "/" + ownerAndNumber[1] + ".db");
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot read the tenants of " + dir, e);
        }
        return filesUnder(data).stream()
                .filter(p -> p.getFileName().toString().endsWith(".db"))
                .filter(p -> !p.getFileName().toString().equals("template.db"))
                .filter(p -> !p.toString().contains("/premade/")
                        || claimed.contains(p.getParent().getParent().getFileName() + "/" + p.getFileName()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The regular files under {@code root}, sorted; walked again when one disappears during the walk, as files of a
     * project in use do (a connection's {@code -shm}, a spare file given up).
     */
    public static List<Path> filesUnder(Path root) {
        for (int attempt = 1; ; attempt++) {
            try (Stream<Path> all = Files.walk(root)) {
                return all.filter(Files::isRegularFile).sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                boolean vanished = e instanceof NoSuchFileException || e.getCause() instanceof NoSuchFileException;
                if (!vanished || attempt == 10) {
                    throw new AssertionError("cannot list " + root, e);
                }
            }
        }
    }

    /** A connection to {@code dir} with extra parameters. */
    public static Connection open(Path dir, String... params) throws SQLException {
        return DriverManager.getConnection(url(dir, params));
    }

    /** Runs {@code sql} and returns every row as "a|b|c" strings. */
    public static List<String> rows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rows(rs);
        }
    }

    /** Every remaining row of {@code rs} as "a|b|c" strings. */
    public static List<String> rows(ResultSet rs) throws SQLException {
        List<String> out = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                row.append(i > 1 ? "|" : "").append(rs.getString(i));
            }
            out.add(row.toString());
        }
        return out;
    }

    /** The single value of a one-row, one-column query. */
    public static String value(Connection c, String sql) throws SQLException {
        List<String> rows = rows(c, sql);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row from " + sql + ", got " + rows);
        }
        return rows.get(0);
    }

    /** Runs statements. */
    public static void run(Connection c, String... sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String one : sql) {
                s.execute(one);
            }
        }
    }
}
