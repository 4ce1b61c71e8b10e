package io.cinch.federation;

import io.cinch.Projects;
import io.cinch.store.Project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A cinch project for cross-tenant tests, built only through cinch: the tutorial's tables (by {@code cinch.create_table})
 * widened by plain {@code ALTER TABLE}, and tenants t000, t001, ... holding deterministic, awkward data written through
 * their own tenant connections: some lazy, one materialized but empty, one whose {@code points} are all NULL.
 * Tenant {@code main} is never written, so it stays lazy too.
 */
final class TenantProject {

    /** Sets a prepared statement's parameters, the same way on every connection a test compares. */
    interface Parameters {
        void set(java.sql.PreparedStatement ps) throws SQLException;
    }

    /** Tenants that are created and never written. */
    static final Set<String> LAZY = Set.of("t003", "t011", "t017");
    /** A tenant that has a file (it was written) but no rows. */
    static final String EMPTY = "t005";
    /** A tenant with tasks whose {@code points} are all NULL. */
    static final String ALL_NULL = "t007";

    static final DateTimeFormatter SQLITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    final Path dir;
    /** Each written tenant's SQLite file, found as the file that appeared on its first write. */
    final Map<String, Path> files = new LinkedHashMap<>();

    private TenantProject(Path dir) {
        this.dir = dir;
    }

    /** Builds {@code count} tenants t000.. in a new project at {@code dir}. */
    static TenantProject build(Path dir, int count) throws SQLException, IOException {
        TenantProject p = new TenantProject(dir);
        try (Connection main = Projects.open(dir)) {
            Projects.run(main,
                    "CALL cinch.create_table('users', 'email:TEXT name:TEXT role:TEXT active:BOOLEAN')",
                    "CALL cinch.create_table('projects', 'name:TEXT description:TEXT? owner_id:TEXT status:TEXT')",
                    "CALL cinch.create_table('tasks', "
                            + "'project_id:TEXT title:TEXT description:TEXT? assignee_id:TEXT? status:TEXT priority:TEXT')",
                    "ALTER TABLE users ADD COLUMN phone TEXT",
                    "ALTER TABLE tasks ADD COLUMN points INTEGER",
                    "ALTER TABLE tasks ADD COLUMN estimate REAL",
                    "ALTER TABLE tasks ADD COLUMN done BOOLEAN NOT NULL DEFAULT 0",
                    "ALTER TABLE tasks ADD COLUMN note"); // no declared type: SQLite's BLOB affinity, any value
            for (int i = 0; i < count; i++) {
                Projects.run(main, "CALL cinch.create_tenant('" + name(i) + "')");
            }
        }
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < count; i++) {
            if (!LAZY.contains(name(i))) {
                p.fill(i, now);
            }
        }
        return p;
    }

    static String name(int i) {
        return String.format("t%03d", i);
    }

    /** A {@code tenant=*} connection to the project. */
    Connection crossTenant() throws SQLException {
        return Projects.open(dir, "tenant=*");
    }

    /** Every tenant database file of the project (templates excluded). */
    static Set<Path> tenantFiles(Path dir) {
        return new HashSet<>(Projects.tenantFiles(dir));
    }

    private void fill(int i, LocalDateTime now) throws SQLException, IOException {
        String tenant = name(i);
        Set<Path> before = tenantFiles(dir);
        Random r = new Random(i);
        try (Connection c = Projects.open(dir, "tenant=" + tenant)) {
            c.setAutoCommit(false);
            if (tenant.equals(EMPTY)) {
                Projects.run(c, "INSERT INTO users(id, email, name, role, active) VALUES ('gone', 'x@y', 'x', 'member', 0)",
                        "DELETE FROM users");
            } else {
                int users = 1 + r.nextInt(12);
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO users(id, email, name, role, active, phone) VALUES (?, ?, ?, ?, ?, ?)")) {
                    for (int u = 1; u <= users; u++) {
                        ps.setString(1, "u" + u);
                        ps.setString(2, "u" + u + "@" + tenant + ".test");
                        ps.setString(3, (r.nextBoolean() ? "User" : "user") + (char) ('a' + r.nextInt(26)) + u);
                        ps.setString(4, u == 1 ? "admin" : "member");
                        ps.setBoolean(5, r.nextBoolean());
                        ps.setString(6, r.nextInt(4) == 0 ? null : "+1-555-" + r.nextInt(10000));
                        ps.executeUpdate();
                    }
                }
                int projects = 1 + r.nextInt(3);
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO projects(id, name, description, owner_id, status) VALUES (?, ?, ?, 'u1', ?)")) {
                    for (int k = 1; k <= projects; k++) {
                        ps.setString(1, "p" + k);
                        ps.setString(2, "Project " + k);
                        ps.setString(3, r.nextBoolean() ? null : "about " + k);
                        ps.setString(4, List.of("active", "archived").get(r.nextInt(2)));
                        ps.executeUpdate();
                    }
                }
                int tasks = r.nextInt(60);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO tasks(project_id, title, description, "
                        + "assignee_id, status, priority, points, estimate, done, note, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (int t = 1; t <= tasks; t++) {
                        ps.setString(1, "p" + (1 + r.nextInt(projects)));
                        ps.setString(2, "task " + (char) ('A' + r.nextInt(26)) + r.nextInt(1000));
                        ps.setString(3, r.nextInt(3) == 0 ? null : "details " + t);
                        ps.setObject(4, r.nextInt(6) == 0 ? null : "u" + (1 + r.nextInt(users)));
                        ps.setString(5, List.of("open", "done", "blocked").get(r.nextInt(3)));
                        ps.setString(6, List.of("low", "medium", "high").get(r.nextInt(3)));
                        ps.setObject(7, tenant.equals(ALL_NULL) || r.nextInt(7) == 0 ? null : r.nextInt(11));
                        ps.setObject(8, r.nextInt(5) == 0 ? null : r.nextInt(1000) / 10.0);
                        ps.setBoolean(9, r.nextBoolean());
                        ps.setObject(10, r.nextInt(3) == 0 ? null : "n" + r.nextInt(50));
                        // Never within half a day of the 7-day boundary, so 'now' moving during a test changes nothing.
                        int hours = r.nextInt(19 * 24);
                        if (hours >= 6 * 24 + 12) {
                            hours += 24;
                        }
                        LocalDateTime updated = now.minusHours(hours).minusSeconds(r.nextInt(3600));
                        ps.setString(11, SQLITE_TIME.format(updated.minusHours(r.nextInt(100))));
                        ps.setString(12, SQLITE_TIME.format(updated));
                        ps.executeUpdate();
                    }
                }
            }
            c.commit();
        }
        Set<Path> appeared = tenantFiles(dir);
        appeared.removeAll(before);
        if (appeared.size() != 1) {
            throw new IllegalStateException("expected one new file for " + tenant + ", got " + appeared);
        }
        files.put(tenant, appeared.iterator().next());
    }

    /**
     * Makes every tenant file except {@code keep}'s unreadable. Root ignores file permissions and SQLite readers are not
     * blocked by a writer's lock, so the files are overwritten with bytes that are not a SQLite database: opening one
     * fails with SQLITE_NOTADB. Before that every connection is closed and cinch's pool of open files is emptied
     * ({@link Project#closeUnused()}, the store's hook for tests), so no handle opened earlier can still read a file.
     */
    void breakFilesExcept(Set<String> keep) throws IOException {
        Project.closeUnused();
        byte[] garbage = "this is not a SQLite database, just bytes\n".repeat(200).getBytes(StandardCharsets.US_ASCII);
        for (Map.Entry<String, Path> e : files.entrySet()) {
            if (!keep.contains(e.getKey())) {
                Files.write(e.getValue(), garbage);
                Files.deleteIfExists(Path.of(e.getValue() + "-wal"));
                Files.deleteIfExists(Path.of(e.getValue() + "-shm"));
            }
        }
    }
}
