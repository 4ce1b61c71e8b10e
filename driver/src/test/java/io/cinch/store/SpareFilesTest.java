package io.cinch.store;

import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cinch.Projects;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConnection;

/**
 * Spare tenant files (issue 9, materialization): SQLite takes a spare's log as its own, a burst of first writes makes
 * spares that later first writes claim at the branch's schema version only, and spares outlive neither the burst nor
 * the process that made them.
 */
class SpareFilesTest {

    @TempDir
    Path dir;

    @BeforeEach
    void project() throws Exception {
        try (Connection c = open(dir)) {
            run(c, "CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT)");
            for (int i = 0; i < 10; i++) {
                run(c, "CALL cinch.create_tenant('t" + i + "')");
            }
        }
    }

    @Test
    void sqliteReadsTheLogOfAWalImageSoTheFirstCommitAppendsToIt() throws Exception {
        Path file = dir.resolve("plain.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            run(c, "PRAGMA journal_mode=WAL", "CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT)",
                    "PRAGMA user_version = 7");
        }
        assertFalse(Files.exists(Path.of(file + "-wal")), "closing the last connection removes the log");
        byte[] image = Files.readAllBytes(file);
        int pageSize = WalImage.pageSize(image);
        Files.write(Path.of(file + "-wal"), WalImage.of(image));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            ((SQLiteConnection) c).getDatabase()._exec("PRAGMA wal_autocheckpoint = 0");
            run(c, "INSERT INTO items(name) VALUES ('first')");
            assertEquals(32 + 2L * (24 + pageSize), Files.size(Path.of(file + "-wal")),
                    "the commit's frame follows the image's frame (a log SQLite refused would be written from its start)");
            assertEquals(List.of("ok"), rows(c, "PRAGMA integrity_check"));
            assertEquals(List.of("7"), rows(c, "PRAGMA user_version"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals(List.of("first"), rows(c, "SELECT name FROM items"));
        }
    }

    @Test
    void aSingleFirstWriteMakesNoSpare() throws Exception {
        try (Connection c = open(dir, "tenant=t0")) {
            run(c, "INSERT INTO items(name) VALUES ('t0')");
        }
        Thread.sleep(300);
        assertEquals(List.of(), filesUnder(dir.resolve("data/spares")));
        assertEquals(List.of(), premade());
    }

    @Test
    void firstWritesTooFarApartForABurstFindASpareFromTheSecondOnWithItsConnectionOpen() throws Exception {
        try (Connection c = open(dir, "tenant=t0")) {
            run(c, "INSERT INTO items(name) VALUES ('t0')");
            Thread.sleep(1_100); // longer than a burst's gap
            c.setSchema("t1");
            run(c, "INSERT INTO items(name) VALUES ('t1')");
        }
        List<Path> made = awaitSpares(1);
        Thread.sleep(1_100);
        Project project = Project.acquire(dir, false, null);
        try {
            long opened = project.files().openedByThisThread();
            try (Connection c = open(dir, "tenant=t2")) {
                run(c, "INSERT INTO items(name) VALUES ('t2')");
            }
            assertEquals(opened, project.files().openedByThisThread(), "the first write opened no SQLite connection");
            Tenant t2 = project.tenant(project.branch(project.database("main"), "main"), "t2");
            assertTrue(made.contains(project.file(t2)), "t2's file is the spare: " + project.file(t2));
        } finally {
            project.release();
        }
        Project.closeUnused();
        assertEquals(List.of(), filesUnder(dir.resolve("data/spares")), "no lock stays after the project closed");
    }

    @Test
    void aFirstWriteWithoutASpareWritesItsFileAsASpareIsWrittenAndItsCommitAppendsToTheLogImage() throws Exception {
        try (Connection c = open(dir, "tenant=t0")) {
            run(c, "INSERT INTO items(name) VALUES ('t0')");
            List<Path> files = filesUnder(dir.resolve("data/1/1"));
            Path file = files.stream().filter(f -> f.toString().endsWith(".db") && !f.endsWith("template.db"))
                    .findFirst().orElseThrow();
            assertEquals(Set.of(file, Path.of(file + "-wal"), Path.of(file + "-shm")),
                    files.stream().filter(f -> f.getFileName().toString().startsWith(file.getFileName().toString()))
                            .collect(Collectors.toSet()),
                    "the file, its log and SQLite's shared memory, nothing temporary: " + files);
            int pageSize = WalImage.pageSize(Files.readAllBytes(file));
            assertEquals(32 + 2L * (24 + pageSize), Files.size(Path.of(file + "-wal")),
                    "the commit's frame follows the log image's, so SQLite did not start (and sync) a new log");
            assertEquals(List.of("t0"), rows(c, "SELECT name FROM items"));
        }
        assertEquals(List.of(), premade(), "a single first write makes its file at the path named by the tenant's id");
    }

    @Test
    void aProjectMadeBeforeTenantsCouldClaimSparesWhereTheyWereMadeOpensAndGetsTheirColumn() throws Exception {
        try (Connection c = open(dir, "tenant=t9")) {
            run(c, "INSERT INTO items(name) VALUES ('t9')");
        }
        Project.closeUnused();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("cinch.db"))) {
            run(raw, "ALTER TABLE tenants DROP COLUMN premade");
        }
        burst();
        awaitSpares(1);
        try (Connection c = open(dir, "tenant=t3")) {
            run(c, "INSERT INTO items(name) VALUES ('t3')");
        }
        try (Connection c = open(dir, "tenant=t9")) {
            assertEquals(List.of("t9"), rows(c, "SELECT name FROM items"));
            c.setSchema("t3");
            assertEquals(List.of("t3"), rows(c, "SELECT name FROM items"));
        }
        Project.closeUnused();
    }

    @Test
    void aFirstWriteInABurstClaimsASpareWithItsConnectionOpenAndTheUnclaimedSparesButOneGoWhenTheBurstIsOver()
            throws Exception {
        burst();
        List<Path> made = awaitSpares(1);
        Path t3File;
        Project project = Project.acquire(dir, false, null);
        try {
            long opened = project.files().openedByThisThread();
            try (Connection c = open(dir, "tenant=t3")) {
                run(c, "INSERT INTO items(name) VALUES ('t3')");
                assertEquals(List.of("t3"), rows(c, "SELECT name FROM items"));
            }
            assertEquals(opened, project.files().openedByThisThread(), "the first write opened no SQLite connection");
            t3File = project.file(project.tenant(project.branch(project.database("main"), "main"), "t3"));
            assertTrue(made.contains(t3File), "t3's file is a spare, where it was made: " + t3File);
        } finally {
            project.release();
        }
        try (Connection c = open(dir)) {
            List<String> tenants = rows(c, "CALL cinch.list_tenants()");
            assertTrue(tenants.stream().anyMatch(r -> r.startsWith("t3|") && r.contains("|true")), tenants.toString());
            assertTrue(tenants.stream().anyMatch(r -> r.startsWith("t4|") && r.contains("|false")), tenants.toString());
            assertEquals(11, tenants.size(), "main and t0..t9, no spare: " + tenants);
        }
        Thread.sleep(SpareFiles.IDLE_MS);
        long deadline = System.currentTimeMillis() + SpareFiles.IDLE_MS * 5;
        // t2, the burst's third first write, may have claimed a spare too (spares start after the second)
        while (unclaimed().size() > 1 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(1, unclaimed().size(), "one spare kept for the next first write: " + premade());
        Project.closeUnused();
        assertEquals(List.of(), filesUnder(dir.resolve("data/spares")), "no lock stays after the project closed");
        assertEquals(List.of(), unclaimed(), "only claimed spares stay: " + premade());
        assertTrue(premade().contains(t3File), "t3's spare stays: " + premade());
        try (Connection c = open(dir, "tenant=t3")) {
            assertEquals(List.of("t3"), rows(c, "SELECT name FROM items"));
        }
    }

    @Test
    void aTenantOnAClaimedSpareIsRenamedCopiedBackedUpRestoredBranchedAndDeletedLikeAnyOther() throws Exception {
        burst();
        List<Path> made = awaitSpares(1);
        try (Connection c = open(dir, "tenant=t3")) {
            run(c, "INSERT INTO items(name) VALUES ('before')");
        }
        Path file;
        Project project = Project.acquire(dir, false, null);
        try {
            file = project.file(project.tenant(project.branch(project.database("main"), "main"), "t3"));
            assertTrue(made.contains(file), "t3 claimed a spare: " + file);
        } finally {
            project.release();
        }
        try (Connection c = open(dir)) {
            run(c, "CALL cinch.backup_tenant('t3', 'b.db')", "INSERT INTO t3.items(name) VALUES ('after')",
                    "CALL cinch.copy_tenant('t3', 'copy')", "CALL cinch.rename_tenant('t3', 'renamed')",
                    "CALL cinch.create_branch('dev')");
            assertEquals(List.of("before", "after"), rows(c, "SELECT name FROM copy.items ORDER BY id"));
            assertEquals(List.of("before", "after"), rows(c, "SELECT name FROM renamed.items ORDER BY id"));
            run(c, "CALL cinch.restore_tenant('renamed', 'b.db')");
            assertEquals(List.of("before"), rows(c, "SELECT name FROM renamed.items ORDER BY id"));
            try (Connection dev = open(dir, "branch=dev", "tenant=renamed")) {
                assertEquals(List.of("before", "after"), rows(dev, "SELECT name FROM items ORDER BY id"),
                        "the branch copied the file as it was when the branch was made");
            }
            run(c, "CALL cinch.delete_tenant('renamed')");
        }
        assertFalse(Files.exists(file), "deleting the tenant deleted its file where the spare was made");
    }

    /** Three first writes in a row (tenants t0..t2): a burst, after which the branch keeps spares. */
    private void burst() throws Exception {
        for (int i = 0; i < 3; i++) {
            try (Connection c = open(dir, "tenant=t" + i)) {
                run(c, "INSERT INTO items(name) VALUES ('t" + i + "')");
            }
        }
    }

    @Test
    void aSpareMadeBeforeASchemaChangeIsNotClaimed() throws Exception {
        burst();
        awaitSpares(1);
        try (Connection c = open(dir)) {
            run(c, "ALTER TABLE items ADD COLUMN qty INTEGER");
        }
        Project project = Project.acquire(dir, false, null);
        try {
            Branch main = project.branch(project.database("main"), "main");
            Tenant t5 = project.tenantFiles().materialize(project.tenant(main, "t5"));
            assertEquals(2, rawUserVersion(project.file(t5)), "the file is at the branch's version before any catch-up");
        } finally {
            project.release();
        }
    }

    @Test
    void closingTheProjectDeletesItsUnclaimedSparesAndOpeningItDeletesThoseOfAStoppedProcess() throws Exception {
        burst();
        awaitSpares(1);
        Project.closeUnused();
        assertEquals(List.of(), filesUnder(dir.resolve("data/spares")), "no lock is left");
        assertEquals(List.of(), unclaimed(), "no unclaimed spare is left");

        String stopped = UUID.randomUUID().toString();
        Path unclaimed = dir.resolve("data/1/1/premade/" + stopped + "/0/7.db");
        Files.createDirectories(unclaimed.getParent());
        Files.write(unclaimed, new byte[8192]);
        Files.write(dir.resolve("data/spares/" + stopped + ".lock"), new byte[0]);
        Path earlierVersion = dir.resolve("data/spares/" + UUID.randomUUID());
        Files.createDirectories(earlierVersion);
        Files.write(earlierVersion.resolve("1-1.image"), new byte[8192]);
        Path notCinchs = dir.resolve("data/spares/notes.txt");
        Files.write(notCinchs, new byte[1]);
        try (Connection c = open(dir, "tenant=t5")) {
            assertEquals(List.of("0"), rows(c, "SELECT count(*) FROM items"));
        }
        assertFalse(Files.exists(unclaimed), "an unclaimed spare of a process whose lock is free is deleted");
        assertFalse(Files.exists(dir.resolve("data/1/1/premade/" + stopped)), "with its directories");
        assertFalse(Files.exists(dir.resolve("data/spares/" + stopped + ".lock")));
        assertFalse(Files.exists(earlierVersion), "an earlier version's spare directory without a lock is deleted");
        assertTrue(Files.exists(notCinchs), "a file cinch did not make stays");
        Project.closeUnused();
    }

    @Test
    void theSparesOfAKilledProcessThatTenantsClaimedStayAndTheOthersGo() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                BurstThenWait.class.getName(), dir.toString()).redirectErrorStream(true).start();
        CompletableFuture.delayedExecutor(60, TimeUnit.SECONDS).execute(child::destroyForcibly); // a child that hangs fails
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("ready")) {
                System.out.println("child: " + line);
            }
            assertEquals("ready", line, "the child made spares");
        } finally {
            child.destroyForcibly().waitFor(); // SIGKILL: nothing of the child's clean-up runs
        }
        List<Path> left = premade();
        Project.closeUnused(); // a project opens anew, as a process started after the killed one
        try (Connection c = open(dir)) {
            for (int i = 0; i < 6; i++) {
                c.setSchema("t" + i);
                assertEquals(List.of("t" + i), rows(c, "SELECT name FROM items"), "t" + i + "'s row");
                assertEquals(List.of("ok"), rows(c, "PRAGMA quick_check"));
            }
        }
        assertEquals(List.of(), filesUnder(dir.resolve("data/spares")), "the killed child's lock is deleted");
        Project project = Project.acquire(dir, false, null);
        try {
            Branch main = project.branch(project.database("main"), "main");
            Set<Path> files = new HashSet<>();
            for (int i = 0; i < 10; i++) {
                Tenant t = project.tenant(main, "t" + i);
                if (t.materialized()) {
                    files.add(project.file(t));
                }
            }
            List<Path> claimed = left.stream().filter(files::contains).toList();
            assertTrue(claimed.size() >= 1 && left.size() > claimed.size(),
                    "the killed child left claimed and unclaimed spares: " + left + ", tenants' files " + files);
            assertEquals(claimed, premade(), "the claimed spares stay, the others go");
        } finally {
            project.release();
        }
    }

    /**
     * Makes a burst of first writes (t0..t5, the last three on spares) and waits for spares beyond them, then says
     * "ready" and sleeps.
     */
    public static final class BurstThenWait {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            Project project = Project.acquire(dir, false, null);
            long branchId = project.branch(project.database("main"), "main").id();
            for (int i = 0; i < 6; i++) {
                while (i >= 3 && project.spares().ready(branchId) < 1) {
                    Thread.sleep(10); // t3..t5 claim spares
                }
                try (Connection c = open(dir, "tenant=t" + i)) {
                    run(c, "INSERT INTO items(name) VALUES ('t" + i + "')");
                }
            }
            while (project.spares().ready(branchId) < 1) {
                Thread.sleep(10);
            }
            System.out.println("ready");
            Thread.sleep(60_000);
        }
    }

    @Test
    void theSparesOfAProcessWhoseLockIsHeldStay() throws Exception {
        String live = UUID.randomUUID().toString();
        Path spare = dir.resolve("data/1/1/premade/" + live + "/0/1.db");
        Files.createDirectories(spare.getParent());
        Files.write(spare, new byte[8192]);
        Path lock = dir.resolve("data/spares/" + live + ".lock");
        Files.createDirectories(lock.getParent());
        try (ChildLock held = ChildLock.hold(lock)) {
            try (Connection c = open(dir, "tenant=t1")) {
                assertEquals(List.of("0"), rows(c, "SELECT count(*) FROM items"));
            }
            assertTrue(Files.exists(spare), "a live process's spares stay");
        }
        Project.closeUnused();
    }

    /** The spare images of this process, once at least {@code count} are ready to be claimed in branch main. */
    private List<Path> awaitSpares(int count) throws Exception {
        Project project = Project.acquire(dir, false, null);
        try {
            long branchId = project.branch(project.database("main"), "main").id();
            long deadline = System.currentTimeMillis() + 20_000;
            while (project.spares().ready(branchId) < count && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(project.spares().ready(branchId) >= count, "spares ready in time");
        } finally {
            project.release();
        }
        return premade();
    }

    /** The spare files in the project's branch directories, claimed or not. */
    private List<Path> premade() throws Exception {
        return filesUnder(dir.resolve("data")).stream()
                .filter(p -> p.toString().contains("/premade/") && p.toString().endsWith(".db")).toList();
    }

    /** The spare files that no tenant claimed. */
    private List<Path> unclaimed() throws Exception {
        Set<Path> tenants = Projects.tenantFiles(dir);
        return premade().stream().filter(p -> !tenants.contains(p)).toList();
    }

    private static List<Path> filesUnder(Path root) {
        return Files.exists(root) ? Projects.filesUnder(root) : List.of();
    }

    private static int rawUserVersion(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file.toUri().getRawPath() + "?mode=ro")) {
            return Integer.parseInt(rows(c, "PRAGMA user_version").get(0));
        }
    }

    /** Holds a lock on the file named by its argument (as a live owner of a spare directory does) for 30 s. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            try (FileChannel c = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE); var held = c.lock()) {
                Thread.sleep(30_000);
            }
        }
    }

    /** A lock on a file held by another process, as a live owner of a spare directory holds its lock. */
    private record ChildLock(Process process) implements AutoCloseable {
        static ChildLock hold(Path lock) throws Exception {
            Files.write(lock, new byte[0]);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    LockHolder.class.getName(), lock.toString()).start();
            long deadline = System.currentTimeMillis() + 5_000;
            while (System.currentTimeMillis() < deadline) {
                try (FileChannel c = FileChannel.open(lock, StandardOpenOption.WRITE)) {
                    var tried = c.tryLock();
                    if (tried == null) {
                        return new ChildLock(p);
                    }
                    tried.release();
                }
                Thread.sleep(10);
            }
            p.destroyForcibly();
            throw new IllegalStateException("the child did not take the lock");
        }

        @Override
        public void close() throws Exception {
            process.destroyForcibly().waitFor();
        }
    }
}
