package io.cinch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 8: the first {@code tenant=*} query of a fresh JVM with and without a class-data-sharing archive, each
 * variant one child JVM per round, the variants taking turns so that the machine's noise hits them alike.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.cinch.bench.FirstQueryRounds [ROUNDS] [CLI_JAR]}: the
 * project is {@link FirstQueryBenchmark}'s (20 tenants x 50 tasks, its query); an archive is trained once by a child
 * JVM that runs the {@code tenant=*} query. With {@code CLI_JAR} (the {@code cinch} command's jar and, beside it, the
 * {@code cinch.jsa} the build trained), the same query also runs through {@code cinch query} as the launcher starts it.
 * Each line gives the time from {@code getConnection} to the last row as the child measured it, and the child's whole
 * life (JVM start to exit) as this process saw it.
 */
public final class FirstQueryRounds {

    /** The flags the {@code ./cinch} launcher adds to every run. */
    static final List<String> LAUNCHER_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private FirstQueryRounds() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        Path cliJar = args.length > 1 ? Path.of(args[1]).toAbsolutePath() : null;
        Path dir = Bench.tempDir("first-rounds");
        try {
            Path project = dir.resolve("project");
            run(List.of(java(), "-cp", classPath(), FirstQueryBenchmark.Build.class.getName(), project.toString()));
            Path archive = dir.resolve("first-query.jsa");
            run(childQuery(List.of("-XX:ArchiveClassesAtExit=" + archive), project, "tenant=*"));

            List<String> shared = List.of("-XX:SharedArchiveFile=" + archive);
            List<String> launcher = new ArrayList<>(LAUNCHER_FLAGS);
            launcher.addAll(shared);
            Map<String, List<String>> variants = new LinkedHashMap<>();
            variants.put("plainTenant", childQuery(List.of(), project, "tenant=t1"));
            variants.put("crossTenant", childQuery(List.of(), project, "tenant=*"));
            variants.put("crossTenant, archive", childQuery(shared, project, "tenant=*"));
            variants.put("crossTenant, launcher flags", childQuery(LAUNCHER_FLAGS, project, "tenant=*"));
            variants.put("crossTenant, launcher flags + archive", childQuery(launcher, project, "tenant=*"));
            variants.put("plainTenant, launcher flags + archive", childQuery(launcher, project, "tenant=t1"));
            if (cliJar != null) {
                variants.put("cinch query --all-tenants, launcher flags", cliQuery(cliJar, LAUNCHER_FLAGS, project));
                List<String> cds = new ArrayList<>(LAUNCHER_FLAGS);
                cds.add("-XX:SharedArchiveFile=" + cliJar.resolveSibling("cinch.jsa"));
                variants.put("cinch query --all-tenants, as ./cinch runs it", cliQuery(cliJar, cds, project));
            }

            Map<String, List<long[]>> times = new LinkedHashMap<>();
            for (int r = 0; r < rounds; r++) {
                for (Map.Entry<String, List<String>> v : variants.entrySet()) {
                    times.computeIfAbsent(v.getKey(), k -> new ArrayList<>()).add(run(v.getValue()));
                }
            }
            System.out.printf(Locale.ROOT, "[bench] first query, %d rounds, load average %s%n", rounds, Bench.loadAverage());
            System.out.printf(Locale.ROOT, "[bench] %-55s %22s %22s%n", "variant", "query ms (median, min)", "JVM life ms (median)");
            for (Map.Entry<String, List<long[]>> t : times.entrySet()) {
                long[] query = t.getValue().stream().mapToLong(a -> a[0]).sorted().toArray();
                long[] life = t.getValue().stream().mapToLong(a -> a[1]).sorted().toArray();
                System.out.printf(Locale.ROOT, "[bench] %-55s %14d %7d %22d%n", t.getKey(), query[query.length / 2],
                        query[0], life[life.length / 2]);
            }
        } finally {
            Bench.deleteTree(dir);
        }
    }

    /** A child JVM running {@link Query} on the benchmark's class path with the given JVM flags. */
    private static List<String> childQuery(List<String> flags, Path project, String tenant) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(flags);
        command.addAll(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-cp", classPath(), Query.class.getName(),
                project.toString(), tenant));
        return command;
    }

    /** The {@code cinch query --all-tenants} command, as {@code ./cinch} runs it (the query time is not split out). */
    private static List<String> cliQuery(Path cliJar, List<String> flags, Path project) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(flags);
        command.addAll(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", cliJar.toString(), "query",
                "--project=" + project, "--all-tenants", FirstQueryBenchmark.QUERY));
        return command;
    }

    /** Runs a child to its end; returns {the query time it printed (or -1), its life in ms}. */
    private static long[] run(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        long life = (System.nanoTime() - start) / 1_000_000;
        if (status != 0) {
            throw new IllegalStateException("exit " + status + " from " + command + ":\n" + out);
        }
        long query = -1;
        for (String line : out.split("\n")) {
            if (line.startsWith("query ms ")) {
                query = Long.parseLong(line.substring("query ms ".length()).trim());
            }
        }
        return new long[] {query, life};
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classPath() {
        return System.getProperty("java.class.path");
    }

    /** One child: {@code getConnection} to the last row of the benchmark's query; prints {@code query ms N}. */
    public static final class Query {
        public static void main(String[] args) throws SQLException {
            long start = System.nanoTime();
            int rows = 0;
            try (Connection c = DriverManager.getConnection("jdbc:cinch:" + args[0] + "?" + args[1]);
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery(FirstQueryBenchmark.QUERY)) {
                while (rs.next()) {
                    rows++;
                }
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (rows == 0) {
                throw new IllegalStateException("no rows");
            }
            System.out.println("query ms " + ms);
        }
    }
}
