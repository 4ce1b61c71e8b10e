package io.cinch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cinch.Projects;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every command, run in-process on a fresh project, with the tutorial's own commands first. */
class CommandsTest {

    /** What a command printed and how it ended. */
    record Result(int status, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void init() {
        project = dir.resolve("pm");
        ok("init", project.toString());
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = Cinch.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("init") && !all.contains("--project")) {
            all.addAll(0, List.of("--project", project.toString()));
        }
        int status = line.execute(all.toArray(String[]::new));
        return new Result(status, out.toString(), err.toString());
    }

    private Result ok(String... args) {
        Result r = run(args);
        assertEquals(0, r.status(), String.join(" ", args) + " -> " + r.err());
        assertEquals("", r.err(), String.join(" ", args));
        return r;
    }

    private void fails(int status, String state, String... args) {
        Result r = run(args);
        assertEquals(status, r.status(), String.join(" ", args) + " -> " + r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("cinch: [" + state + "] "), r.err());
    }

    private void tutorialSchema() {
        ok("branch", "create", "initial-schema");
        ok("branch", "switch", "initial-schema");
        ok("table", "create", "users", "email:TEXT", "name:TEXT", "role:TEXT", "active:BOOLEAN");
        ok("table", "create", "projects", "name:TEXT", "description:TEXT?", "owner_id:TEXT", "status:TEXT");
        ok("table", "create", "tasks", "project_id:TEXT", "title:TEXT", "description:TEXT?", "assignee_id:TEXT?",
                "status:TEXT", "priority:TEXT");
        ok("branch", "merge-into-main");
    }

    @Test
    void tutorialCommandsBuildTheSchemaOnABranchAndOnboardACustomer() throws Exception {
        tutorialSchema();
        ok("tenant", "create", "acme_corp");
        Result insert = ok("insert", "users", "--tenant", "acme_corp", "--data",
                "{\"email\": \"admin@acme.com\", \"name\": \"ACME Admin\", \"role\": \"admin\", \"active\": true}");
        assertEquals("id", insert.lines().get(0));
        assertTrue(insert.lines().get(1).matches("[0-9a-f-]{36}"), insert.out());
        try (Connection c = Projects.open(project, "tenant=acme_corp")) {
            assertEquals(List.of(insert.lines().get(1) + "|admin@acme.com|1"), Projects.rows(c, "SELECT id, email, active FROM users"));
        }
        Result status = ok("--format", "csv", "status");
        assertTrue(status.lines().get(1).endsWith(",main,main,2,1,3"), status.out());
        assertEquals(3, ok("branch", "changes", "main").lines().size() - 1);
    }

    @Test
    void theCheckoutIsRememberedAndOptionsOverrideIt() {
        ok("branch", "create", "feature", "--switch");
        ok("table", "create", "notes", "body:TEXT");
        assertEquals(List.of("table", "notes"), ok("table", "list").lines());
        assertEquals(List.of("table"), ok("table", "list", "--branch", "main").lines());
        fails(9, "42501", "branch", "delete", "feature");
        ok("branch", "switch", "main");
        ok("branch", "delete", "feature");
        fails(5, "3D000", "branch", "switch", "feature");
    }

    @Test
    void databasesAreCreatedSwitchedAndDeleted() {
        ok("db", "create", "project_manager");
        ok("db", "switch", "project_manager");
        ok("tenant", "create", "acme_corp");
        assertTrue(ok("--format", "csv", "status").out().contains(",project_manager,main,"));
        assertEquals(3, ok("db", "list").lines().size());
        ok("db", "switch", "main");
        assertFalse(ok("tenant", "list").out().contains("acme_corp"));
        ok("db", "delete", "project_manager");
        fails(6, "08001", "db", "switch", "project_manager");
    }

    @Test
    void eachKindOfFailureHasItsOwnStatusAndOneLine() {
        tutorialSchema();
        fails(3, "42602", "tenant", "create", "Bad Name");
        fails(4, "3F000", "query", "SELECT * FROM users", "--tenant", "nobody");
        fails(5, "3D000", "branch", "merge", "nowhere");
        fails(7, "42710", "tenant", "create", "main");
        fails(9, "42501", "tenant", "delete", "main");
        fails(11, "42000", "query", "SELECT * FROM missing");
        fails(10, "23502", "insert", "users", "--data", "{\"email\": \"x@y.z\"}");
        fails(8, "55000", "branch", "merge", "initial-schema");
        ok("branch", "create", "left");
        ok("branch", "create", "right");
        ok("--branch", "left", "column", "add", "users", "phone:TEXT?");
        ok("--branch", "right", "column", "add", "users", "fax:TEXT?");
        ok("branch", "merge", "left");
        fails(8, "55000", "branch", "merge", "right");
        fails(6, "08001", "--project", dir.resolve("none").toString(), "tenant", "list");
        assertFalse(Files.exists(dir.resolve("none")));
        assertEquals(2, run("tenant", "frobnicate").status());
    }

    @Test
    void tenantsAreRenamedCopiedBackedUpRestoredAndExported() {
        tutorialSchema();
        ok("tenant", "create", "acme");
        ok("insert", "users", "--tenant", "acme", "--data",
                "[{\"email\": \"a@acme.com\", \"name\": \"A\", \"role\": \"admin\", \"active\": true},"
                        + " {\"email\": \"b@acme.com\", \"name\": \"B\", \"role\": \"user\", \"active\": false}]");
        ok("tenant", "rename", "acme", "acme_corp");
        ok("tenant", "copy", "acme_corp", "acme_copy");
        ok("tenant", "backup", "acme_corp", "before.db");
        ok("delete", "users", "--tenant", "acme_corp", "--where", "role = 'user'");
        assertEquals(List.of("rows", "1"), ok("query", "SELECT COUNT(*) AS rows FROM users", "--tenant", "acme_corp")
                .lines());
        ok("tenant", "restore", "acme_corp", "before.db");
        assertEquals("2", ok("--format", "csv", "query", "SELECT COUNT(*) AS n FROM users", "--tenant", "acme_corp")
                .lines().get(1));
        Result all = ok("--format", "csv", "tenant", "backup", "--all");
        assertEquals(List.of("acme_copy", "acme_corp", "main"), all.lines().stream().skip(1).map(l -> l.split(",")[0]).sorted().toList());
        String json = ok("tenant", "export", "acme_corp").out();
        assertTrue(json.contains("\"users\" : [") && json.contains("\"email\" : \"b@acme.com\"") && json.contains("\"tasks\" : [ ]"), json);
        ok("tenant", "delete", "acme_copy");
        fails(4, "3F000", "query", "SELECT 1", "--tenant", "acme_copy");
    }

    @Test
    void columnsIndexesAndViewsAreChangesOfTheBranch() {
        tutorialSchema();
        ok("column", "add", "users", "phone:TEXT?");
        ok("column", "rename", "users", "phone", "mobile");
        ok("column", "add", "users", "tier:INTEGER", "--default", "1");
        ok("column", "drop", "users", "mobile");
        ok("index", "create", "users", "email", "--unique");
        assertTrue(ok("index", "list").out().contains("idx_users_email"));
        ok("view", "create", "admins", "SELECT email FROM users WHERE role = 'admin'");
        assertTrue(ok("view", "list").out().contains("admins"));
        Result info = ok("--format", "csv", "table", "info", "users");
        assertTrue(info.out().contains("tier,INTEGER,1,'1',0"), info.out());
        ok("view", "drop", "admins");
        ok("index", "drop", "idx_users_email");
        assertEquals(3 + 8, ok("branch", "changes").lines().size() - 1);
        fails(11, "42000", "table", "info", "nothing");
    }

    @Test
    void rowsAreUpdatedAndQueriedInEveryFormat() {
        tutorialSchema();
        ok("tenant", "create", "acme");
        ok("insert", "tasks", "--tenant", "acme", "--data",
                "[{\"project_id\": \"p\", \"title\": \"one, two\", \"status\": \"todo\", \"priority\": \"low\"},"
                        + "{\"project_id\": \"p\", \"title\": \"say \\\"hi\\\"\", \"status\": \"todo\", \"priority\": \"low\"}]");
        assertEquals(List.of("rows", "2"), ok("update", "tasks", "--tenant", "acme", "--data", "{\"status\": \"done\"}",
                "--where", "project_id = 'p'").lines());
        assertEquals(List.of("title", "\"one, two\"", "\"say \"\"hi\"\"\""),
                ok("--format", "csv", "query", "SELECT title FROM tasks ORDER BY title", "--tenant", "acme").lines());
        assertEquals(List.of("title     status", "one, two  done"),
                ok("query", "SELECT title, status FROM tasks ORDER BY title", "--tenant", "acme", "--limit", "1").lines());
        String json = ok("--format", "json", "query", "SELECT COUNT(*) AS n, 'x' AS s, NULL AS z FROM tasks", "--tenant", "acme").out();
        assertEquals("[ { \"n\" : 2, \"s\" : \"x\", \"z\" : null } ]", json.replaceAll("\\s+", " ").strip());
        Result across = ok("--format", "csv", "query", "SELECT _tenant, COUNT(*) AS n FROM tasks GROUP BY _tenant", "--all-tenants");
        assertEquals(List.of("_tenant,n", "acme,2"), across.lines());
        fails(9, "25006", "query", "DELETE FROM tasks", "--all-tenants");
    }

    @Test
    void statsCountEveryTableOfEveryTenantInOneQuery() {
        tutorialSchema();
        ok("tenant", "create", "acme");
        ok("tenant", "create", "lazy");
        ok("insert", "users", "--tenant", "acme", "--data", "{\"email\": \"a\", \"name\": \"A\", \"role\": \"admin\", \"active\": true}");
        ok("insert", "tasks", "--tenant", "acme", "--data",
                "{\"project_id\": \"p\", \"title\": \"t\", \"assignee_id\": \"u1\", \"status\": \"todo\", \"priority\": \"low\"}");
        List<String> stats = ok("--format", "csv", "stats").lines();
        assertEquals("tenant,projects,tasks,users,active_users_7d,created_at", stats.get(0));
        assertTrue(stats.get(1).startsWith("acme,0,1,1,1,"), stats.get(1));
        assertTrue(stats.get(2).startsWith("lazy,0,0,0,0,"), stats.get(2));
    }

    @Test
    void longWorkReportsProgressOnStderrWhenAsked() {
        tutorialSchema();
        for (String t : List.of("a1", "a2", "a3")) {
            ok("tenant", "create", t);
            ok("insert", "users", "--tenant", t, "--data", "{\"email\": \"a\", \"name\": \"A\", \"role\": \"r\", \"active\": true}");
        }
        Result branch = run("--progress", "always", "branch", "create", "copy");
        assertEquals(0, branch.status(), branch.err());
        assertTrue(branch.err().contains("create_branch copy [") && branch.err().contains("] 4/4"), branch.err());
        Result backups = run("--progress", "always", "tenant", "backup", "--all");
        assertTrue(backups.err().contains("backup all tenants [") && backups.err().contains("] 4/4"), backups.err());
        assertEquals("", ok("tenant", "backup", "--all").err());
    }

    @Test
    void initRefusesAProjectOrADirectoryItDidNotMake() throws Exception {
        fails(7, "42710", "init", project.toString());
        Path used = Files.createDirectories(dir.resolve("used"));
        Files.writeString(used.resolve("keep.txt"), "x");
        fails(9, "42501", "init", used.toString());
        assertEquals(List.of(used.resolve("keep.txt")), Files.list(used).toList());
    }

    @Test
    void helpCreatesNothingAndListsExitStatuses() throws Exception {
        Result help = ok("demo", "--help");
        assertTrue(help.out().contains("Usage: cinch demo"));
        Result top = ok("--help");
        assertTrue(top.out().contains("Exit status:") && top.out().contains("55000") && top.out().contains("3F000"));
        Path demo = dir.resolve("demo");
        ok("demo", demo.toString());
        assertTrue(Files.exists(demo.resolve("backups")));
        String completion = ok("generate-completion").out();
        assertTrue(completion.contains("complete") && completion.contains("merge-into-main"));
    }
}
