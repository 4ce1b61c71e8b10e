package io.cinch.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cinch.Projects;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README.md stays honest: its Java snippets run as written (in JShell) and its commands are the ones the build and CI
 * use.
 */
class ReadmeTest {

    /** The repository's root: the parent of this module's directory. */
    private static final Path BASE = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    private static final String BUILD_AND_DEMO = "mvn -B -ntp -q -DskipTests package && ./cinch demo";
    private static final String TEST_COMMAND = "mvn -B -ntp verify";

    private static String readme;

    @TempDir
    Path dir;

    @BeforeAll
    static void readReadme() throws IOException {
        readme = Files.readString(BASE.resolve("README.md"), StandardCharsets.UTF_8);
    }

    /** The bodies of the README's fenced blocks in {@code language}. */
    private static List<String> blocks(String language) {
        Matcher m = Pattern.compile("(?m)^```" + Pattern.quote(language) + "[ \\t]*\\n(.*?)^```", Pattern.DOTALL).matcher(readme);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Runs {@code code} snippet by snippet in a JShell on the test class path; fails on a rejected snippet or an exception. */
    private static void runInJShell(String code) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8);
        try (JShell shell = JShell.builder().executionEngine("local").out(print).err(print).build()) {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                shell.addToClasspath(entry);
            }
            eval(shell, "import java.sql.*;");
            String rest = code;
            while (!rest.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(rest);
                if (info.completeness() != SourceCodeAnalysis.Completeness.COMPLETE
                        && info.completeness() != SourceCodeAnalysis.Completeness.COMPLETE_WITH_SEMI) {
                    fail("incomplete Java in the README (" + info.completeness() + "): " + rest);
                }
                eval(shell, info.source());
                rest = info.remaining();
            }
        }
    }

    private static void eval(JShell shell, String source) {
        for (SnippetEvent event : shell.eval(source)) {
            if (event.exception() != null) {
                String type = event.exception() instanceof EvalException e
                        ? e.getExceptionClassName() : event.exception().getClass().getName();
                fail("README snippet threw " + type + ": " + event.exception().getMessage() + "\n" + source);
            }
            if (event.status() == Snippet.Status.REJECTED) {
                fail("README snippet does not compile: " + shell.diagnostics(event.snippet())
                        .map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.joining("; ")) + "\n" + source);
            }
        }
    }

    /** The README's Java, with its project directory {@code ./pm} moved to {@code project}. */
    private static List<String> javaIn(Path project) {
        List<String> java = blocks("java");
        assertFalse(java.isEmpty(), "the README shows no Java");
        return java.stream().map(code -> code.replace("jdbc:cinch:./pm", "jdbc:cinch:" + project)).toList();
    }

    /** What the connect snippet promises: its table in every tenant of the database, its row in acme_corp only. */
    private static void assertSnippetEffects(Path project) throws SQLException {
        try (Connection c = Projects.open(project, "database=project_manager", "tenant=globex")) {
            assertEquals("0", Projects.value(c, "SELECT COUNT(*) FROM notes"));
            assertEquals(List.of("only acme_corp sees this"), Projects.rows(c, "SELECT body FROM acme_corp.notes"));
            assertEquals("0", Projects.value(c, "SELECT COUNT(*) FROM main.notes"));
        }
    }

    @Test
    void javaSnippetsRunAsWrittenOnAFreshProject() throws SQLException {
        Path project = dir.resolve("pm");
        for (String code : javaIn(project)) {
            runInJShell(code);
        }
        try (Connection c = Projects.open(project, "database=project_manager")) {
            Projects.run(c, "CALL cinch.create_tenant('globex')");
        }
        assertSnippetEffects(project);
    }

    @Test
    void connectSnippetWorksOnceItsTenantExists() throws SQLException {
        Path project = dir.resolve("pm");
        List<String> java = javaIn(project);
        try (Connection c = Projects.open(project, "database=project_manager")) {
            if (java.stream().noneMatch(code -> code.contains("create_tenant('acme_corp')"))) {
                Projects.run(c, "CALL cinch.create_tenant('acme_corp')");
            }
            Projects.run(c, "CALL cinch.create_tenant('globex')");
        }
        java.forEach(ReadmeTest::runInJShell);
        assertSnippetEffects(project);
    }

    private static List<String> commandsOf(String script) {
        return script.lines()
                .map(line -> line.replaceFirst("(^|\\s+)#.*$", "").trim())
                .filter(line -> !line.isEmpty())
                .toList();
    }

    @Test
    void readmeGivesExactlyTheBuildAndTestCommands() {
        List<String> shell = blocks("sh");
        assertFalse(shell.isEmpty(), "the README shows no commands");
        assertEquals(List.of(BUILD_AND_DEMO, TEST_COMMAND), commandsOf(shell.get(0)));
    }

    @Test
    void ciScriptRunsTheReadmesTestCommand() throws IOException {
        Path ci = BASE.resolve(".ci/run");
        assertTrue(Files.isExecutable(ci), ci + " is not executable");
        List<String> maven = commandsOf(Files.readString(ci, StandardCharsets.UTF_8)).stream()
                .filter(line -> line.startsWith("mvn")).toList();
        assertEquals(List.of(TEST_COMMAND), maven);
    }
}
