package io.cinch.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cinch.Projects;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tutorial demo ({@code Tutorial.main}) runs to the end in a given directory and prints each of its milestones. */
class TutorialTest {

    @TempDir
    static Path dir;

    private static Path project;
    private static List<String> lines;

    @BeforeAll
    static void runTutorial() throws Exception {
        project = dir.resolve("tutorial-pm");
        lines = runMain(project);
    }

    private static List<String> runMain(Path target) throws Exception {
        StringWriter captured = new StringWriter();
        Tutorial.runIn(target, new PrintWriter(captured));
        return captured.toString().lines().toList();
    }

    private static List<String> matching(String regex) {
        return lines.stream().filter(l -> l.matches(regex)).toList();
    }

    @Test
    void schemaBranchIsMergedIntoMainAsAFastForward() {
        List<String> merge = matching("\\s*source=initial-schema \\| target=main \\| merge_type=fast_forward \\| changes_merged=3 .*");
        assertEquals(1, merge.size(), String.join("\n", lines));
    }

    @Test
    void onboardingCreatesThreeCustomerTenants() {
        List<String> created = matching("Created tenant: (acme_corp|globex|initech) \\(admin [0-9a-f-]{36}, project [0-9a-f-]{36}\\)");
        assertEquals(3, created.size(), String.join("\n", lines));
    }

    @Test
    void apiAllowsTheOwnTenantRefusesAnotherAndCreatesAProject() {
        Pattern status = Pattern.compile("(GET|POST) /projects .*-> (\\d{3}) .*");
        List<String> statuses = lines.stream().map(status::matcher).filter(Matcher::matches)
                .map(m -> m.group(1) + " " + m.group(2)).toList();
        assertEquals(List.of("GET 200", "GET 403", "POST 201", "GET 200"), statuses);
        assertTrue(lines.stream().anyMatch(l -> l.contains("200 {\"projects\": [\"Getting Started\", \"Website relaunch\"]}")),
                String.join("\n", lines));
    }

    @Test
    void statisticsCountAcmeCorpsUserProjectsAndTasks() {
        Pattern row = Pattern.compile("Row\\[tenant=acme_corp, users=(\\d+), projects=(\\d+), tasks=(\\d+), .*");
        List<Matcher> acme = lines.stream().map(row::matcher).filter(Matcher::matches).toList();
        assertEquals(1, acme.size(), String.join("\n", lines));
        assertEquals(1, Integer.parseInt(acme.get(0).group(1)));
        assertTrue(Integer.parseInt(acme.get(0).group(2)) >= 1);
        assertEquals(3, Integer.parseInt(acme.get(0).group(3)));
        assertEquals(1, matching("Row\\[tenant=umbrella, users=0, projects=0, tasks=0, .*").size());
    }

    @Test
    void backupsOfTheThreeCustomersAreWrittenWithTheirSize() throws java.io.IOException {
        Pattern backup = Pattern.compile("\\s*tenant=(\\w+) \\| file=(\\w+\\.db) \\| size_bytes=(\\d+)");
        List<Matcher> backups = lines.stream().map(backup::matcher).filter(Matcher::matches).toList();
        assertEquals(List.of("acme_corp", "globex", "initech"), backups.stream().map(m -> m.group(1)).toList());
        for (Matcher m : backups) {
            assertTrue(Long.parseLong(m.group(3)) > 0, m.group());
            assertTrue(Files.isRegularFile(io.cinch.jdbc.Check.backup(project, m.group(2))), m.group(2)); // the tenant's own area
        }
    }

    @Test
    void projectItLeavesOpensWithTheCustomersData() throws SQLException {
        try (Connection c = Projects.open(project, "database=project_manager", "tenant=acme_corp")) {
            assertEquals("3", Projects.value(c, "SELECT COUNT(*) FROM tasks"));
            assertEquals(List.of("admin@acme.com|1"), Projects.rows(c, "SELECT email, active FROM users"));
        }
    }

    @Test
    void runningAgainStartsFromAnEmptyProject() throws Exception {
        Path again = dir.resolve("again");
        runMain(again);
        List<String> second = runMain(again);
        assertEquals(3, second.stream().filter(l -> l.startsWith("Created tenant: ")).count());
        try (Connection c = Projects.open(again, "database=project_manager", "tenant=acme_corp")) {
            assertEquals("1", Projects.value(c, "SELECT COUNT(*) FROM users"));
        }
    }

    @Test
    void refusesADirectoryThatIsNotACinchProject() throws IOException {
        Path other = Files.createDirectories(dir.resolve("not-a-project"));
        Files.writeString(other.resolve("keep.txt"), "precious");
        SQLException e = assertThrows(SQLException.class, () -> runMain(other));
        assertEquals("42501", e.getSQLState());
        assertEquals("precious", Files.readString(other.resolve("keep.txt")));
        try (var entries = Files.list(other)) {
            assertEquals(List.of(other.resolve("keep.txt")), entries.toList());
        }
    }

    @Test
    void refusesAProjectItDidNotMakeAndLeavesItIntact() throws Exception {
        Path mine = dir.resolve("someone-elses-project");
        try (Connection c = Projects.open(mine, "database=project_manager")) {
            Projects.run(c, "CALL cinch.create_tenant('precious')");
        }
        SQLException e = assertThrows(SQLException.class, () -> runMain(mine));
        assertEquals("42501", e.getSQLState());
        try (Connection c = Projects.open(mine, "database=project_manager")) {
            assertEquals(2, Projects.rows(c.createStatement().executeQuery("CALL cinch.list_tenants()")).size());
        }
    }

    @Test
    void runsInAnEmptyDirectoryAndKeepsFilesItDidNotMakeWhenRunAgain() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        runMain(empty);
        Files.writeString(empty.resolve("notes.txt"), "mine");
        runMain(empty);
        assertEquals("mine", Files.readString(empty.resolve("notes.txt")));
    }
}
