package io.cinch.schema;

import static io.cinch.Projects.awaitCatchUp;
import static io.cinch.Projects.open;
import static io.cinch.Projects.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cinch.store.Branch;
import io.cinch.store.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data-dependent change over tenants whose handles the cache holds opens no second descriptor on their files: each
 * tenant keeps one descriptor per file (database, WAL, shared memory) before the change, after it and after catch-up.
 */
class DescriptorsPerFileTest {

    static final int TENANTS = 50;

    @TempDir
    Path dir;

    /**
     * Makes the tenants t0..t49, each written once, so that the pool keeps a handle to each file; the table's own
     * background catch-up is over first, so that only what the test does next can touch the files.
     */
    private static void materializeTenants(Connection c, Path pm) throws Exception {
        run(c, "CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT)");
        awaitCatchUp(pm);
        for (int t = 0; t < TENANTS; t++) {
            run(c, "CALL cinch.create_tenant('t" + t + "')");
        }
        for (int t = 0; t < TENANTS; t++) {
            c.setSchema("t" + t);
            run(c, "INSERT INTO items(name) VALUES ('n" + t + "')");
        }
        c.setSchema("main");
    }

    @Test
    void aChangeOverCachedTenantsKeepsOneDescriptorPerFile() throws Exception {
        Path pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            materializeTenants(c, pm);
            Set<String> tenants = tenantFiles(pm);
            assertEquals(TENANTS * 3, descriptorsPerFile(pm).keySet().stream()
                    .filter(f -> tenants.contains(f.replaceFirst("-(wal|shm)$", ""))).count(),
                    "each tenant's handle is cached (besides those of spare files made ahead in the burst)");
            assertOneDescriptorPerFile(pm, "before the change");
            run(c, "CREATE UNIQUE INDEX ux_name ON items(name)");
            assertOneDescriptorPerFile(pm, "after the change");
            awaitCatchUp(pm);
            assertOneDescriptorPerFile(pm, "after catch-up");
        }
    }

    @Test
    void aChangeWhileAWriterMovesBetweenTenantsKeepsOneDescriptorPerFile() throws Exception {
        Path pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            materializeTenants(c, pm);
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicReference<Exception> failed = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try (Connection w = open(pm)) {
                    for (int i = 0; writing.get(); i++) {
                        w.setSchema("t" + i % TENANTS);
                        run(w, "INSERT INTO items(name) VALUES ('w" + i + "')");
                    }
                } catch (Exception e) {
                    failed.set(e);
                }
            });
            writer.start();
            for (int i = 0; i < 5; i++) {
                run(c, "CREATE UNIQUE INDEX ux_name" + i + " ON items(name)");
            }
            awaitCatchUp(pm);
            writing.set(false);
            writer.join();
            assertEquals(null, failed.get());
            assertOneDescriptorPerFile(pm, "after changes while a writer ran");
        }
    }

    /** The tenants' files, as {@link #descriptorsPerFile} names them. */
    private static Set<String> tenantFiles(Path pm) throws Exception {
        String prefix = pm.toRealPath().toString();
        Project project = Project.acquire(pm, false, null);
        try {
            Branch main = project.branch(project.database("main"), "main");
            Set<String> files = new HashSet<>();
            for (int t = 0; t < TENANTS; t++) {
                files.add(project.file(project.tenant(main, "t" + t)).toRealPath().toString().substring(prefix.length()));
            }
            return files;
        } finally {
            project.release();
        }
    }

    private static void assertOneDescriptorPerFile(Path pm, String when) throws IOException {
        Map<String, Integer> perFile = descriptorsPerFile(pm);
        Map<String, Integer> more = new TreeMap<>(perFile);
        more.values().removeIf(n -> n == 1);
        assertEquals(Map.of(), more, () -> "files open more than once " + when + ": " + more);
    }

    /**
     * A tenant's own file or its WAL or shared memory ({@code .../<tenant-id>.db-wal}, or a spare's {@code
     * .../<n>.db-wal}), not a template.
     */
    private static final Pattern TENANT_FILE = Pattern.compile("/[0-9]+\\.db(-wal|-shm)?$");

    /** Open descriptors of this process on tenants' files under {@code root}, by file name. */
    private static Map<String, Integer> descriptorsPerFile(Path root) throws IOException {
        String prefix = root.toRealPath().toString();
        Map<String, Integer> perFile = new TreeMap<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith(prefix) && TENANT_FILE.matcher(target).find()) {
                        perFile.merge(target.substring(prefix.length()), 1, Integer::sum);
                    }
                } catch (IOException closed) {
                    // closed while listing
                }
            }
        }
        return perFile;
    }
}
