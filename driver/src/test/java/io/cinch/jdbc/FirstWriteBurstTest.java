package io.cinch.jdbc;

import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * First writes of many threads at once share metadata transactions: every one commits its row, and a tenant deleted
 * during the burst fails only its own writes (3F000), never another thread's.
 */
class FirstWriteBurstTest {

    private static final int THREADS = 16;
    private static final int PER_THREAD = 25;

    @TempDir
    Path dir;

    @Test
    void aBurstOfFirstWritesLosesNoRowAndADeletedTenantFailsAlone() throws Exception {
        try (Connection c = open(dir)) {
            run(c, "CREATE TABLE items(id INTEGER PRIMARY KEY, who TEXT NOT NULL)");
            for (int i = 0; i < THREADS * PER_THREAD; i++) {
                run(c, "CALL cinch.create_tenant('t" + i + "')");
            }
        }
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> deletedFailures = new ConcurrentLinkedQueue<>();
        List<String> deleted = new ArrayList<>();
        for (int i = 7; i < THREADS * PER_THREAD; i += 50) {
            deleted.add("t" + i);
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < THREADS; k++) {
            int from = k * PER_THREAD;
            threads.add(new Thread(() -> {
                try (Connection c = open(dir)) {
                    start.await();
                    for (int i = from; i < from + PER_THREAD; i++) {
                        try {
                            c.setSchema("t" + i);
                            run(c, "INSERT INTO items(who) VALUES ('t" + i + "')");
                        } catch (SQLException e) {
                            (deleted.contains("t" + i) ? deletedFailures : failures).add("t" + i + ": " + e.getSQLState() + " " + e.getMessage());
                        }
                    }
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }));
        }
        Thread deleter = new Thread(() -> {
            try (Connection c = open(dir)) {
                start.await();
                for (String name : deleted) {
                    run(c, "CALL cinch.delete_tenant('" + name + "')");
                }
            } catch (Exception e) {
                failures.add("deleter: " + e);
            }
        });
        threads.add(deleter);
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(List.of(), List.copyOf(failures));
        for (String f : deletedFailures) {
            assertTrue(f.contains(": 3F000 "), f);
        }
        try (Connection c = open(dir)) {
            List<String> listed = rows(c, "CALL cinch.list_tenants()");
            for (int i = 0; i < THREADS * PER_THREAD; i++) {
                String name = "t" + i;
                if (deleted.contains(name)) {
                    assertTrue(listed.stream().noneMatch(r -> r.startsWith(name + "|")), name);
                    continue;
                }
                assertTrue(listed.stream().anyMatch(r -> r.startsWith(name + "|") && r.contains("|true")), name + " has its file");
                c.setSchema(name);
                assertEquals(List.of(name), rows(c, "SELECT who FROM items"), name);
            }
        }
    }
}
