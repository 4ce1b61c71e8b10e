package io.cinch.jdbc.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every case of the corpus on plain {@code jdbc:sqlite:} and on a lazy cinch tenant, side by side, and compares
 * their transcripts. A case whose transcripts differ must be listed in {@link Deliberate#DOC} with its reason; a
 * listed case whose transcripts agree fails too, so that the list stays true.
 */
class DifferentialTest {

    /** Every difference found, written to {@code target/differential-report.md} at the end. */
    private static final List<String> REPORT = new java.util.concurrent.CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    @org.junit.jupiter.api.AfterAll
    static void writeReport() throws java.io.IOException {
        Files.writeString(Path.of("target", "differential-report.md"), "# Differences found\n\n"
                + String.join("\n", REPORT));
    }

    @TestFactory
    Stream<DynamicTest> everyCaseBehavesAsOnSqliteJdbc() throws Exception {
        Map<String, String> deliberate = Deliberate.load();
        return Corpus.all().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> {
            Path home = Files.createDirectories(dir.resolve(c.id()));
            Transcript plain = run(c, "jdbc:sqlite:" + home.resolve("plain.db"));
            Transcript cinch = run(c, cinchUrl(home.resolve("project")));
            assertTrue(cinch.missingStates().isEmpty(), "errors without SQLState: " + cinch.missingStates());
            String expected = String.join("\n", plain.lines());
            String actual = String.join("\n", cinch.lines());
            if (!expected.equals(actual)) {
                REPORT.add("## " + c.id() + (deliberate.containsKey(c.id()) ? " (deliberate)" : "") + "\n"
                        + Transcript.diff(plain.lines(), cinch.lines()));
            }
            if (deliberate.containsKey(c.id())) {
                assertNotEquals(expected, actual, c.id() + " behaves as on sqlite-jdbc now: remove it from "
                        + Deliberate.DOC);
            } else {
                assertEquals(expected, actual, c.id() + " differs from sqlite-jdbc (sqlite-jdbc first, then cinch); "
                        + "fix it or list it in " + Deliberate.DOC + " with the reason");
            }
        }));
    }

    @Test
    void corpusHasThreeHundredUniqueCasesAndTheListNamesOnlyThem() throws Exception {
        Set<String> ids = new HashSet<>();
        for (Case c : Corpus.all()) {
            if (!ids.add(c.id())) {
                fail("case id used twice: " + c.id());
            }
        }
        assertTrue(ids.size() >= 300, "the corpus has " + ids.size() + " cases");
        List<String> unknown = new ArrayList<>(Deliberate.load().keySet());
        unknown.removeAll(ids);
        assertEquals(List.of(), unknown, Deliberate.DOC + " lists cases the corpus does not have");
    }

    /** A cinch project with a lazy tenant {@code acme}; its URL. */
    private static String cinchUrl(Path project) throws SQLException {
        String url = "jdbc:cinch:" + project;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CALL cinch.create_tenant('acme')");
        }
        return url + "?tenant=acme";
    }

    private static Transcript run(Case c, String url) throws Exception {
        Properties settings = new Properties();
        settings.putAll(c.settings());
        Transcript t = new Transcript();
        try (Connection conn = DriverManager.getConnection(url, settings)) {
            try (Statement s = conn.createStatement()) {
                for (String sql : c.setup()) {
                    t.step("setup " + sql, () -> s.execute(sql));
                }
            }
            c.probe().run(conn, t);
        }
        return t;
    }
}
