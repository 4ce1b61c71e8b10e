package io.cinch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Helpers shared by the benchmarks: temp projects, raw SQLite files, tenant files, disk usage and timing. */
final class Bench {

    /** The schema every benchmark uses. */
    static final String ITEMS = "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, qty INTEGER NOT NULL)";

    private Bench() {
    }

    static {
        try {
            Class.forName("io.cinch.jdbc.CinchDriver");
            Class.forName("org.sqlite.JDBC");
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A fresh directory for one trial, under -Dcinch.bench.dir (default: java.io.tmpdir). */
    static Path tempDir(String prefix) throws IOException {
        String base = System.getProperty("cinch.bench.dir");
        Path root = base == null ? Path.of(System.getProperty("java.io.tmpdir")) : Path.of(base);
        Files.createDirectories(root);
        return Files.createTempDirectory(root, "cinch-bench-" + prefix + "-");
    }

    /** Deletes a directory and everything under it; null is ignored. */
    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cinch URL of a project with extra parameters. */
    static String url(Path project, String... params) {
        return "jdbc:cinch:" + project + (params.length == 0 ? "" : "?" + String.join("&", params));
    }

    /** A cinch connection. */
    static Connection cinch(Path project, String... params) throws SQLException {
        return DriverManager.getConnection(url(project, params));
    }

    /** A plain sqlite-jdbc connection to a file, as a program without cinch would open it. */
    static Connection raw(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    /** Runs one statement. */
    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The first column of the first row. */
    static String value(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Creates lazy tenants {@code prefix0 .. prefix(n-1)} through one connection. */
    static void createTenants(Connection c, String prefix, int from, int to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("CALL cinch.create_tenant(?)")) {
            for (int i = from; i < to; i++) {
                ps.setString(1, prefix + i);
                ps.executeQuery().close();
            }
        }
    }

    /** Inserts {@code rows} rows into {@code items} in one transaction (on cinch or raw connections alike). */
    static void fillItems(Connection c, int rows) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO items(id, name, qty) VALUES (?, ?, ?)")) {
            for (int i = 1; i <= rows; i++) {
                ps.setInt(1, i);
                ps.setString(2, "item-" + i);
                ps.setInt(3, i % 97);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        c.commit();
        c.setAutoCommit(auto);
    }

    /** Creates a plain SQLite file (WAL, like cinch's) holding {@code items} with {@code rows} rows. */
    static void rawFile(Path file, int rows, int payloadKb) throws SQLException, IOException {
        Files.createDirectories(file.getParent());
        try (Connection c = raw(file)) {
            exec(c, "PRAGMA journal_mode=WAL");
            exec(c, ITEMS);
            fillItems(c, rows);
            if (payloadKb > 0) {
                exec(c, PAYLOAD);
                exec(c, payloadInsert(payloadKb));
            }
            exec(c, "PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    /** A table of blobs that makes a tenant's file about N KB. */
    static final String PAYLOAD = "CREATE TABLE payload (id INTEGER PRIMARY KEY, data BLOB NOT NULL)";

    /** Inserts about {@code kb} KB of random blobs (1000 bytes per row) into {@code payload}. */
    static String payloadInsert(int kb) {
        int rows = Math.max(1, kb * 1024 / 1000 - 30);
        return "INSERT INTO payload(data) WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < "
                + rows + ") SELECT randomblob(1000) FROM n";
    }

    /** Tenant files of a project (every .db under data/ except templates), in path order. */
    static List<Path> tenantFiles(Path project) throws IOException {
        return dbFiles(project.resolve("data"));
    }

    /** Every .db file under {@code dir} except templates, in path order. */
    static List<Path> dbFiles(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.filter(p -> p.getFileName().toString().endsWith(".db"))
                    .filter(p -> !p.getFileName().toString().equals("template.db"))
                    .sorted()
                    .forEach(out::add);
        }
        return out;
    }

    /** Disk space used by everything under {@code dir} (allocated blocks, like du), in bytes. */
    static long diskUsage(Path dir) throws IOException {
        long[] total = {0};
        try (Stream<Path> all = Files.walk(dir)) {
            all.filter(Files::isRegularFile).forEach(p -> {
                try {
                    Object blocks = Files.getAttribute(p, "unix:blocks");
                    total[0] += ((Number) blocks).longValue() * 512;
                } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                    try {
                        total[0] += Files.size(p);
                    } catch (IOException ignored) {
                        // gone meanwhile
                    }
                }
            });
        }
        return total[0];
    }

    /** Sum of file sizes under {@code dir} (apparent size), in bytes. */
    static long apparentSize(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    /** This process's write_bytes from /proc/self/io (bytes it caused to be written to storage), or -1. */
    static long processWriteBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
                if (line.startsWith("write_bytes:")) {
                    return Long.parseLong(line.substring("write_bytes:".length()).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    /** The machine's load average over 1, 5 and 15 minutes, for notes ("?" where /proc has none). */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** Prints a setup/measurement note, visible in JMH's output of the fork. */
    static void note(String format, Object... args) {
        System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    /** Megabytes, for notes. */
    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }
}
