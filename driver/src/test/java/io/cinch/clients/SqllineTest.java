package io.cinch.clients;

import static io.cinch.Projects.open;
import static io.cinch.Projects.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cinch.Projects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sqlline shell, run headless in a child JVM on a cinch URL, prints procedures, queries and metadata as CSV. */
class SqllineTest {

    @TempDir
    Path dir;

    private Path pm;

    /** What a sqlline run left behind. */
    record Run(int exitCode, List<String> out, String err) {
    }

    @BeforeEach
    void project() throws SQLException {
        pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_table('customers', 'name:TEXT tier:TEXT')",
                    "CALL cinch.create_tenant('acme')",
                    "INSERT INTO acme.customers(name, tier) VALUES ('Bob', 'silver'), ('Ann', 'gold')");
        }
    }

    private Run sqlline(String url, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "sqlline.SqlLine", "-u", url, "-n", "", "-p", "", "-d", "io.cinch.jdbc.CinchDriver",
                "--outputformat=csv", "--maxWidth=200", "--silent=true"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("sqlline did not finish: " + command);
        }
        return new Run(p.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void listTenantsProcedurePrintsOneCsvRowPerTenant() throws Exception {
        Run r = sqlline(Projects.url(pm), "-e", "CALL cinch.list_tenants()");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("'name','created_at','materialized','size_bytes'", r.out().get(0));
        assertEquals(List.of("'acme','true'", "'main','false'"), r.out().subList(1, r.out().size()).stream()
                .map(line -> line.split(","))
                .map(cells -> cells[0] + "," + cells[2])
                .sorted().toList());
    }

    @Test
    void selectPrintsTheTenantsRowsAsCsv() throws Exception {
        Run r = sqlline(Projects.url(pm, "tenant=acme"), "-e", "select name, tier from customers order by name");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("'name','tier'", "'Ann','gold'", "'Bob','silver'"), r.out());

        Run main = sqlline(Projects.url(pm), "-e", "select count(*) as n from customers");
        assertEquals(0, main.exitCode(), main.err());
        assertEquals(List.of("'n'", "'0'"), main.out());
    }

    @Test
    void crossTenantUrlShowsEveryTenantsRowsWithTheirTenant() throws Exception {
        Run r = sqlline(Projects.url(pm, "tenant=*"), "-e", "select _tenant, name from customers order by name");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("'_tenant','name'", "'acme','Ann'", "'acme','Bob'"), r.out());
    }

    @Test
    void sqlErrorExitsWithCode2AndShowsTheSqlState() throws Exception {
        Run r = sqlline(Projects.url(pm), "-e", "select * from no_such_table");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("state=42000"), r.err());
    }

    @Test
    void tablesAndColumnsCommandsShowTheBranchSchemaUnderTheTenant() throws Exception {
        Path script = dir.resolve("metadata.sql");
        Files.writeString(script, "!tables\n!columns customers\n");
        Run r = sqlline(Projects.url(pm, "tenant=acme"), "-f", script.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> tables = r.out().stream().filter(l -> l.contains("'customers','TABLE'")).toList();
        assertEquals(List.of("'main','acme','customers','TABLE'"),
                tables.stream().map(l -> String.join(",", List.of(l.split(",")).subList(0, 4))).toList());
        List<String> columns = r.out().stream()
                .filter(l -> l.startsWith("'main','acme','customers','") && !l.contains("'TABLE'"))
                .map(l -> l.split(","))
                .map(cells -> cells[3] + ":" + cells[5])
                .toList();
        assertEquals(List.of("'id':'TEXT'", "'created_at':'TEXT'", "'updated_at':'TEXT'", "'name':'TEXT'", "'tier':'TEXT'"),
                columns);
    }

    @Test
    void dbinfoAndProceduresCommandsRunWithoutError() throws Exception {
        Path script = dir.resolve("info.sql");
        Files.writeString(script, "!dbinfo\n!procedures\n");
        Run r = sqlline(Projects.url(pm), "-f", script.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().stream().anyMatch(l -> l.matches("getDatabaseProductName\\s+SQLite")), r.out().toString());
        assertTrue(r.out().stream().anyMatch(l -> l.startsWith("'','cinch','list_tenants',")), r.out().toString());
        assertFalse(r.err().contains("Error"), r.err());
    }
}
