package io.cinch.schema;

import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static io.cinch.schema.SchemaSupport.changeSql;
import static io.cinch.schema.SchemaSupport.maps;
import static io.cinch.schema.SchemaSupport.materialized;
import static io.cinch.schema.SchemaSupport.replayed;
import static io.cinch.schema.SchemaSupport.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cinch.store.Project;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a process is killed with SIGKILL in the middle of schema changes and inserts, every tenant is consistent with
 * the change log and no committed row or change is lost (repeat a run with -Dcinch.crashSeed=&lt;seed&gt;).
 */
class CrashTest {

    static final int TENANTS = 30;
    static final List<String> LAZY = List.of("lazy0", "lazy1", "lazy2");
    static final int TRIALS = Integer.getInteger("cinch.crashTrials", 6);

    /** What the trials add up to. */
    private long acknowledged;
    private long lost;
    private long inconsistent;
    private final List<String> objects = new ArrayList<>();
    private final Map<String, Set<Long>> history = new HashMap<>();
    private final Set<String> newTenants = new HashSet<>();

    @TempDir
    Path dir;

    @Test
    void killedAtAnyMomentEveryTenantFollowsTheLogAndNoCommittedWorkIsLost() throws Exception {
        long seed = Long.getLong("cinch.crashSeed", System.nanoTime());
        System.out.println("CrashTest seed: " + seed + " (-Dcinch.crashSeed=" + seed + " repeats the kill points)");
        Random random = new Random(seed);
        Path pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE items(id INTEGER PRIMARY KEY, n INTEGER NOT NULL, v TEXT)",
                    "CREATE TABLE history(version INTEGER PRIMARY KEY)");
            for (int t = 0; t < TENANTS; t++) {
                run(c, "CALL cinch.create_tenant('t" + t + "')", "INSERT INTO t" + t + ".items(n, v) VALUES (-" + (t + 1) + ", 'setup')");
            }
            for (String lazy : LAZY) {
                run(c, "CALL cinch.create_tenant('" + lazy + "')");
            }
        }
        Map<String, Set<Long>> rows = new HashMap<>();
        List<String> changes = new ArrayList<>();
        for (int trial = 1; trial <= TRIALS; trial++) {
            int killAfter = 1 + random.nextInt(120);
            int read = runAndKill(pm, trial, killAfter, rows, changes);
            assertTrue(read >= killAfter, "trial " + trial + ": the child stopped after " + read + " lines");
            verify(pm, rows, changes, "trial " + trial + " (seed " + seed + ", killed after " + killAfter + " lines)");
        }
        System.out.println("CrashTest figures: trials=" + TRIALS + " acknowledgedWrites=" + acknowledged
                + " lostWrites=" + lost + " inconsistentTenants=" + inconsistent + " changes="
                + (changes.size() + objects.size()) + " tenantsCreated=" + newTenants.size() + " (seed " + seed + ")");
        assertEquals(0, lost, "acknowledged writes lost");
        assertEquals(0, inconsistent, "tenants whose schema does not follow the log");
        assertTrue(changes.size() + objects.size() >= TRIALS, "too few changes were committed to test anything: " + changes);
    }

    /** Runs the child until it has printed {@code killAfter} lines, kills it, and collects every line it printed. */
    private int runAndKill(Path pm, int trial, int killAfter, Map<String, Set<Long>> rows, List<String> changes)
            throws Exception {
        Path err = dir.resolve("child-" + trial + ".err");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), pm.toString(),
                String.valueOf(trial), String.valueOf(TENANTS))
                .redirectError(err.toFile()).start();
        int read = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertEquals("ready", line, () -> "child did not start: " + stderr(err));
            while (read < killAfter && (line = out.readLine()) != null) {
                record(line, rows, changes);
                read++;
            }
            // SIGKILL, as Process.destroyForcibly() sends it, but through the handle, which (unlike Process) leaves our
            // end of the pipe open: the lines the child printed just before dying are read and checked too
            assertTrue(child.toHandle().destroyForcibly() || !child.isAlive() && child.exitValue() == 137,
                    () -> "the child ended by itself: " + stderr(err));
            child.waitFor();
            while ((line = out.readLine()) != null) {
                record(line, rows, changes);
                read++;
            }
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        if (read < killAfter) {
            System.out.println("child stderr: " + stderr(err));
        }
        return read;
    }

    private static String stderr(Path err) {
        try {
            return Files.readString(err);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private void record(String line, Map<String, Set<Long>> rows, List<String> changes) {
        String[] parts = line.split(" ");
        if (line.startsWith("row ")) {
            rows.computeIfAbsent(parts[1], t -> new HashSet<>()).add(Long.parseLong(parts[2]));
            acknowledged++;
        } else if (line.startsWith("history ")) {
            history.computeIfAbsent(parts[1], t -> new HashSet<>()).add(Long.parseLong(parts[2]));
            acknowledged++;
        } else if (line.startsWith("object ")) {
            objects.add(parts[1]);
        } else if (line.startsWith("tenant ")) {
            newTenants.add(parts[1]);
        } else if (line.equals("refused 23505")) {
            return;
        } else if (line.startsWith("change ")) {
            changes.add(line.substring("change ".length()));
        } else {
            throw new AssertionError("unexpected child output: " + line);
        }
    }

    private void verify(Path pm, Map<String, Set<Long>> rows, List<String> changes, String context)
            throws Exception {
        Project.closeUnused(); // opening the project anew deletes what the killed child left, such as its spare files
        try (Connection c = open(pm)) {
            try (Stream<Path> spares = Files.exists(pm.resolve("data/spares")) ? Files.list(pm.resolve("data/spares"))
                    : Stream.empty()) {
                assertEquals(List.of(), spares.toList(), context + ": spare locks left behind");
            }
            Set<Path> claimed = io.cinch.Projects.tenantFiles(pm);
            List<Path> unclaimed = io.cinch.Projects.filesUnder(pm.resolve("data")).stream()
                    .filter(p -> p.toString().contains("/premade/") && p.toString().endsWith(".db"))
                    .filter(p -> !claimed.contains(p)).toList();
            assertEquals(List.of(), unclaimed, context + ": spare files no tenant claimed left behind");
            List<Map<String, String>> log = maps(c, "CALL cinch.list_changes()");
            for (int i = 0; i < log.size(); i++) {
                assertEquals(String.valueOf(i + 1), log.get(i).get("seq"), context + ": seq of " + log.get(i));
            }
            List<String> logged = changeSql(c, "main");
            for (String change : changes) {
                assertTrue(logged.contains(change), context + ": committed change missing from the log: " + change);
            }
            for (String object : objects) {
                assertTrue(logged.stream().anyMatch(sql -> sql.contains(object)),
                        context + ": committed change missing from the log: " + object);
            }
            Map<String, Boolean> all = materialized(c);
            for (String t : newTenants) {
                assertTrue(all.containsKey(t), context + ": created tenant missing: " + t);
            }
            List<String> expected = replayed(logged);
            Map<String, Boolean> materialized = materialized(c);
            for (String lazy : LAZY) {
                assertFalse(materialized.get(lazy), context + ": " + lazy + " was materialized");
            }
            for (String tenant : materialized.keySet()) {
                c.setSchema(tenant);
                if (!expected.equals(schema(c))) {
                    inconsistent++;
                    System.out.println(context + ": schema of " + tenant + " differs from the log: " + schema(c));
                }
                assertEquals(List.of("ok"), rows(c, "PRAGMA quick_check"), context + ": " + tenant);
                Set<Long> committed = rows.getOrDefault(tenant, Set.of());
                Set<Long> present = new HashSet<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT n FROM items");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        present.add(rs.getLong(1));
                    }
                }
                Set<Long> missing = new HashSet<>(committed);
                missing.removeAll(present);
                Set<Long> versions = new HashSet<>(rows(c, "SELECT version FROM history").stream().map(Long::parseLong).toList());
                Set<Long> missingHistory = new HashSet<>(history.getOrDefault(tenant, Set.of()));
                missingHistory.removeAll(versions);
                if (!missing.isEmpty() || !missingHistory.isEmpty()) {
                    lost += missing.size() + missingHistory.size();
                    System.out.println(context + ": acknowledged writes lost in " + tenant + ": " + missing + " " + missingHistory);
                }
            }
            assertNotNull(materialized.get("t0"));
            long probe = -1_000_000L - rows.size() - acknowledged;
            run(c, "INSERT INTO t0.items(n, v) VALUES (" + probe + ", 'probe " + probe + "')");
            rows.computeIfAbsent("t0", t -> new HashSet<>()).add(probe);
            acknowledged++;
            try (Connection raw = java.sql.DriverManager.getConnection("jdbc:sqlite:" + pm.resolve("cinch.db"))) {
                assertEquals(List.of(), rows(raw, "SELECT branch_id, seq, sql FROM pending_changes"),
                        context + ": a pending change was left behind");
            }
        }
    }
}
