package io.cinch.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data-dependent schema changes over more materialized tenants than {@code ulimit -n} allows open files, in a child
 * JVM: every change works (or fails whole, naming the tenant) and open descriptors stay within the handle cache's
 * bound plus a small constant.
 */
class BoundedFilesTest {

    static final int TENANTS = 1_200;
    static final int ULIMIT = 1_024;
    /** Descriptors per pooled handle (measured: database, WAL, shared memory and one more) and a margin. */
    static final int FDS_PER_HANDLE = 4;
    static final int MARGIN = 48;

    @TempDir
    Path dir;

    @Test
    void schemaChangesOverMoreTenantsThanTheOpenFileLimitStayWithinTheBound() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "ulimit -n " + ULIMIT + "; exec '" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' " + BoundedFilesChild.class.getName() + " '" + dir.resolve("pm") + "' " + TENANTS;
        Process child = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(10, TimeUnit.MINUTES), out);
        assertEquals(0, child.exitValue(), out);
        List<String> lines = out.lines().map(l -> l.startsWith("fds ") ? l : l.replaceFirst(" peak=\\d+", "")).toList();
        for (String expected : List.of("materialized " + TENANTS, "ok unique", "log unchanged true",
                "tenants with ux_v 0", "ok check", "ok references", "ok as-select", "ok strict", "ok merge",
                "tenants with ux_code_v " + TENANTS)) {
            assertTrue(lines.contains(expected), () -> "missing '" + expected + "' in:\n" + out);
        }
        String duplicate = line(lines, "failed duplicate ", out);
        assertTrue(duplicate.startsWith("failed duplicate 23505 ") && duplicate.contains("t" + TENANTS * 2 / 3),
                () -> "the duplicate must fail with 23505 naming its tenant: " + duplicate);
        assertTrue(line(lines, "failed drop-referenced ", out).startsWith("failed drop-referenced 23503 "), out);
        Matcher fds = Pattern.compile("fds baseline=(\\d+) peak=(\\d+) handles=(\\d+)").matcher(line(lines, "fds ", out));
        assertTrue(fds.matches(), out);
        int baseline = Integer.parseInt(fds.group(1));
        int peak = Integer.parseInt(fds.group(2));
        int handles = Integer.parseInt(fds.group(3));
        System.out.println("BoundedFilesTest: " + TENANTS + " tenants under ulimit -n " + ULIMIT + ": fds baseline="
                + baseline + " peak=" + peak + " handle bound=" + handles);
        int setupPeak = Integer.parseInt(line(out.lines().toList(), "setup peak=", out).substring("setup peak=".length()));
        assertTrue(peak - setupPeak <= MARGIN, () -> "the schema changes opened files beyond what writing tenants one "
                + "after another does (peak during setup " + setupPeak + "):\n" + out);
        assertTrue(peak - baseline <= handles * FDS_PER_HANDLE + MARGIN,
                () -> "open files above the bound: " + fds.group() + "\n" + out);
    }

    private static String line(List<String> lines, String prefix, String out) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("missing '" + prefix + "' in:\n" + out));
    }
}
