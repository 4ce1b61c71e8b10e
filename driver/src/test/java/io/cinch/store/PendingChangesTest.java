package io.cinch.store;

import static io.cinch.Projects.open;
import static io.cinch.Projects.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer whose data breaks the pending change it checked fails that change only: by the time it records the
 * failure, that change may be gone and another pending, which it never checked (ConcurrentChangeTest met this).
 */
class PendingChangesTest {

    @TempDir
    Path dir;

    @Test
    void aWriterFailsOnlyThePendingChangeItChecked() throws Exception {
        try (Connection c = open(dir)) {
            run(c, "CREATE TABLE t(id INTEGER PRIMARY KEY, w TEXT)");
        }
        Project project = Project.acquire(dir, false, null);
        try {
            long branch = project.branch(project.database("main"), "main").id();
            Change checked = change(2, "bad", "CREATE UNIQUE INDEX bad ON t(w)");
            Change next = change(2, "ux", "CREATE UNIQUE INDEX ux ON t(id)");
            project.metadata().write(v -> {
                v.insertPending(branch, List.of(checked), null);
                v.deletePending(branch); // the checked change failed on its own and is forgotten
                v.insertPending(branch, List.of(next), null);
                return null;
            });
            boolean recorded = project.metadata().write(v -> v.failPending(branch, checked.id(), "23505", "stale"));
            assertFalse(recorded, "the change the writer checked is gone: its write must be retried (40001)");
            assertNull(project.metadata().read(v -> v.pending(branch)).orElseThrow().failedState(),
                    "the change pending now was never checked by that writer and must not fail for it");
            boolean current = project.metadata().write(v -> v.failPending(branch, next.id(), "23505", "broken"));
            assertTrue(current, "the change pending now fails for a writer that checked it");
            assertTrue(project.metadata().read(v -> v.pending(branch)).orElseThrow().failedState() != null);
        } finally {
            project.release();
        }
    }

    @Test
    void aReaderSeesAPendingChangeWholeOrNotAtAllWhileItComesAndGoes() throws Exception {
        try (Connection c = open(dir)) {
            run(c, "CREATE TABLE t(id INTEGER PRIMARY KEY, w TEXT)");
        }
        Project project = Project.acquire(dir, false, null);
        try {
            long branch = project.branch(project.database("main"), "main").id();
            Change change = change(2, "ux", "CREATE UNIQUE INDEX ux ON t(w)");
            AtomicBoolean going = new AtomicBoolean(true);
            Thread changer = new Thread(() -> {
                try {
                    while (going.get()) {
                        project.metadata().write(v -> {
                            v.insertPending(branch, List.of(change), null);
                            return null;
                        });
                        project.metadata().write(v -> {
                            v.deletePending(branch);
                            return null;
                        });
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            changer.start();
            try {
                int seen = 0;
                for (int i = 0; i < 20_000 || seen == 0; i++) {
                    Optional<PendingChange> pending = project.metadata().read(v -> v.pending(branch));
                    if (pending.isPresent()) {
                        assertEquals(2, pending.get().version(), "a pending change read whole");
                        seen++;
                    }
                }
            } finally {
                going.set(false);
                changer.join();
            }
        } finally {
            project.release();
        }
    }

    private static Change change(int seq, String id, String sql) {
        return new Change(seq, id, "create_index", id, Set.of("t"), sql, "hash", null);
    }
}
