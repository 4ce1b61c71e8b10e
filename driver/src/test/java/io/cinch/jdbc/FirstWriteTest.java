package io.cinch.jdbc;

import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lazy tenant's first write (its materialization) leaves the connection's other statements and results intact. */
class FirstWriteTest {

    @TempDir
    Path dir;
    Path pm;

    @BeforeEach
    void project() throws Exception {
        pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE items(id INTEGER PRIMARY KEY, n INTEGER)", "CALL cinch.create_tenant('fresh')");
        }
    }

    private boolean materialized(String tenant) throws Exception {
        try (Connection c = open(pm)) {
            return rows(c, "CALL cinch.list_tenants()").stream().anyMatch(r -> r.startsWith(tenant + "|") && r.contains("|true"));
        }
    }

    @Test
    void rowsReadFromOneStatementAreAllInsertedByAnotherAcrossTheFirstWrite() throws Exception {
        assertFalse(materialized("fresh"));
        List<Integer> counts = new ArrayList<>();
        try (Connection c = open(pm, "tenant=fresh");
             Statement read = c.createStatement();
             PreparedStatement insert = c.prepareStatement("INSERT INTO items(n) VALUES (?)");
             Statement other = c.createStatement()) {
            other.executeUpdate("UPDATE items SET n = n WHERE 0");
            int before = other.getUpdateCount();
            try (ResultSet rs = read.executeQuery(
                    "SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5")) {
                while (rs.next()) {
                    insert.setInt(1, rs.getInt(1));
                    counts.add(insert.executeUpdate());
                    assertEquals(1, insert.getUpdateCount());
                }
            }
            assertEquals(before, other.getUpdateCount(), "another statement's update count survives the first write");
            assertEquals(List.of(1, 1, 1, 1, 1), counts);
            assertEquals(List.of("1", "2", "3", "4", "5"), rows(c, "SELECT n FROM items ORDER BY n"));
        }
        assertTrue(materialized("fresh"));
        try (Connection c = open(pm, "tenant=fresh")) {
            assertEquals(List.of("1", "2", "3", "4", "5"), rows(c, "SELECT n FROM items ORDER BY n"));
        }
    }

    @Test
    void aTransactionThatReadsAndThenWritesALazyTenantCommits() throws Exception {
        try (Connection c = open(pm, "tenant=fresh")) {
            c.setAutoCommit(false);
            assertEquals(List.of("0"), rows(c, "SELECT count(*) FROM items"));
            try (Statement read = c.createStatement();
                 ResultSet rs = read.executeQuery("SELECT 10 UNION ALL SELECT 20")) {
                assertTrue(rs.next());
                run(c, "INSERT INTO items(n) VALUES (" + rs.getInt(1) + ")");
                assertTrue(rs.next());
                run(c, "INSERT INTO items(n) VALUES (" + rs.getInt(1) + ")");
                assertFalse(rs.next());
            }
            assertEquals(List.of("10", "20"), rows(c, "SELECT n FROM items ORDER BY n"));
            c.commit();
        }
        try (Connection c = open(pm, "tenant=fresh")) {
            assertEquals(List.of("10", "20"), rows(c, "SELECT n FROM items ORDER BY n"));
        }
    }

    @Test
    void aRolledBackFirstWriteLeavesNoRow() throws Exception {
        try (Connection c = open(pm, "tenant=fresh")) {
            c.setAutoCommit(false);
            run(c, "INSERT INTO items(n) VALUES (1)");
            c.rollback();
            assertEquals(List.of("0"), rows(c, "SELECT count(*) FROM items"));
        }
    }

    @Test
    void generatedKeysOfTheFirstWriteAndTheNext() throws Exception {
        try (Connection c = open(pm, "tenant=fresh");
             Statement read = c.createStatement();
             ResultSet open = read.executeQuery("SELECT 7 UNION ALL SELECT 8");
             PreparedStatement insert = c.prepareStatement("INSERT INTO items(n) VALUES (?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            assertTrue(open.next());
            insert.setInt(1, open.getInt(1));
            assertEquals(1, insert.executeUpdate());
            try (ResultSet keys = insert.getGeneratedKeys()) {
                assertTrue(keys.next());
                assertEquals(1, keys.getLong(1));
            }
            assertTrue(open.next(), "the open result set survives the first write");
            insert.setInt(1, open.getInt(1));
            assertEquals(1, insert.executeUpdate());
            try (ResultSet keys = insert.getGeneratedKeys()) {
                assertTrue(keys.next());
                assertEquals(2, keys.getLong(1));
            }
            assertEquals(List.of("1|7", "2|8"), rows(c, "SELECT id, n FROM items ORDER BY id"));
        }
    }
}
