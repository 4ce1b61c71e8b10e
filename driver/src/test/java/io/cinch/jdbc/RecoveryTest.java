package io.cinch.jdbc;

import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static io.cinch.Projects.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cinch.store.Project;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a connection leaves behind when it is closed in a transaction or fails to switch: nothing half done. */
class RecoveryTest {

    @TempDir
    Path dir;

    @Test
    void aTransactionLeftOpenInSqlIsRolledBackWhenTheConnectionCloses() throws Exception {
        Path pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE t(x INTEGER)", "INSERT INTO t VALUES (1)");
        }
        try (Connection c = open(pm)) {
            run(c, "BEGIN", "INSERT INTO t VALUES (2)");
        }
        try (Connection c = open(pm)) {
            assertEquals("1", value(c, "SELECT count(*) FROM t"), "the next borrower must not see the uncommitted row");
        }
        try (Connection c = open(pm)) {
            c.setSavepoint("s");
            run(c, "INSERT INTO t VALUES (3)");
        }
        try (Connection c = open(pm)) {
            assertEquals("1", value(c, "SELECT count(*) FROM t"));
            run(c, "INSERT INTO t VALUES (4)");
            assertEquals("2", value(c, "SELECT count(*) FROM t"), "and the file is not left locked");
        }
    }

    @Test
    void aFailedSwitchLeavesTheConnectionOnItsTenant() throws Exception {
        Path pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE t(x INTEGER)", "CALL cinch.create_tenant('b')", "INSERT INTO b.t VALUES (42)");
        }
        Project.closeUnused();
        Path file;
        try (Stream<Path> all = Files.walk(pm.resolve("data"))) {
            file = all.filter(p -> p.getFileName().toString().matches("\\d+\\.db")).findFirst().orElseThrow();
        }
        Files.writeString(file, "not a database ".repeat(1000), StandardCharsets.US_ASCII);
        try (Connection c = open(pm)) {
            run(c, "INSERT INTO t VALUES (1)");
            Check.fails("58030", () -> c.setSchema("b"));
            assertEquals("main", c.getSchema());
            run(c, "INSERT INTO t VALUES (2)");
            assertEquals(List.of("1", "2"), rows(c, "SELECT x FROM t ORDER BY x"));
        }
    }

    @Test
    void aProjectMadeAnewAtTheSamePathHasItsOwnSchema() throws Exception {
        Path pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE alpha(x INTEGER)");
            assertEquals(List.of("alpha"), tables(c));
        }
        Project.closeUnused();
        try (Stream<Path> all = Files.walk(pm)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE beta(id INTEGER PRIMARY KEY, x INTEGER)");
            assertEquals(List.of("beta"), tables(c));
        }
    }

    @Test
    void lockTenantWithAllTenantsIsRefused() {
        Check.fails("42501", () -> DriverManager.getConnection(io.cinch.Projects.url(dir.resolve("pm"), "tenant=*", "lock_tenant=true")));
    }

    private static List<String> tables(Connection c) throws Exception {
        return rows(c.getMetaData().getTables(null, null, "%", new String[] {"TABLE", "VIEW"})).stream().map(r -> r.split("\\|")[2]).toList();
    }
}
