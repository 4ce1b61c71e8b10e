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
 * {@code CREATE UNIQUE INDEX} over more materialized tenants than {@code ulimit -n} allows open files while writers
 * insert into random tenants, in a child JVM: the change succeeds, no write is lost, and the descriptors open on the
 * project's files stay within the handle cache's bound (three per idle handle) plus a constant that does not grow
 * with tenants.
 */
class WritersBoundedFilesTest {

    static final int TENANTS = 600;
    static final int WRITERS = 2;
    static final int ULIMIT = 512;
    /** A WAL-mode SQLite connection holds the database, its write-ahead log and the shared memory. */
    static final int FDS_PER_HANDLE = 3;
    /**
     * The project's descriptors besides the idle handles': the metadata (5), the template and the schema lock (up to
     * 9), a spare (1), and three per connection lent out: one per writer, per checking thread and per catch-up
     * worker (2 each on 2 cores: 18); 33 in all, with 7 to spare (measured 31 and 32 at the peak, with 600 and with
     * 1,200 tenants; 41 to 63 before each return waited for the cache's eviction, whose overshoot depends on timing).
     * The JVM's own (jars, sockets) are not counted: they depend on the class path, not on cinch.
     */
    static final int CONSTANT = 40;

    @TempDir
    Path dir;

    @Test
    void aChangeWhileWritersRunStaysWithinTheBoundAndLosesNoWrite() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "ulimit -n " + ULIMIT + "; exec '" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' " + WritersBoundedFilesChild.class.getName() + " '" + dir.resolve("pm") + "' " + TENANTS + " "
                + WRITERS;
        Process child = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(5, TimeUnit.MINUTES), out);
        assertEquals(0, child.exitValue(), out);
        List<String> lines = out.lines().toList();
        assertTrue(lines.contains("change ok"), out);
        assertTrue(lines.contains("tenants with ux_code " + TENANTS), out);
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("writer failed")), out);
        Matcher rows = Pattern.compile("rows (\\d+) (\\d+)").matcher(line(lines, "rows ", out));
        assertTrue(rows.matches(), out);
        assertEquals(rows.group(1), rows.group(2), () -> "rows expected (tenants + acknowledged writes), counted:\n" + out);
        assertTrue(Integer.parseInt(line(lines, "writes ", out).substring("writes ".length())) > 0, out);
        Matcher fds = Pattern.compile("fds baseline=(\\d+) peak=(\\d+) project-peak=(\\d+) handles=(\\d+)").matcher(line(lines, "fds ", out));
        assertTrue(fds.matches(), out);
        int projectPeak = Integer.parseInt(fds.group(3));
        int handles = Integer.parseInt(fds.group(4));
        System.out.println("WritersBoundedFilesTest: " + TENANTS + " tenants, " + WRITERS + " writers, ulimit -n "
                + ULIMIT + ": " + fds.group() + "; " + line(lines, "at peak", out));
        assertTrue(projectPeak <= handles * FDS_PER_HANDLE + CONSTANT,
                () -> "open project files above the bound (" + handles + " handles x " + FDS_PER_HANDLE + " + " + CONSTANT
                        + "):\n" + out);
    }

    private static String line(List<String> lines, String prefix, String out) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("missing '" + prefix + "' in:\n" + out));
    }
}
