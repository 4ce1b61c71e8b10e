package io.cinch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An idle connection closed while another connection to its file is lent out (SQLite then keeps its descriptor until
 * the other closes) makes the lent one close when it comes back, so no file stays open twice.
 */
class FilePoolDescriptorsTest {

    @TempDir
    Path dir;

    @Test
    void anIdleHandleEvictedWhileAnotherIsLentLeavesNoSecondDescriptor() throws Exception {
        Path file = walFile(dir.resolve("a.db"));
        FilePool pool = new FilePool(8);
        Handle kept = pool.borrow(file, false, null);
        Handle lent = pool.borrow(file, false, null);
        pool.release(kept);
        pool.evict(file);
        pool.release(lent);
        assertEquals(0, descriptors(file), "descriptors of the file once its connections closed");
    }

    @Test
    void anIdleHandleDroppedByTheBoundWhileAnotherIsLentLeavesNoSecondDescriptor() throws Exception {
        Path file = walFile(dir.resolve("a.db"));
        FilePool pool = new FilePool(1);
        Handle kept = pool.borrow(file, false, null);
        Handle lent = pool.borrow(file, false, null);
        pool.release(kept);
        for (int i = 0; i < 20; i++) {
            // other files through the one-handle cache, so that the kept handle is dropped
            pool.release(pool.borrow(walFile(dir.resolve("other" + i + ".db")), false, null));
        }
        pool.release(lent);
        assertEquals(0, descriptors(file), "descriptors of the file once its connections closed");
    }

    private static Path walFile(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("CREATE TABLE t(x)");
        }
        return file;
    }

    /** This process's open descriptors on {@code file} itself (not its WAL or shared memory). */
    private static long descriptors(Path file) throws IOException {
        String target = file.toRealPath().toString();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().equals(target);
                } catch (IOException closed) {
                    return false;
                }
            }).count();
        }
    }
}
