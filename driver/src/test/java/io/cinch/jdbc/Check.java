package io.cinch.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Assertions the driver tests share: expected SQLStates and what lies on disk. */
public final class Check {

    private Check() {
    }

    /** A piece of test code that talks to cinch. */
    @FunctionalInterface
    public interface Sql {
        /** Runs it. */
        void run() throws Exception;
    }

    /** Runs {@code body}, which must fail with an SQLException carrying {@code state}; returns that exception. */
    public static SQLException fails(String state, Sql body) {
        SQLException e = failsSomehow(body);
        assertEquals(state, e.getSQLState(), () -> "SQLState of: " + e);
        return e;
    }

    /** Runs {@code body}, which must fail with an SQLException carrying some SQLState; returns that exception. */
    public static SQLException failsSomehow(Sql body) {
        try {
            body.run();
        } catch (SQLException e) {
            assertNotNull(e.getSQLState(), () -> "SQLException without SQLState: " + e);
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected an SQLException, got " + e, e);
        }
        return fail("expected an SQLException, but the call succeeded");
    }

    /** Every regular file under {@code root}, as relative paths, or an empty set when {@code root} does not exist. */
    public static Set<String> files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return Set.of();
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    /**
     * The database files under {@code root} (anything but SQLite's {@code -wal}, {@code -shm} and {@code -journal}
     * companions, which SQLite creates and removes as connections come and go).
     */
    public static Set<String> mainFiles(Path root) throws IOException {
        Set<String> out = new TreeSet<>();
        for (String f : files(root)) {
            if (!f.endsWith("-wal") && !f.endsWith("-shm") && !f.endsWith("-journal")) {
                out.add(f);
            }
        }
        return out;
    }

    /** The files in {@code after} that are not in {@code before}. */
    public static Set<String> added(Set<String> before, Set<String> after) {
        Set<String> out = new TreeSet<>(after);
        out.removeAll(before);
        return out;
    }

    /** The SQLite files (names ending in .db) under {@code root}. */
    public static List<String> sqliteFiles(Path root) throws IOException {
        return mainFiles(root).stream().filter(f -> f.endsWith(".db")).toList();
    }

    /**
     * The backup called {@code file} in the project at {@code project}, wherever its tenant's backup area is
     * ({@code backups/<database-id>/<branch-id>/<tenant-id>/}), or a path that does not exist when there is none.
     */
    public static Path backup(Path project, String file) throws IOException {
        Path root = project.resolve("backups");
        if (!Files.exists(root)) {
            return root.resolve(file);
        }
        try (Stream<Path> all = Files.walk(root)) {
            List<Path> found = all.filter(p -> p.getFileName().toString().equals(file) && Files.isRegularFile(p)).toList();
            if (found.size() > 1) {
                throw new AssertionError("more than one backup called " + file + ": " + found);
            }
            return found.isEmpty() ? root.resolve(file) : found.get(0);
        }
    }
}
