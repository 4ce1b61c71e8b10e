package io.cinch.clients;

import static io.cinch.Projects.open;
import static io.cinch.Projects.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cinch.Projects;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jOOQ's code generator (3.19, SQLite's meta database) run against a branch: classes for its tables, that compile. */
class JooqCodegenTest {

    @TempDir
    Path dir;

    @Test
    void generatesCompilableClassesForTheBranchsTables() throws Exception {
        Path pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('acme')", "CALL cinch.create_branch('feature')", "CALL cinch.switch_branch('feature')",
                    "CALL cinch.create_table('projects', 'name:TEXT description:TEXT?')",
                    "CREATE TABLE tasks (id INTEGER PRIMARY KEY, project_id TEXT NOT NULL REFERENCES projects(id), title TEXT NOT NULL)");
        }
        Path out = dir.resolve("generated");
        GenerationTool.generate(new Configuration()
                .withJdbc(new Jdbc().withDriver("io.cinch.jdbc.CinchDriver").withUrl(Projects.url(pm, "branch=feature", "tenant=acme")))
                .withGenerator(new Generator()
                        .withDatabase(new Database().withName("org.jooq.meta.sqlite.SQLiteDatabase").withExcludes("sqlite_.*"))
                        .withTarget(new Target().withPackageName("com.example.pm").withDirectory(out.toString()))));

        Path tables = out.resolve("com/example/pm/tables");
        assertTrue(Files.exists(tables.resolve("Projects.java")) && Files.exists(tables.resolve("Tasks.java")), "generated: " + list(out));
        String tasks = Files.readString(tables.resolve("Tasks.java"));
        assertTrue(tasks.contains("TableField<TasksRecord, String> PROJECT_ID"), tasks);
        assertTrue(Files.readString(out.resolve("com/example/pm/Keys.java")).contains("TASKS__"), "the foreign key is generated");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        List<String> args = new java.util.ArrayList<>(List.of("-d", dir.resolve("classes").toString(),
                "-cp", System.getProperty("java.class.path"), "-proc:none"));
        args.addAll(list(out).stream().filter(p -> p.endsWith(".java")).toList());
        assertEquals(0, javac.run(null, null, errors, args.toArray(String[]::new)), errors.toString(StandardCharsets.UTF_8));
    }

    private static List<String> list(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(Path::toString).toList();
        }
    }
}
