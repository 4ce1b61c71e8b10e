package io.cinch.store;

import static io.cinch.Projects.open;
import static io.cinch.Projects.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lazy tenant's first write moves the project's count of first writes and leaves its epoch alone, so connections
 * on other tenants keep what they cached; a renamed tenant still moves the epoch.
 */
class FirstWriteCountTest {

    @TempDir
    Path dir;

    @Test
    void aFirstWriteMovesTheCountOfFirstWritesAndNotTheEpoch() throws Exception {
        try (Connection c = open(dir)) {
            run(c, "CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT)", "CALL cinch.create_tenant('t1')");
        }
        Project project = Project.acquire(dir, false, null);
        try (Connection writer = open(dir, "tenant=t1")) {
            long epoch = project.epoch();
            long firstWrites = project.materializations();
            run(writer, "INSERT INTO items(name) VALUES ('first')");
            assertEquals(epoch, project.epoch(), "a first write leaves the epoch");
            assertEquals(firstWrites + 2, project.materializations(), "one first write, committed");
            assertTrue(project.unchangedSince(epoch));

            run(writer, "INSERT INTO items(name) VALUES ('second')");
            assertEquals(firstWrites + 2, project.materializations(), "an ordinary write is no first write");
            run(writer, "CALL cinch.create_tenant('t2')", "CALL cinch.rename_tenant('t2', 't3')");
            assertTrue(project.epoch() > epoch, "a renamed tenant moves the epoch");
        } finally {
            project.release();
        }
    }
}
