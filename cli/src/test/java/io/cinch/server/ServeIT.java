package io.cinch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cinch serve} from the packaged {@code cinch.jar} as a child process, reached by a child JVM that holds only
 * the packaged driver jar, sqlite-jdbc and Caffeine; and stopped with SIGTERM while a statement runs.
 */
class ServeIT {

    private static final Path CINCH_JAR = Path.of("target", "cinch.jar");
    private static final Path DRIVER_JAR = Path.of("..", "driver", "target",
            "cinch-" + System.getProperty("cinch.version", "0.1.0-SNAPSHOT") + ".jar");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;
    Process server;
    BufferedReader serverOutput;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroyForcibly().waitFor();
        }
    }

    /** Starts the server and returns its URL, read from its first line. */
    private String serve(String... more) throws IOException {
        assertTrue(Files.isRegularFile(CINCH_JAR), "run after mvn package: " + CINCH_JAR.toAbsolutePath());
        List<String> command = new ArrayList<>(List.of(JAVA, "-cp", CINCH_JAR.toString(), "io.cinch.server.ServeCommand",
                "--project", dir.resolve("project").toString(), "--port", "0"));
        command.addAll(List.of(more));
        server = new ProcessBuilder(command).redirectErrorStream(true).start();
        serverOutput = new BufferedReader(new InputStreamReader(server.getInputStream()));
        Matcher m = waitFor(Pattern.compile("cinch serve: .* on (jdbc:cinch://\\S+)"));
        return m.group(1);
    }

    private Matcher waitFor(Pattern pattern) throws IOException {
        for (String line; (line = serverOutput.readLine()) != null; ) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return m;
            }
        }
        throw new AssertionError("server ended without printing " + pattern);
    }

    @Test
    void theTutorialRunsOnThePackagedDriverAgainstThePackagedServer() throws Exception {
        String url = serve();
        assertTrue(Files.isRegularFile(DRIVER_JAR), "run after mvn package: " + DRIVER_JAR.toAbsolutePath());
        String dependencies = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("sqlite-jdbc") || entry.contains("caffeine"))
                .collect(Collectors.joining(File.pathSeparator));
        String classPath = Path.of("target", "test-classes") + File.pathSeparator + DRIVER_JAR + File.pathSeparator
                + dependencies;
        Process client = new ProcessBuilder(JAVA, "-verbose:class", "-cp", classPath,
                "io.cinch.server.TutorialClient", url).redirectErrorStream(true).start();
        List<String> lines = new String(client.getInputStream().readAllBytes()).lines().toList();
        assertEquals(0, client.waitFor(), String.join("\n", lines.stream().filter(l -> !l.contains("[class,")).toList()));
        List<String> printed = lines.stream().filter(l -> !l.startsWith("[")).toList();
        assertEquals(List.of("inserted 1", "inserted 1", "inserted 1", "linked 3", "product SQLite", "stats acme_corp 1 3"), printed);
        List<String> loaded = lines.stream().filter(l -> l.contains("[class,load]")).toList();
        assertTrue(loaded.stream().anyMatch(l -> l.contains(" io.cinch.shaded.hc.")), "the relocated HTTP client");
        assertTrue(loaded.stream().noneMatch(l -> l.contains(" org.apache.hc.") || l.contains(" org.apache.calcite.")
                || l.contains(" com.google.")), "nothing unrelocated");
    }

    @Test
    void sigtermLetsTheRunningStatementFinishThenClosesTheFiles() throws Exception {
        String url = serve("--log-statements");
        Connection c = DriverManager.getConnection(url); // not closed: the server is gone when the test could
        {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t(x INTEGER)");
                s.execute("INSERT INTO t VALUES (1)");
            }
            String slow = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000000) "
                    + "SELECT count(*) FROM n";
            CompletableFuture<Long> running = CompletableFuture.supplyAsync(() -> {
                try {
                    ResultSet rs = c.createStatement().executeQuery(slow); // not closed: the server is stopping
                    rs.next();
                    return rs.getLong(1);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            waitFor(Pattern.compile("runs: WITH RECURSIVE"));
            server.toHandle().destroy(); // SIGTERM; Process.destroy() would also close the output read below
            assertEquals(20_000_000L, running.get(5, TimeUnit.MINUTES));
        }
        waitFor(Pattern.compile("cinch serve: stopped"));
        assertTrue(server.waitFor(1, TimeUnit.MINUTES));
        try (Stream<Path> files = Files.walk(dir.resolve("project"))) {
            List<String> wal = files.map(Path::toString).filter(f -> f.endsWith("-wal") || f.endsWith("-shm")).toList();
            assertEquals(List.of(), wal, "files left open");
        }
    }
}
