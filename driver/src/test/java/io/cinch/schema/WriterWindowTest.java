package io.cinch.schema;

import static io.cinch.Projects.awaitCatchUp;
import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static io.cinch.schema.SchemaSupport.changeSql;
import static io.cinch.schema.SchemaSupport.replayed;
import static io.cinch.schema.SchemaSupport.schemaOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers inserting (some duplicates) into materialized and lazy tenants while CREATE UNIQUE INDEX runs: either the
 * index is everywhere and no tenant holds a duplicate, or the change failed with 23505 and the log is unchanged;
 * every acknowledged insert is kept and every tenant catches up.
 */
class WriterWindowTest {

    static final int MATERIALIZED = 40;
    static final int LAZY = 10;
    static final int WRITERS = 3;

    @TempDir
    Path dir;

    /** {@code duplicateOneIn}: while the change runs, one insert in that many repeats a code (0: none does). */
    @ParameterizedTest
    @ValueSource(ints = {0, 60, 8})
    void writersDuringAUniqueIndexNeverLeaveADuplicateAndLoseNothing(int duplicateOneIn) throws Exception {
        Path pm = dir.resolve("pm");
        List<String> tenants = new ArrayList<>();
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE items(id INTEGER PRIMARY KEY, code TEXT, tag TEXT)");
            for (int t = 0; t < MATERIALIZED + LAZY; t++) {
                String name = (t < MATERIALIZED ? "m" : "lazy") + t;
                tenants.add(name);
                run(c, "CALL cinch.create_tenant('" + name + "')");
                if (t < MATERIALIZED) {
                    for (int r = 0; r < 20; r++) {
                        run(c, "INSERT INTO " + name + ".items(code, tag) VALUES ('seed" + r + "', 'setup')");
                    }
                }
            }
        }
        List<String> logBefore;
        try (Connection c = open(pm)) {
            logBefore = changeSql(c, "main");
        }
        Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean changing = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<Integer>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> write(pm, tenants, writer, stop, changing, duplicateOneIn, acknowledged)));
        }
        SQLException failed = null;
        try (Connection c = open(pm)) {
            while (acknowledged.values().stream().mapToInt(Set::size).sum() < 20) {
                Thread.sleep(5);
            }
            changing.set(true);
            run(c, "CREATE UNIQUE INDEX ux_items_code ON items(code)");
        } catch (SQLException e) {
            failed = e;
        }
        changing.set(false);
        if (duplicateOneIn == 0) {
            assertEquals(null, failed, "no duplicate was written, yet the change failed");
        }
        int after = acknowledged.values().stream().mapToInt(Set::size).sum();
        while (acknowledged.values().stream().mapToInt(Set::size).sum() < after + 20) {
            Thread.sleep(5);
        }
        stop.set(true);
        int attempts = 0;
        for (Future<Integer> f : writers) {
            attempts += f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        awaitCatchUp(pm);

        try (Connection c = open(pm)) {
            List<String> log = changeSql(c, "main");
            if (failed == null) {
                assertEquals(logBefore.size() + 1, log.size(), log::toString);
            } else {
                assertEquals("23505", failed.getSQLState(), failed::toString);
                assertEquals(logBefore, log, "a failed change left the log as it was");
            }
            List<String> expected = replayed(log);
            for (String t : tenants) {
                assertEquals(expected, schemaOf(pm, "main", t), "schema of " + t);
                Set<String> present = new HashSet<>(rows(c, "SELECT tag FROM " + t + ".items"));
                Set<String> lost = new HashSet<>(acknowledged.getOrDefault(t, Set.of()));
                lost.removeAll(present);
                assertTrue(lost.isEmpty(), t + " lost acknowledged inserts " + lost);
                if (failed == null) {
                    assertEquals(List.of(), rows(c, "SELECT code FROM " + t + ".items GROUP BY code HAVING count(*) > 1"),
                            "duplicates in " + t);
                }
            }
            System.out.println("WriterWindowTest: change " + (failed == null ? "committed" : "failed " + failed.getSQLState())
                    + ", writes attempted=" + attempts + " acknowledged="
                    + acknowledged.values().stream().mapToInt(Set::size).sum());
        }
    }

    /** Inserts rows into random tenants (some repeating a code while the change runs) until stopped; returns the attempts. */
    private static int write(Path pm, List<String> tenants, int writer, AtomicBoolean stop, AtomicBoolean changing,
                             int duplicateOneIn, Map<String, Set<String>> acknowledged) throws SQLException {
        Random random = new Random(writer);
        int attempts = 0;
        while (!stop.get()) {
            String tenant = tenants.get(random.nextInt(tenants.size()));
            String tag = "w" + writer + "-" + attempts++;
            String code = changing.get() && duplicateOneIn > 0 && random.nextInt(duplicateOneIn) == 0 ? "seed" + random.nextInt(20) : tag;
            try (Connection c = open(pm, "tenant=" + tenant);
                 PreparedStatement insert = c.prepareStatement("INSERT INTO items(code, tag) VALUES (?, ?)")) {
                insert.setString(1, code);
                insert.setString(2, tag);
                insert.executeUpdate();
                acknowledged.computeIfAbsent(tenant, k -> ConcurrentHashMap.newKeySet()).add(tag);
            } catch (SQLException e) {
                // refused: a duplicate once the index is there (23505), or a write the sealed change refuses (40001)
                if (!e.getSQLState().equals("23505") && !e.getSQLState().equals("40001")) {
                    throw e;
                }
            }
        }
        return attempts;
    }
}
