package io.cinch.bench;

import io.cinch.server.Server;
import io.cinch.store.Project;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 11: the same operations through {@code cinch serve} (Avatica over loopback HTTP, protobuf; server in this JVM)
 * and in-process: a point SELECT on an open connection, and {@code connect + SELECT + close}. Run with {@code -t 1}
 * for latency and {@code -t 8 -bm thrpt} for throughput with 8 client threads (each thread its own connections).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RemoteBenchmark {

    static final int ROWS = 10_000;

    /**
     * One project with a filled tenant, served on a free loopback port; it closes the clients' connections before it
     * stops the server, since JMH may tear it down before the threads' {@link Client} states.
     */
    @State(Scope.Benchmark)
    public static class Served {
        Path project;
        Server server;
        String local;
        String remote;
        final Queue<Client> clients = new ConcurrentLinkedQueue<>();

        @Setup(Level.Trial)
        public void setup() throws Exception {
            project = Bench.tempDir("remote");
            try (Connection admin = Bench.cinch(project)) {
                Bench.exec(admin, Bench.ITEMS);
                Bench.exec(admin, "CALL cinch.create_tenant('acme')");
            }
            try (Connection c = Bench.cinch(project, "tenant=acme")) {
                Bench.fillItems(c, ROWS);
            }
            server = Server.builder(project).port(0).maxConnections(256).start();
            local = Bench.url(project, "tenant=acme");
            remote = server.url() + "?tenant=acme";
        }

        @TearDown(Level.Trial)
        public void tearDown() throws SQLException {
            for (Client client : clients) {
                client.close();
            }
            server.close();
            Project.closeUnused();
            Bench.deleteTree(project);
        }
    }

    /** Each thread's open connections and statements, and its own sequence of keys; {@link Served} closes them. */
    @State(Scope.Thread)
    public static class Client {
        Connection local;
        Connection remote;
        PreparedStatement localSelect;
        PreparedStatement remoteSelect;
        SplittableRandom random = new SplittableRandom(42);

        @Setup(Level.Trial)
        public void setup(Served served) throws SQLException {
            local = DriverManager.getConnection(served.local);
            remote = DriverManager.getConnection(served.remote);
            localSelect = local.prepareStatement(PointSelectBenchmark.SELECT);
            remoteSelect = remote.prepareStatement(PointSelectBenchmark.SELECT);
            served.clients.add(this);
        }

        void close() throws SQLException {
            localSelect.close();
            remoteSelect.close();
            local.close();
            remote.close();
        }

        int key() {
            return 1 + random.nextInt(ROWS);
        }
    }

    @Benchmark
    public long pointSelectLocal(Client c) throws SQLException {
        return PointSelectBenchmark.select(c.localSelect, c.key());
    }

    @Benchmark
    public long pointSelectRemote(Client c) throws SQLException {
        return PointSelectBenchmark.select(c.remoteSelect, c.key());
    }

    @Benchmark
    public long connectSelectCloseLocal(Served s, Client c) throws SQLException {
        return connectSelectClose(s.local, c.key());
    }

    @Benchmark
    public long connectSelectCloseRemote(Served s, Client c) throws SQLException {
        return connectSelectClose(s.remote, c.key());
    }

    private static long connectSelectClose(String url, int key) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement ps = c.prepareStatement(PointSelectBenchmark.SELECT)) {
            return PointSelectBenchmark.select(ps, key);
        }
    }
}
