package io.cinch.schema;

import static io.cinch.Projects.awaitCatchUp;
import static io.cinch.Projects.open;
import static io.cinch.Projects.run;
import static io.cinch.Projects.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query of rows on a tenant whose file the background catch-up has not yet given a new index does not build the
 * index itself nor wait for the file's write lock; a statement that can see indexes gets them first.
 */
class ReadsDuringCatchUpTest {

    @TempDir
    Path dir;

    @Test
    void aQueryOfRowsRunsWithoutTheIndexWhileTheFileIsLocked() throws Exception {
        Path pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT)", "CALL cinch.create_tenant('acme')");
            c.setSchema("acme");
            run(c, "INSERT INTO items(name) VALUES ('a')");
            c.setSchema("main");
        }
        awaitCatchUp(pm);
        Path file;
        try (Stream<Path> files = Files.walk(pm.resolve("data"))) {
            file = files.filter(p -> p.getFileName().toString().matches("[0-9]+\\.db")).findFirst().orElseThrow();
        }
        try (Connection blocker = DriverManager.getConnection("jdbc:sqlite:" + file + "?busy_timeout=0")) {
            run(blocker, "BEGIN IMMEDIATE");
            try (Connection c = open(pm, "busy_timeout=200")) {
                run(c, "CREATE INDEX ix_name ON items(name)");
            }
            try (Connection reader = open(pm, "tenant=acme", "busy_timeout=200")) {
                assertEquals("a", value(reader, "SELECT name FROM items WHERE id = 1"));
            }
            assertEquals("0", value(blocker, "SELECT count(*) FROM sqlite_schema WHERE name = 'ix_name'"));
            run(blocker, "ROLLBACK");
        }
        try (Connection reader = open(pm, "tenant=acme")) {
            assertEquals("a", value(reader, "SELECT name FROM items WHERE id = 1"));
            assertEquals("1", value(reader, "SELECT count(*) FROM sqlite_schema WHERE name = 'ix_name'"));
            run(reader, "INSERT INTO items(name) VALUES ('b')");
        }
        awaitCatchUp(pm);
    }
}
