package io.cinch.federation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tenants are read in parallel on a bounded number of threads: in a fresh JVM with four processors, one scan of twelve
 * tenants starts helper reader threads ("cinch-tenant-reader", the engine's pool, which only grows when every thread is
 * busy), at most three beside the querying thread.
 */
class ParallelReadsTest {
    @TempDir
    Path dir;

    @Test
    void scanOfManyTenantsUsesHelperThreadsButNoMoreThanTheProcessors() throws Exception {
        List<String> lines = ChildJvm.probe(dir, List.of("-XX:ActiveProcessorCount=4"), "parallel", dir.resolve("project").toString(), "12");
        Matcher m = Pattern.compile("PROBE readers=(\\d+) rows=(\\d+) processors=(\\d+)").matcher(ChildJvm.probeLine(lines));
        assertTrue(m.matches(), ChildJvm.probeLine(lines));
        assertEquals("24", m.group(2), "every tenant's rows");
        assertEquals("4", m.group(3));
        int readers = Integer.parseInt(m.group(1));
        assertTrue(readers >= 1, "tenants were read by helper threads, not one after another: " + readers);
        assertTrue(readers <= 3, "at most processors - 1 helpers beside the querying thread: " + readers);
    }
}
