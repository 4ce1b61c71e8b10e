package io.cinch.schema;

import static io.cinch.Projects.awaitCatchUp;
import static io.cinch.Projects.open;
import static io.cinch.Projects.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cinch.Projects;
import io.cinch.progress.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background catch-up leaves alone a file this process knows is at the branch's schema: a tenant whose first write
 * came after the change (its file is made at the new schema) keeps the pooled connection a writer holds, where a
 * connection of the catch-up's own would have left a second descriptor and cost that connection when it came back.
 */
class CatchUpOfCurrentFilesTest {

    @TempDir
    Path dir;

    @Test
    void aTenantMaterializedAfterTheChangeKeepsItsLentHandle() throws Exception {
        Path pm = dir.resolve("pm");
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        AtomicBoolean pausedOnce = new AtomicBoolean();
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT)", "CALL cinch.create_tenant('early')",
                    "CALL cinch.create_tenant('late')");
            awaitCatchUp(pm);
            c.setSchema("early");
            run(c, "INSERT INTO items(name) VALUES ('e')");
            Path early;
            try (Stream<Path> files = Files.walk(pm.resolve("data"))) {
                early = files.filter(p -> p.getFileName().toString().matches("[0-9]+\\.db")).findFirst().orElseThrow();
            }
            // the catch-up of the next change holds still after its first file ('early'), its batch already read
            try (AutoCloseable listening = Progress.listen(s -> {
                if (s.kind().equals("catch_up") && s.done() == 1 && pausedOnce.compareAndSet(false, true)) {
                    paused.countDown();
                    try {
                        resume.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            })) {
                run(c, "CREATE INDEX ix_one ON items(name)");
                assertTrue(paused.await(60, TimeUnit.SECONDS), "the catch-up reached its first file");
                // a second change makes the catch-up start again from the first tenant, which now includes 'late',
                // whose file is made at the schema of both changes and held by this connection while it runs
                run(c, "CREATE INDEX ix_two ON items(id, name)");
                c.setSchema("late");
                run(c, "INSERT INTO items(name) VALUES ('l')");
                resume.countDown();
                awaitCatchUp(pm);
            }
            // the tenants' files, not a spare made ahead for the next first write
            Path late = Projects.tenantFiles(pm).stream().filter(p -> !p.equals(early)).findFirst().orElseThrow();
            Map<String, Integer> held = descriptors(late);
            assertEquals(Map.of(".db", 1, ".db-wal", 1, ".db-shm", 1), held, "descriptors of 'late' while it is held");
            c.setSchema("main");
            assertEquals(held, descriptors(late), "'late' keeps its pooled connection once it is given back");
        } finally {
            resume.countDown();
        }
    }

    /** This process's descriptors on a tenant's file, its WAL and its shared memory, by suffix. */
    private static Map<String, Integer> descriptors(Path file) throws IOException {
        String path = file.toRealPath().toString();
        Map<String, Integer> perSuffix = new TreeMap<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.equals(path) || target.equals(path + "-wal") || target.equals(path + "-shm")) {
                        perSuffix.merge(".db" + target.substring(path.length()), 1, Integer::sum);
                    }
                } catch (IOException closed) {
                    // closed while listing
                }
            }
        }
        return perSuffix;
    }
}
