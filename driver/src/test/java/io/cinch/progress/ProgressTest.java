package io.cinch.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cinch.Projects;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long work reports its steps to listeners, and {@code cinch.list_operations()} shows it while it runs. */
class ProgressTest {

    @TempDir
    Path dir;

    @Test
    void branchCreationReportsEveryTenantAndIsListedWhileItRuns() throws Exception {
        try (Connection c = Projects.open(dir)) {
            Projects.run(c, "CREATE TABLE notes (body TEXT)");
            for (String t : List.of("a", "b", "c")) {
                Projects.run(c, "CALL cinch.create_tenant('" + t + "')", "INSERT INTO " + t + ".notes VALUES ('x')");
            }
        }
        List<Operation.Status> seen = new CopyOnWriteArrayList<>();
        List<String> listed = new CopyOnWriteArrayList<>();
        try (Connection watcher = Projects.open(dir);
             Connection worker = Projects.open(dir);
             AutoCloseable listening = Progress.listen(s -> {
                 seen.add(s);
                 if (s.done() == 2 && !s.finished()) {
                     try {
                         listed.addAll(Projects.rows(watcher.createStatement().executeQuery("CALL cinch.list_operations()")));
                     } catch (Exception e) {
                         throw new AssertionError(e);
                     }
                 }
             })) {
            Projects.run(worker, "CALL cinch.create_branch('copy')");
        }
        List<Operation.Status> mine = seen.stream().filter(s -> s.kind().equals("create_branch")).toList();
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 4L), mine.stream().map(Operation.Status::done).toList());
        assertTrue(mine.get(mine.size() - 1).finished());
        assertEquals(1, listed.size(), listed.toString());
        assertTrue(listed.get(0).matches("\\d+\\|create_branch\\|copy\\|2\\|4\\|.*\\|\\d+"), listed.get(0));
        assertTrue(Progress.running().isEmpty());
    }
}
