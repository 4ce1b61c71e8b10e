package io.cinch.schema;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The child JVM of {@link WritersBoundedFilesTest}, started under a low {@code ulimit -n}: materializes tenants, then
 * runs {@code CREATE UNIQUE INDEX} over them while writer threads insert into random tenants, and prints
 * "change ok" (or "change failed &lt;state&gt; &lt;message&gt;"), "writes &lt;acknowledged&gt;",
 * "rows &lt;expected&gt; &lt;counted&gt;", "tenants with ux_code &lt;n&gt;", "fds baseline=&lt;n&gt; peak=&lt;n&gt;
 * project-peak=&lt;n&gt; handles=&lt;bound&gt;" (all descriptors; those on the project's files) and the descriptors
 * open at the project's peak by kind ("at peak &lt;kind&gt;=&lt;n&gt; ...").
 *
 * <p>Arguments: the project directory, the number of tenants and the number of writer threads.
 */
public final class WritersBoundedFilesChild {

    private WritersBoundedFilesChild() {
    }

    /** Kinds of descriptors the JVM holds whatever cinch does. */
    private static final java.util.Set<String> OWN = java.util.Set.of("jar", "socket-pipe", "other");
    /** How far below the peak the sampler still classifies (reading every link costs a syscall each). */
    private static final int NEAR_PEAK = 8;
    private static final AtomicInteger peak = new AtomicInteger();
    private static final AtomicInteger projectPeak = new AtomicInteger();
    private static volatile Map<String, Integer> atPeak = Map.of();

    /** Runs the steps and exits. */
    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]);
        int tenants = Integer.parseInt(args[1]);
        int writerCount = Integer.parseInt(args[2]);
        Connection c = DriverManager.getConnection("jdbc:cinch:" + project);
        Statement s = c.createStatement();
        s.execute("CREATE TABLE items(id INTEGER PRIMARY KEY, code TEXT, v TEXT)");
        for (int t = 0; t < tenants; t++) {
            s.execute("CALL cinch.create_tenant('t" + t + "')");
            c.setSchema("t" + t); // not t.items: a tenant attached and detached leaves SQLite a descriptor to keep
            s.execute("INSERT INTO items(code, v) VALUES ('c', 'x')");
        }
        c.setSchema("main");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger acknowledged = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < writerCount; w++) {
            Connection wc = DriverManager.getConnection("jdbc:cinch:" + project);
            int id = w;
            Thread writer = new Thread(() -> {
                try (wc; Statement ws = wc.createStatement()) {
                    for (int seq = 0; running.get(); seq++) {
                        wc.setSchema("t" + ThreadLocalRandom.current().nextInt(tenants));
                        ws.executeUpdate("INSERT INTO items(code, v) VALUES ('w" + id + "-" + seq + "', 'x')");
                        acknowledged.incrementAndGet();
                    }
                } catch (SQLException e) {
                    System.out.println("writer failed " + e.getSQLState() + " " + e.getMessage().replace('\n', ' '));
                }
            }, "writer-" + w);
            writers.add(writer);
            writer.start();
        }
        Thread.sleep(500);
        int baseline = openFds();
        peak.set(baseline);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                int now = openFds();
                if (now >= peak.get() - NEAR_PEAK) {
                    Map<String, Integer> kinds = kinds(project);
                    int ours = kinds.entrySet().stream().filter(e -> !OWN.contains(e.getKey()))
                            .filter(e -> !e.getKey().equals("db-extra")).mapToInt(Map.Entry::getValue).sum();
                    if (projectPeak.accumulateAndGet(ours, Math::max) == ours) {
                        atPeak = kinds;
                    }
                }
                peak.accumulateAndGet(now, Math::max);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fd-sampler");
        sampler.setDaemon(true);
        sampler.start();
        try {
            s.execute("CREATE UNIQUE INDEX ux_code ON items(code)");
            System.out.println("change ok");
        } catch (SQLException e) {
            System.out.println("change failed " + e.getSQLState() + " " + e.getMessage().replace('\n', ' '));
        }
        Thread.sleep(500);
        running.set(false);
        for (Thread writer : writers) {
            writer.join();
        }
        sampling.set(false);
        sampler.join();
        System.out.println("fds baseline=" + baseline + " peak=" + peak.get() + " project-peak=" + projectPeak.get()
                + " handles=" + handles());
        StringBuilder kinds = new StringBuilder("at peak");
        atPeak.forEach((kind, n) -> kinds.append(' ').append(kind).append('=').append(n));
        System.out.println(kinds);
        System.out.println("writes " + acknowledged.get());
        int rows = 0;
        int withIndex = 0;
        for (int t = 0; t < tenants; t++) {
            c.setSchema("t" + t);
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM items")) {
                rs.next();
                rows += rs.getInt(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'ux_code'")) {
                rs.next();
                withIndex += rs.getInt(1);
            }
        }
        System.out.println("rows " + (tenants + acknowledged.get()) + " " + rows);
        System.out.println("tenants with ux_code " + withIndex);
        c.close();
    }

    /**
     * This process's open descriptors by kind: a tenant's database, WAL or shared memory ("db", "wal", "shm"),
     * "db-extra" for each tenant database open more than once, the metadata ("cinch.db*"), templates, anything else
     * under the project, jars, sockets and pipes, and the rest.
     */
    private static Map<String, Integer> kinds(Path project) {
        Map<String, Integer> kinds = new TreeMap<>();
        Map<String, Integer> perDb = new TreeMap<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    continue;
                }
                String kind = kind(project.toString(), target);
                kinds.merge(kind, 1, Integer::sum);
                if (kind.equals("db")) {
                    perDb.merge(target, 1, Integer::sum);
                }
            }
        } catch (IOException e) {
            return Map.of("unreadable", 1);
        }
        perDb.values().stream().filter(n -> n > 1).forEach(n -> kinds.merge("db-extra", n - 1, Integer::sum));
        return kinds;
    }

    private static String kind(String project, String target) {
        if (target.endsWith(".jar")) {
            return "jar";
        }
        if (target.startsWith("socket:") || target.startsWith("pipe:") || target.startsWith("anon_inode:")) {
            return "socket-pipe";
        }
        if (!target.startsWith(project)) {
            return "other";
        }
        String name = Path.of(target).getFileName().toString();
        if (name.startsWith("cinch.")) {
            return "metadata";
        }
        if (target.contains("/data/spares")) {
            return "spare";
        }
        if (name.startsWith("template")) {
            return "template";
        }
        if (name.endsWith(".db")) {
            return "db";
        }
        if (name.endsWith(".db-wal")) {
            return "wal";
        }
        if (name.endsWith(".db-shm")) {
            return "shm";
        }
        return "project-other:" + name;
    }

    /** The handle cache's bound as the driver computes it from this process's open-file limit. */
    private static long handles() {
        Integer configured = Integer.getInteger("cinch.idleFiles");
        if (configured != null) {
            return configured;
        }
        long limit = ((com.sun.management.UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getMaxFileDescriptorCount();
        return Math.max(64, Math.min(4096, limit / 8));
    }

    private static int openFds() {
        String[] fds = Path.of("/proc/self/fd").toFile().list();
        return fds == null ? 0 : fds.length;
    }
}
