package io.cinch.jdbc;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM for tests that need one: {@link #start} launches this class's {@code main} with the test classpath,
 * which runs one of a few small jobs against a cinch project and reports on standard output.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** Starts a child JVM running {@code job} with {@code args}, with extra JVM options, in working directory {@code cwd}. */
    public static Process start(Path cwd, List<String> jvmOptions, String job, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ChildJvm.class.getName());
        command.add(job);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (cwd != null) {
            pb.directory(cwd.toFile());
        }
        return pb.start();
    }

    /** Waits for a child to finish (a safety limit only: nothing is asserted on time) and returns all it printed. */
    public static String finish(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not finish; output:\n" + out);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("child JVM failed with exit code " + p.exitValue() + "; output:\n" + out);
        }
        return out;
    }

    /** As {@link #finish(Process)}, reading the rest of the output through {@code in}, which has read some already. */
    public static String finish(Process p, BufferedReader in) throws Exception {
        StringBuilder out = new StringBuilder();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            out.append(line).append('\n');
        }
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not finish; output:\n" + out);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("child JVM failed with exit code " + p.exitValue() + "; output:\n" + out);
        }
        return out.toString();
    }

    /** Reads one line the child printed, skipping lines that are not for us (such as logging). */
    public static String readLine(BufferedReader in, String prefix) throws IOException {
        StringBuilder skipped = new StringBuilder();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
            skipped.append(line).append('\n');
        }
        throw new AssertionError("child JVM ended before printing '" + prefix + "'; output:\n" + skipped);
    }

    /** A reader of the child's output. */
    public static BufferedReader output(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Jobs:
     * <ul>
     * <li>{@code open <url>}: connects and prints {@code schema=<tenant>} and {@code catalog=<branch>};</li>
     * <li>{@code write <url> <prefix> <rows>}: connects, prints {@code ready}, waits for a line on standard input,
     *     then inserts rows {@code <prefix>-0 .. <prefix>-(rows-1)} into {@code t(v)} one statement at a time
     *     (every tenth in an explicit transaction with a second statement), and prints {@code done};</li>
     * <li>{@code firstwrites <url> <value> <tenants>}: connects, prints {@code ready}, waits for a line on standard
     *     input, then inserts {@code <value>} into {@code t(v)} of tenants {@code lazy0 .. lazy(tenants-1)} in turn,
     *     and prints {@code done};</li>
     * <li>{@code touch <url> <tenants>}: creates that many tenants, writes one row to each (switching with
     *     setSchema), then prints {@code dbfds=<n>}, the number of open file descriptors on {@code .db} files.</li>
     * </ul>
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        switch (args[0]) {
            case "open" -> {
                try (Connection c = DriverManager.getConnection(args[1])) {
                    out.println("schema=" + c.getSchema());
                    out.println("catalog=" + c.getCatalog());
                }
            }
            case "write" -> {
                int rows = Integer.parseInt(args[3]);
                try (Connection c = DriverManager.getConnection(args[1]);
                     PreparedStatement insert = c.prepareStatement("INSERT INTO t(v) VALUES (?)")) {
                    out.println("ready");
                    out.flush();
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                    for (int i = 0; i < rows; i++) {
                        if (i % 10 == 9) {
                            c.setAutoCommit(false);
                            insert.setString(1, args[2] + "-" + i);
                            insert.executeUpdate();
                            try (Statement s = c.createStatement()) {
                                s.executeUpdate("UPDATE t SET v = v WHERE v = '" + args[2] + "-" + i + "'");
                            }
                            c.commit();
                            c.setAutoCommit(true);
                        } else {
                            insert.setString(1, args[2] + "-" + i);
                            insert.executeUpdate();
                        }
                    }
                }
                out.println("done");
            }
            case "firstwrites" -> {
                int tenants = Integer.parseInt(args[3]);
                try (Connection c = DriverManager.getConnection(args[1]); Statement s = c.createStatement()) {
                    out.println("ready");
                    out.flush();
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                    for (int i = 0; i < tenants; i++) {
                        c.setSchema("lazy" + i);
                        s.executeUpdate("INSERT INTO t(v) VALUES ('" + args[2] + "')");
                    }
                }
                out.println("done");
            }
            case "touch" -> {
                int tenants = Integer.parseInt(args[2]);
                try (Connection c = DriverManager.getConnection(args[1]); Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)");
                    for (int i = 0; i < tenants; i++) {
                        s.execute("CALL cinch.create_tenant('t" + i + "')");
                        c.setSchema("t" + i);
                        s.executeUpdate("INSERT INTO t(v) VALUES ('x')");
                    }
                    c.setSchema("main");
                    try (ResultSet rs = s.executeQuery("CALL cinch.list_tenants()")) {
                        int materialized = 0;
                        while (rs.next()) {
                            materialized += rs.getBoolean("materialized") ? 1 : 0;
                        }
                        out.println("materialized=" + materialized);
                    }
                    out.println("dbfds=" + openDbFiles());
                }
            }
            default -> throw new IllegalArgumentException("unknown job " + args[0]);
        }
        out.flush();
    }

    /** The open file descriptors of this process that point at .db files. */
    private static long openDbFiles() throws IOException {
        File[] fds = new File("/proc/self/fd").listFiles();
        long n = 0;
        for (File fd : fds == null ? new File[0] : fds) {
            try {
                if (Files.readSymbolicLink(fd.toPath()).toString().endsWith(".db")) {
                    n++;
                }
            } catch (IOException e) {
                // the descriptor was closed while we looked
            }
        }
        return n;
    }
}
