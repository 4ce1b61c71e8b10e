package io.cinch.bench;

import io.cinch.store.Project;
import io.cinch.store.SpareCounts;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Issue 9 at scale, as one long run per mode (each builds its fixtures, prints figures and deletes them):
 * {@code unique N ROWS}, {@code duplicate N ROWS}, {@code many N WRITERS}, {@code firstwrite N [THREADS]},
 * {@code trickle N}, {@code select N ROWS READERS}; cinch and the loop a program without cinch runs, side by side. See README.md.
 */
public final class SchemaAtScale {

    private static final String UNIQUE = "CREATE UNIQUE INDEX ux_name ON items(name)";

    private SchemaAtScale() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int n = Integer.parseInt(args[1]);
        int arg2 = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        int arg3 = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Bench.note("mode %s %s; open-file limit %s; cores %d; load %s", mode, String.join(" ", args), fileLimit(),
                Runtime.getRuntime().availableProcessors(), load());
        switch (mode) {
            case "unique" -> unique(n, arg2, false);
            case "duplicate" -> unique(n, arg2, true);
            case "many" -> many(n, arg2);
            case "firstwrite" -> firstWrite(n, arg2);
            case "trickle" -> trickleOfFirstWrites(n);
            case "select" -> select(n, arg2, arg3);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        Bench.note("done; load %s", load());
        System.exit(0);
    }

    // ---- 1 and 2: CREATE UNIQUE INDEX over N tenants of ROWS rows (with one duplicate in the last tenant) ----

    private static void unique(int n, int rows, boolean duplicate) throws Exception {
        Path project = Bench.tempDir("scale");
        Path plain = Bench.tempDir("scale-raw");
        try {
            materialize(project, n, rows, duplicate ? n - 1 : -1);
            plainFiles(plain, n, rows, duplicate ? n - 1 : -1);
            Project p = Project.acquire(project, false, null);
            try (Connection admin = Bench.cinch(project)) {
                int logBefore = count(admin, "CALL cinch.list_changes()");
                p.catchUp().awaitIdle(600_000);
                OpenFiles fds = OpenFiles.start();
                long t0 = System.nanoTime();
                String error = null;
                try {
                    Bench.exec(admin, UNIQUE);
                } catch (SQLException e) {
                    error = e.getSQLState() + " (" + e.getErrorCode() + "): " + e.getMessage();
                }
                long t1 = System.nanoTime();
                boolean idle = p.catchUp().awaitIdle(3_600_000);
                long t2 = System.nanoTime();
                fds.stop();
                int logAfter = count(admin, "CALL cinch.list_changes()");
                Bench.note("cinch: statement %.2f s (%.3f ms/tenant)%s; until catch-up idle (%s) %.2f s "
                                + "(%.3f ms/tenant); open files %d before, peak %d; load %s",
                        sec(t1 - t0), ms(t1 - t0) / n, error == null ? "" : ", failed with " + error, idle,
                        sec(t2 - t0), ms(t2 - t0) / n, fds.baseline, fds.peak(), load());
                Bench.note("cinch: log %d changes before, %d after; tenant files with ux_name: %d of %d",
                        logBefore, logAfter, filesWithIndex(Bench.tenantFiles(project)), n);
            } finally {
                p.release();
            }
            List<Path> files = Bench.dbFiles(plain);
            OpenFiles fds = OpenFiles.start();
            long t0 = System.nanoTime();
            int done = 0;
            String error = null;
            for (Path file : files) {
                try (Connection c = Bench.raw(file)) {
                    Bench.exec(c, UNIQUE);
                    done++;
                } catch (SQLException e) {
                    error = e.getMessage();
                    break;
                }
            }
            long t1 = System.nanoTime();
            fds.stop();
            Bench.note("loop: %.2f s (%.3f ms/file), %d files changed%s; open files %d before, peak %d; load %s",
                    sec(t1 - t0), ms(t1 - t0) / n, done, error == null ? "" : ", then failed with " + error,
                    fds.baseline, fds.peak(), load());
        } finally {
            Project.closeUnused();
            Bench.deleteTree(project);
            Bench.deleteTree(plain);
        }
    }

    // ---- 3 and 4: many small tenants, one data-dependent change, writers on random tenants ----

    private static void many(int n, int writers) throws Exception {
        Path project = Bench.tempDir("many");
        Path plain = Bench.tempDir("many-raw");
        try {
            materialize(project, n, 1, -1);
            plainFiles(plain, n, 1, -1);
            Project p = Project.acquire(project, false, null);
            try (Connection admin = Bench.cinch(project)) {
                p.catchUp().awaitIdle(600_000);
                Writers quiet = Writers.start(project, n, writers);
                Thread.sleep(20_000);
                quiet.stop("writers, no change running (20 s)");
                Writers busy = Writers.start(project, n, writers);
                OpenFiles fds = OpenFiles.start();
                long t0 = System.nanoTime();
                Bench.exec(admin, UNIQUE);
                long t1 = System.nanoTime();
                boolean idle = p.catchUp().awaitIdle(3_600_000);
                long t2 = System.nanoTime();
                fds.stop();
                busy.stop(String.format(Locale.ROOT, "writers during the change (%.1f s)", sec(t2 - t0)));
                Bench.note("cinch: %s on %d tenants: statement %.2f s (%.3f ms/tenant); until catch-up idle (%s) "
                                + "%.2f s (%.3f ms/tenant); open files %d before, peak %d; load %s",
                        UNIQUE, n, sec(t1 - t0), ms(t1 - t0) / n, idle, sec(t2 - t0), ms(t2 - t0) / n,
                        fds.baseline, fds.peak(), load());
                Bench.note("cinch: tenant files with ux_name: %d of %d",
                        filesWithIndex(Bench.tenantFiles(project)), n);
            } finally {
                p.release();
            }
            OpenFiles fds = OpenFiles.start();
            long t0 = System.nanoTime();
            for (Path file : Bench.dbFiles(plain)) {
                try (Connection c = Bench.raw(file)) {
                    Bench.exec(c, UNIQUE);
                }
            }
            long t1 = System.nanoTime();
            fds.stop();
            Bench.note("loop: %.2f s (%.3f ms/file); open files %d before, peak %d; load %s",
                    sec(t1 - t0), ms(t1 - t0) / n, fds.baseline, fds.peak(), load());
        } finally {
            Project.closeUnused();
            Bench.deleteTree(project);
            Bench.deleteTree(plain);
        }
    }

    // ---- 5: first writes to lazy tenants ----

    /** Thread counts of the first-write runs: one writer, and bursts on 4 and 16 threads. */
    private static final int[] FIRST_WRITE_THREADS = {1, 4, 16};

    /**
     * For each thread count in turn (so both sides of a row run at about the same load): N first writes to lazy
     * tenants, then N second writes to the same tenants (an ordinary autocommit insert on a materialized tenant: the
     * floor at the same durability), then N new plain files; {@code threads} > 0 runs that count only.
     */
    private static void firstWrite(int n, int threads) throws Exception {
        Path project = Bench.tempDir("first");
        Path plain = Bench.tempDir("first-raw");
        int[] counts = threads > 0 ? new int[] {threads} : FIRST_WRITE_THREADS;
        try {
            try (Connection c = Bench.cinch(project)) {
                Bench.exec(c, Bench.ITEMS);
                long c0 = System.nanoTime();
                Bench.createTenants(c, "w", 0, WARM_UP);
                for (int t : counts) {
                    Bench.createTenants(c, "t" + t + "_", 0, n);
                }
                long c1 = System.nanoTime();
                Bench.note("setup: %d create_tenant %.2f s", WARM_UP + counts.length * n, sec(c1 - c0));
            }
            report("cinch", "w", WARM_UP, 1, cinchWrites(project, "w", WARM_UP, 1));
            report("plain", "w", WARM_UP, 1, plainFiles(plain, "w", WARM_UP, 1));
            for (int t : counts) {
                String prefix = "t" + t + "_";
                SpareCounts before = spareCounts(project);
                report("cinch first write", prefix, n, t, cinchWrites(project, prefix, n, t));
                SpareCounts after = spareCounts(project);
                Bench.note("spares: %d made, %d claimed; %d first writes found none ready",
                        after.made() - before.made(), after.claimed() - before.claimed(),
                        after.missed() - before.missed());
                report("cinch second write (ordinary insert)", prefix, n, t, cinchWrites(project, prefix, n, t));
                report("plain new file", prefix, n, t, plainFiles(plain, prefix, n, t));
            }
            if (Bench.tenantFiles(project).size() != WARM_UP + counts.length * n) {
                throw new IllegalStateException("not every tenant got a file");
            }
        } finally {
            Project.closeUnused();
            Bench.deleteTree(project);
            Bench.deleteTree(plain);
        }
    }

    private static SpareCounts spareCounts(Path project) throws SQLException {
        Project p = Project.acquire(project, false, null);
        try {
            return p.spareCounts();
        } finally {
            p.release();
        }
    }

    /**
     * First writes too far apart to count as a burst (a steady trickle of new tenants), against new plain files at
     * the same pace.
     */
    private static void trickleOfFirstWrites(int n) throws Exception {
        Path project = Bench.tempDir("trickle");
        Path plain = Bench.tempDir("trickle-raw");
        try {
            try (Connection c = Bench.cinch(project)) {
                Bench.exec(c, Bench.ITEMS);
                Bench.createTenants(c, "w", 0, WARM_UP);
                Bench.createTenants(c, "l", 0, n);
            }
            report("cinch", "w", WARM_UP, 1, cinchWrites(project, "w", WARM_UP, 1));
            report("plain", "w", WARM_UP, 1, plainFiles(plain, "w", WARM_UP, 1));
            Thread.sleep(3_000); // the warm-up's spares are given up
            SpareCounts before = spareCounts(project);
            long[] cinch = new long[n + 3];
            long[] raw = new long[n + 3];
            try (Connection c = Bench.cinch(project)) {
                for (int i = 0; i < n; i++) {
                    cinch[i] = insertAfterPause(c, "l" + i, "first");
                    long t0 = System.nanoTime();
                    plainFile(plain.resolve("l" + i + ".db"));
                    raw[i] = System.nanoTime() - t0;
                }
            }
            SpareCounts after = spareCounts(project);
            long[] again = new long[n + 3];
            try (Connection c = Bench.cinch(project)) {
                for (int i = 0; i < n; i++) {
                    again[i] = insertAfterPause(c, "l" + i, "again");
                }
            }
            cinch[n] = Arrays.stream(cinch, 0, n).sum();
            raw[n] = Arrays.stream(raw, 0, n).sum();
            again[n] = Arrays.stream(again, 0, n).sum();
            report("cinch first write, 1.1 s apart", "l", n, 1, cinch);
            report("cinch second write to the same tenants, 1.1 s apart (the floor after such a pause)", "l", n, 1,
                    again);
            report("plain new file at the same pace", "l", n, 1, raw);
            Bench.note("spares claimed meanwhile: %d of %d; CPU not measured (0 above)",
                    after.claimed() - before.claimed(), n);
        } finally {
            Project.closeUnused();
            Bench.deleteTree(project);
            Bench.deleteTree(plain);
        }
    }

    /** Waits the trickle's gap, then times {@code setSchema(tenant)} and a one-row INSERT; returns nanoseconds. */
    private static long insertAfterPause(Connection c, String tenant, String name) throws Exception {
        Thread.sleep(TRICKLE_GAP_MS);
        long t0 = System.nanoTime();
        c.setSchema(tenant);
        Bench.exec(c, "INSERT INTO items(name, qty) VALUES ('" + name + "', 1)");
        return System.nanoTime() - t0;
    }

    /** More than the gap between two first writes of a burst. */
    private static final long TRICKLE_GAP_MS = 1_100;

    /** A one-row INSERT into each of the tenants {@code prefix0..n-1}, split among threads, each its own connection. */
    private static long[] cinchWrites(Path project, String prefix, int n, int threads) throws Exception {
        return inThreads(n, threads, (from, to, latencies) -> {
            try (Connection c = Bench.cinch(project)) {
                for (int i = from; i < to; i++) {
                    long s0 = System.nanoTime();
                    c.setSchema(prefix + i);
                    Bench.exec(c, "INSERT INTO items(name, qty) VALUES ('first', 1)");
                    latencies[i] = System.nanoTime() - s0;
                }
            }
        });
    }

    /** A new plain SQLite file (WAL, the table, one row) per item, split among threads. */
    private static long[] plainFiles(Path plain, String prefix, int n, int threads) throws Exception {
        return inThreads(n, threads, (from, to, latencies) -> {
            for (int i = from; i < to; i++) {
                long s0 = System.nanoTime();
                Path file = plain.resolve(prefix + (i / 256)).resolve(i + ".db");
                Files.createDirectories(file.getParent());
                plainFile(file);
                latencies[i] = System.nanoTime() - s0;
            }
        });
    }

    /** A new plain SQLite file: WAL, the table, one row. */
    private static void plainFile(Path file) throws SQLException {
        try (Connection c = Bench.raw(file)) {
            Bench.exec(c, "PRAGMA journal_mode=WAL");
            Bench.exec(c, "PRAGMA synchronous=NORMAL"); // cinch's setting: the same durability
            Bench.exec(c, Bench.ITEMS);
            Bench.exec(c, "INSERT INTO items(name, qty) VALUES ('first', 1)");
        }
    }

    /** Work on items {@code from} (inclusive) to {@code to}, recording each item's nanoseconds. */
    private interface Slice {
        void run(int from, int to, long[] latencies) throws Exception;
    }

    /**
     * Runs {@code n} items split among {@code threads}; returns each item's latency and, last three, the wall time,
     * the CPU time the threads used and the CPU time the whole process used meanwhile (background work included).
     */
    private static long[] inThreads(int n, int threads, Slice slice) throws Exception {
        long[] latencies = new long[n + 3];
        long process0 = processCpu();
        AtomicLong cpu = new AtomicLong();
        List<Thread> running = new ArrayList<>();
        AtomicReference<Exception> failed = new AtomicReference<>();
        long t0 = System.nanoTime();
        for (int k = 0; k < threads; k++) {
            int from = n * k / threads;
            int to = n * (k + 1) / threads;
            Thread th = new Thread(() -> {
                try {
                    slice.run(from, to, latencies);
                } catch (Exception e) {
                    failed.compareAndSet(null, e);
                }
                cpu.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
            });
            th.start();
            running.add(th);
        }
        for (Thread th : running) {
            th.join();
        }
        latencies[n] = System.nanoTime() - t0;
        latencies[n + 1] = cpu.get();
        latencies[n + 2] = processCpu() - process0;
        if (failed.get() != null) {
            throw failed.get();
        }
        return latencies;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** First writes (or new files) made, unmeasured, before the measured ones, so that both run warm. */
    private static final int WARM_UP = 500;

    private static void report(String what, String prefix, int n, int threads, long[] latencies) {
        long wall = latencies[n];
        long[] each = Arrays.copyOf(latencies, n);
        Arrays.sort(each);
        Bench.note("%s%s, %d thread%s: %d writes %.2f s, %.0f/s, %.3f ms each (wall/n); latency mean %.3f ms, "
                        + "p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms; CPU of the writing threads %.3f ms each, "
                        + "of the process %.3f ms each; load %s", what, prefix.equals("w") ? " (warm-up)" : "", threads,
                threads == 1 ? "" : "s", n,
                sec(wall), n / sec(wall), ms(wall) / n, ms(Arrays.stream(each).sum()) / n, ms(each[n / 2]),
                ms(each[(int) (n * 0.9)]), ms(each[(int) (n * 0.99)]), ms(each[n - 1]), ms(latencies[n + 1]) / n,
                ms(latencies[n + 2]) / n, load());
    }

    // ---- 6: point SELECTs while the background catch-up of a plain CREATE INDEX runs ----

    private static void select(int n, int rows, int readers) throws Exception {
        Path project = Bench.tempDir("select");
        try {
            materialize(project, n, rows, -1);
            Project p = Project.acquire(project, false, null);
            try (Connection admin = Bench.cinch(project)) {
                p.catchUp().awaitIdle(600_000);
                Readers quiet = Readers.start(project, n, rows, readers);
                Thread.sleep(20_000);
                quiet.stop("point SELECTs, nothing running (20 s)");
                Readers busy = Readers.start(project, n, rows, readers);
                long t0 = System.nanoTime();
                Bench.exec(admin, "CREATE INDEX ix_qty_name ON items(qty, name)");
                long t1 = System.nanoTime();
                boolean idle = p.catchUp().awaitIdle(3_600_000);
                long t2 = System.nanoTime();
                busy.stop(String.format(Locale.ROOT, "point SELECTs during the catch-up (%.1f s)", sec(t2 - t1)));
                Bench.note("cinch: CREATE INDEX on %d tenants x %d rows: statement %.1f ms; catch-up (%s) %.2f s "
                        + "(%.2f ms/tenant); load %s", n, rows, ms(t1 - t0), idle, sec(t2 - t1), ms(t2 - t1) / n,
                        load());
            } finally {
                p.release();
            }
        } finally {
            Project.closeUnused();
            Bench.deleteTree(project);
        }
    }

    // ---- fixtures ----

    /** A project with tenants t0..t(n-1), each materialized by its first write: one INSERT ... SELECT of {@code rows} rows. */
    private static void materialize(Path project, int n, int rows, int duplicateIn) throws SQLException {
        try (Connection c = Bench.cinch(project)) {
            Bench.exec(c, Bench.ITEMS);
            long t0 = System.nanoTime();
            Bench.createTenants(c, "t", 0, n);
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                c.setSchema("t" + i);
                Bench.exec(c, "INSERT INTO items(id, name, qty) WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL "
                        + "SELECT x + 1 FROM n WHERE x < " + rows + ") SELECT x, 'item-' || x, x % 97 FROM n");
                if (i == duplicateIn) {
                    Bench.exec(c, "INSERT INTO items(name, qty) VALUES ('item-1', 0)");
                }
            }
            long t2 = System.nanoTime();
            Bench.note("setup: %d create_tenant %.1f s; %d first writes of %d rows %.1f s (%.2f ms/tenant)", n,
                    sec(t1 - t0), n, rows, sec(t2 - t1), ms(t2 - t1) / n);
        }
    }

    /** The same tenants as plain files: one built with sqlite-jdbc, copied with Files.copy. */
    private static void plainFiles(Path root, int n, int rows, int duplicateIn) throws Exception {
        long t0 = System.nanoTime();
        Path first = root.resolve("0").resolve("0.db");
        Bench.rawFile(first, rows, 0);
        for (int i = 1; i < n; i++) {
            Path file = root.resolve(Integer.toString(i / 256)).resolve(i + ".db");
            Files.createDirectories(file.getParent());
            Files.copy(first, file);
        }
        if (duplicateIn >= 0) {
            try (Connection c = Bench.raw(root.resolve(Integer.toString(duplicateIn / 256))
                    .resolve(duplicateIn + ".db"))) {
                Bench.exec(c, "INSERT INTO items(name, qty) VALUES ('item-1', 0)");
            }
        }
        Bench.note("setup: %d plain files %.1f s", n, sec(System.nanoTime() - t0));
    }

    /** How many of {@code files} hold index ux_name. */
    private static int filesWithIndex(List<Path> files) throws SQLException {
        int with = 0;
        for (Path file : files) {
            try (Connection c = Bench.raw(file)) {
                if ("1".equals(Bench.value(c,
                        "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'ux_name'"))) {
                    with++;
                }
            }
        }
        return with;
    }

    private static int count(Connection c, String sql) throws SQLException {
        int rows = 0;
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows++;
            }
        }
        return rows;
    }

    // ---- measuring ----

    /**
     * Samples the number of this process's open file descriptors, pausing 9 times as long as a count took (at least
     * 2 ms), so the sampler takes at most a tenth of a core: listing 7,500 descriptors takes milliseconds.
     */
    private static final class OpenFiles {
        final int baseline = count();
        final AtomicInteger peak = new AtomicInteger(baseline);
        final AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler;

        static OpenFiles start() {
            OpenFiles f = new OpenFiles();
            f.sampler = new Thread(() -> {
                while (f.running.get()) {
                    long s = System.nanoTime();
                    f.peak.accumulateAndGet(count(), Math::max);
                    try {
                        Thread.sleep(Math.max(2, 9 * (System.nanoTime() - s) / 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "fd-sampler");
            f.sampler.setDaemon(true);
            f.sampler.start();
            return f;
        }

        void stop() throws InterruptedException {
            running.set(false);
            sampler.join();
        }

        int peak() {
            return peak.get();
        }

        /** Open descriptors, not counting the one listing them. */
        static int count() {
            String[] fds = new File("/proc/self/fd").list();
            return fds == null ? -1 : fds.length - 1;
        }
    }

    /** Threads that each loop over a random tenant and one timed statement on their own cinch connection. */
    private abstract static class Load {
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<Thread> threads = new ArrayList<>();
        final List<long[]> latencies = new ArrayList<>();
        final List<Integer> counts = new ArrayList<>();

        void launch(Path project, int threadCount) throws SQLException {
            for (int t = 0; t < threadCount; t++) {
                Connection c = Bench.cinch(project);
                long[] lat = new long[4_000_000];
                int index = t;
                latencies.add(lat);
                counts.add(0);
                Thread thread = new Thread(() -> {
                    int done = 0;
                    try (c) {
                        while (running.get() && done < lat.length) {
                            long s = System.nanoTime();
                            once(c, index, done);
                            lat[done++] = System.nanoTime() - s;
                        }
                    } catch (SQLException e) {
                        Bench.note("load thread failed: %s %s", e.getSQLState(), e.getMessage());
                    }
                    synchronized (counts) {
                        counts.set(index, done);
                    }
                }, "load-" + t);
                threads.add(thread);
                thread.start();
            }
        }

        abstract void once(Connection c, int thread, int seq) throws SQLException;

        void stop(String label) throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join();
            }
            int total = counts.stream().mapToInt(Integer::intValue).sum();
            long[] all = new long[total];
            int at = 0;
            for (int i = 0; i < latencies.size(); i++) {
                System.arraycopy(latencies.get(i), 0, all, at, counts.get(i));
                at += counts.get(i);
            }
            Arrays.sort(all);
            Bench.note("%s: %d ops on %d threads, p50 %.3f ms, p99 %.3f ms, max %.1f ms", label, total,
                    threads.size(), pct(all, 0.50), pct(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        }
    }

    /** Writers inserting a unique name into a random tenant's items, one statement at a time (autocommit). */
    private static final class Writers extends Load {
        int tenants;

        static Writers start(Path project, int tenants, int threads) throws SQLException {
            Writers w = new Writers();
            w.tenants = tenants;
            w.launch(project, threads);
            return w;
        }

        private static final AtomicInteger ROUND = new AtomicInteger();
        private final int round = ROUND.incrementAndGet();

        @Override
        void once(Connection c, int thread, int seq) throws SQLException {
            c.setSchema("t" + ThreadLocalRandom.current().nextInt(tenants));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO items(name, qty) VALUES (?, 1)")) {
                ps.setString(1, "w" + round + "-" + thread + "-" + seq);
                ps.executeUpdate();
            }
        }
    }

    /** Readers running a point SELECT by primary key on a random tenant. */
    private static final class Readers extends Load {
        int tenants;
        int rows;

        static Readers start(Path project, int tenants, int rows, int threads) throws SQLException {
            Readers r = new Readers();
            r.tenants = tenants;
            r.rows = rows;
            r.launch(project, threads);
            return r;
        }

        @Override
        void once(Connection c, int thread, int seq) throws SQLException {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            c.setSchema("t" + random.nextInt(tenants));
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, qty FROM items WHERE id = ?")) {
                ps.setInt(1, 1 + random.nextInt(rows));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
        }
    }

    private static double pct(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))] / 1e6;
    }

    private static double sec(long nanos) {
        return nanos / 1e9;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String fileLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    return line.substring("Max open files".length()).trim().split("\\s+")[0];
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "?";
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
