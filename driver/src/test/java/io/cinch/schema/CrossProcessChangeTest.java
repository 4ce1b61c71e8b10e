package io.cinch.schema;

import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static io.cinch.Projects.url;
import static io.cinch.Projects.value;
import static io.cinch.schema.SchemaSupport.assertState;
import static io.cinch.schema.SchemaSupport.changeSql;
import static io.cinch.schema.SchemaSupport.materialized;
import static io.cinch.schema.SchemaSupport.replayed;
import static io.cinch.schema.SchemaSupport.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema changes and merges made by another process reach the connections already open in this one. */
class CrossProcessChangeTest {

    @TempDir
    Path dir;
    Path pm;

    @BeforeEach
    void project() throws Exception {
        pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)", "CALL cinch.create_tenant('a')",
                    "CALL cinch.create_tenant('c')", "INSERT INTO a.t(v) VALUES ('a1')");
        }
    }

    /** Runs statements in a child JVM on {@code url} and returns its exit code and output. */
    private static String inChild(String url, String... sql) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SqlChild.class.getName(), url));
        command.addAll(List.of(sql));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> said = out.lines().filter(l -> !l.startsWith("SLF4J")).toList();
        return p.waitFor() + (said.isEmpty() ? "" : " " + said);
    }

    @Test
    void openConnectionsSeeAnotherProcesssChangesAtTheirNextStatement() throws Exception {
        try (Connection a = open(pm, "tenant=a"); Connection c = open(pm, "tenant=c")) {
            assertEquals(List.of("1|a1"), rows(a, "SELECT * FROM t"));
            assertEquals(List.of(), rows(c, "SELECT * FROM t"));
            assertEquals("0", inChild(url(pm, "tenant=c"), "ALTER TABLE t ADD COLUMN w TEXT DEFAULT 'dflt'",
                    "CREATE UNIQUE INDEX ux_t_v ON t(v)", "CREATE TABLE t2(x TEXT)"));
            assertEquals(List.of("1|a1|dflt"), rows(a, "SELECT * FROM t"));
            assertState("23505", () -> run(a, "INSERT INTO t(v) VALUES ('a1')"));
            run(a, "INSERT INTO t(v) VALUES ('a2')", "INSERT INTO t2(x) VALUES ('x')");
            assertEquals("dflt", value(a, "SELECT w FROM t WHERE v = 'a2'"));
            run(c, "INSERT INTO t(v) VALUES ('c1')");
            assertEquals(List.of("1|c1|dflt"), rows(c, "SELECT * FROM t"));
            List<String> expected = replayed(changeSql(a, "main"));
            assertEquals(4, changeSql(a, "main").size());
            assertEquals(expected, schema(a));
            assertEquals(expected, schema(c));
            try (ResultSet rs = a.getMetaData().getColumns(null, null, "t", "w")) {
                assertEquals(1, io.cinch.Projects.rows(rs).size());
            }
        }
    }

    @Test
    void anotherProcesssFirstWriteReachesOpenConnectionsOnThatTenant() throws Exception {
        try (Connection c = open(pm, "tenant=c"); Connection a = open(pm, "tenant=a")) {
            assertEquals(List.of(), rows(c, "SELECT * FROM t"));
            assertEquals("0", inChild(url(pm, "tenant=c"), "INSERT INTO t(v) VALUES ('c1')"));
            assertEquals(List.of("1|c1"), rows(c, "SELECT * FROM t"));
            run(c, "INSERT INTO t(v) VALUES ('c2')");
            assertEquals(List.of("1|a1"), rows(a, "SELECT * FROM t"));
            assertEquals(Map.of("a", true, "c", true, "main", false), materialized(a));
        }
        try (Connection c = open(pm, "tenant=c")) {
            assertEquals(List.of("1|c1", "2|c2"), rows(c, "SELECT * FROM t"));
        }
    }

    @Test
    void aChangeAnotherProcessCannotApplyEverywhereChangesNothingHere() throws Exception {
        try (Connection a = open(pm, "tenant=a")) {
            run(a, "INSERT INTO t(v) VALUES ('a1')");
            String child = inChild(url(pm, "tenant=c"), "CREATE UNIQUE INDEX ux_t_v ON t(v)");
            assertEquals("1 [23505", child.substring(0, 8), child);
            assertEquals(1, changeSql(a, "main").size());
            run(a, "INSERT INTO t(v) VALUES ('a1')");
            assertEquals("3", value(a, "SELECT count(*) FROM t"));
        }
    }

    @Test
    void anotherProcesssMergeReachesOpenConnectionsOnTheTarget() throws Exception {
        try (Connection main = open(pm, "tenant=a")) {
            run(main, "CALL cinch.create_branch('feature')");
            assertEquals("1", value(main, "SELECT count(*) FROM t"));
            assertEquals("0", inChild(url(pm, "branch=feature"), "CALL cinch.create_table('notes', 'body:TEXT')",
                    "CALL cinch.merge_into_main()"));
            run(main, "INSERT INTO notes(body) VALUES ('merged elsewhere')");
            assertEquals("merged elsewhere", value(main, "SELECT body FROM notes"));
            assertEquals(Map.of("a", true, "c", false, "main", false), materialized(main));
            assertEquals(replayed(changeSql(main, "main")), schema(main));
        }
    }
}
