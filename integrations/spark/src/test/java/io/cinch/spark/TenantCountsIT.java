package io.cinch.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code cinch serve} child processes on loopback ports stand for two hosts, each with its own tenants; Spark in
 * local mode counts every tenant's tasks, and the counts must equal those of a query on each tenant's own connection.
 */
class TenantCountsIT {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;
    final List<Process> hosts = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : hosts) {
            p.destroy();
            p.waitFor();
        }
    }

    private String host(String name, Map<String, Integer> tasksPerTenant) throws Exception {
        Path jar = Path.of(System.getProperty("cinch.jar", "../../cli/target/cinch.jar"));
        assertTrue(Files.isRegularFile(jar), "run after mvn package: " + jar.toAbsolutePath());
        Process p = new ProcessBuilder(JAVA, "-cp", jar.toString(), "io.cinch.server.ServeCommand",
                "--project", dir.resolve(name).toString(), "--port", "0").redirectErrorStream(true).start();
        hosts.add(p);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
        Pattern ready = Pattern.compile("cinch serve: .* on (jdbc:cinch://\\S+)");
        String url = null;
        for (String line; url == null && (line = out.readLine()) != null; ) {
            Matcher m = ready.matcher(line);
            url = m.find() ? m.group(1) : null;
        }
        assertTrue(url != null, name + " did not start");
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
        drain.setDaemon(true);
        drain.start();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CALL cinch.create_table('tasks', 'title:TEXT')");
            for (String tenant : tasksPerTenant.keySet()) {
                s.execute("CALL cinch.create_tenant('" + tenant + "')");
            }
        }
        for (Map.Entry<String, Integer> e : tasksPerTenant.entrySet()) {
            try (Connection c = DriverManager.getConnection(url + "?tenant=" + e.getKey());
                 Statement s = c.createStatement()) {
                for (int i = 0; i < e.getValue(); i++) {
                    s.execute("INSERT INTO tasks(title) VALUES ('t" + i + "')");
                }
            }
        }
        return url;
    }

    private static long perTenantQuery(String url, String tenant) throws SQLException {
        try (Connection c = DriverManager.getConnection(url + "?tenant=" + tenant);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM tasks")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void sparkCountsPerTenantAcrossTwoHostsEqualPerTenantQueries() throws Exception {
        String east = host("east", Map.of("acme", 3, "globex", 5, "initech", 0));
        String west = host("west", Map.of("umbrella", 7, "hooli", 2));
        SparkSession spark = SparkSession.builder().master("local[2]").appName("cinch")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        try {
            Map<String, Long> bySpark = new TreeMap<>();
            for (Row r : TenantCounts.count(spark, List.of(east, west), "tasks").collectAsList()) {
                bySpark.put(r.getString(0), r.getLong(1));
            }
            Map<String, Long> byTenant = new TreeMap<>();
            for (String t : List.of("acme", "globex", "initech")) {
                byTenant.put(t, perTenantQuery(east, t));
            }
            for (String t : List.of("umbrella", "hooli")) {
                byTenant.put(t, perTenantQuery(west, t));
            }
            byTenant.values().removeIf(n -> n == 0);
            assertEquals(byTenant, bySpark);
            assertEquals(Map.of("acme", 3L, "globex", 5L, "hooli", 2L, "umbrella", 7L), bySpark);
            assertEquals(List.of("_tenant IN ('acme', 'globex')", "_tenant IN ('initech', 'main')"),
                    List.of(TenantCounts.partitions(TenantCounts.tenants(east + "?tenant=*"), 2)));
        } finally {
            spark.stop();
        }
    }
}
