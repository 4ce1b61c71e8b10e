package io.cinch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cinch.Projects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher {@code ./cinch} and the packaged jar, as real processes: the README's CLI tutorial, errors, the shell. */
class LauncherIT {

    private static final Path BASE = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    private static final Path LAUNCHER = BASE.resolve("cinch");

    @TempDir
    Path dir;

    /** What a process printed and how it ended. */
    record Run(int status, String out, String err) {
    }

    private Run run(Path cwd, String... command) throws IOException, InterruptedException {
        return run(cwd, Map.of(), command);
    }

    private Run run(Path cwd, Map<String, String> env, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        int status = builder.start().waitFor();
        return new Run(status, Files.readString(out), Files.readString(err));
    }

    private Run cinch(Path cwd, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        return run(cwd, command.toArray(String[]::new));
    }

    /** The README's CLI tutorial: its block of {@code ./cinch} commands. */
    private static String readmeTutorial() throws IOException {
        String readme = Files.readString(BASE.resolve("README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?ms)^```sh\\n(\\./cinch init.*?)^```").matcher(readme);
        assertTrue(m.find(), "the README has no CLI tutorial");
        return m.group(1);
    }

    @Test
    void readmeTutorialRunsAsWrittenThroughTheLauncher() throws Exception {
        String script = "set -euo pipefail\n" + readmeTutorial().replace("./cinch ", "\"" + LAUNCHER + "\" ");
        Run r = run(dir, "bash", "-c", script);
        assertEquals(0, r.status(), r.out() + r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("fast_forward"), r.out());
        assertTrue(Pattern.compile("(?m)^[0-9a-f-]{36}$").matcher(r.out()).find(), r.out());
        assertTrue(r.out().contains("admin@acme.com  admin"), r.out());
        assertTrue(Pattern.compile("(?m)^acme_corp\\s+0\\s+0\\s+1\\s+0\\s").matcher(r.out()).find(), r.out());
        assertTrue(Files.readString(dir.resolve("acme_corp.json")).contains("\"email\" : \"admin@acme.com\""));
        try (Connection c = Projects.open(dir.resolve("cinch-project"), "create=false", "tenant=acme_corp")) {
            assertEquals("1", Projects.value(c, "SELECT COUNT(*) FROM users WHERE active = 1"));
        }
        Path below = Files.createDirectories(dir.resolve("sub/deeper"));
        Run status = cinch(below, "--format", "csv", "status");
        assertEquals(0, status.status(), status.err());
        assertTrue(status.out().contains(dir.resolve("cinch-project") + ",main,main,2,1,3"), status.out());
    }

    @Test
    void errorsAreOneLineWithTheirSqlStateAndStatus() throws Exception {
        assertEquals(0, cinch(dir, "init").status());
        Run bad = cinch(dir, "tenant", "create", "Not/Valid");
        assertEquals(3, bad.status());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertTrue(bad.err().startsWith("cinch: [42602] "), bad.err());
        Run missing = cinch(dir, "query", "SELECT 1", "--tenant", "nobody");
        assertEquals(4, missing.status());
        assertTrue(missing.err().startsWith("cinch: [3F000] "), missing.err());
        assertEquals(2, cinch(dir, "no-such-command").status());
    }

    @Test
    void helpCreatesNoDirectoryAndTheDemoKeepsWhatItDidNotMake() throws Exception {
        Run help = cinch(dir, "demo", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("Usage: cinch demo"));
        assertFalse(Files.exists(dir.resolve("--help")));
        try (var entries = Files.list(dir)) {
            assertTrue(entries.allMatch(p -> p.getFileName().toString().matches("(out|err).*\\.txt")));
        }
        assertEquals(0, cinch(dir, "init", "mine").status());
        assertEquals(0, cinch(dir, "--project", "mine", "tenant", "create", "precious").status());
        Run refused = cinch(dir, "demo", "mine");
        assertEquals(9, refused.status(), refused.err());
        assertTrue(cinch(dir, "--project", "mine", "tenant", "list").out().contains("precious"));
        Run demo = cinch(dir, "demo", "tutorial");
        assertEquals(0, demo.status(), demo.err());
        assertTrue(demo.out().contains("Same figures as the tutorial's loop over every tenant."), demo.out());
    }

    @Test
    void aCrossTenantQueryMapsCalciteFromTheArchiveTheBuildTrained() throws Exception {
        assertEquals(0, cinch(dir, "init").status());
        assertEquals(0, cinch(dir, "table", "create", "notes", "body:TEXT").status());
        assertEquals(0, cinch(dir, "insert", "notes", "--data", "{\"body\": \"hello\"}").status());
        Path classes = dir.resolve("classes.txt");
        Run query = run(dir, Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load:file=" + classes),
                LAUNCHER.toString(), "query", "--all-tenants", "SELECT _tenant, count(*) FROM notes GROUP BY _tenant");
        assertEquals(0, query.status(), query.err());
        assertTrue(query.out().contains("main"), query.out());
        String planner = Files.readAllLines(classes).stream().filter(l -> l.contains(".volcano.VolcanoPlanner "))
                .findFirst().orElseThrow();
        assertTrue(planner.contains("source: shared objects file (top)"), planner);
    }

    @Test
    void sqlShellRunsOnTheSameUrl() throws Exception {
        assertEquals(0, cinch(dir, "init").status());
        assertEquals(0, cinch(dir, "table", "create", "notes", "body:TEXT").status());
        assertEquals(0, cinch(dir, "insert", "notes", "--data", "{\"body\": \"hello from the shell\"}").status());
        Files.writeString(dir.resolve("script.sql"), "!tables\nSELECT body FROM notes;\n");
        Run sql = cinch(dir, "sql", "-f", dir.resolve("script.sql").toString());
        assertEquals(0, sql.status(), sql.out() + sql.err());
        assertTrue(sql.out().contains("hello from the shell"), sql.out());
        assertTrue(sql.out().contains("NOTES") || sql.out().contains("notes"), sql.out());
    }
}
