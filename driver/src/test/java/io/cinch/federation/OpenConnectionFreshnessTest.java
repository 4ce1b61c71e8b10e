package io.cinch.federation;

import io.cinch.Projects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An open {@code tenant=*} connection answers from the tenants as they are now: new rows, new, deleted and renamed tenants. */
class OpenConnectionFreshnessTest {
    @TempDir
    Path dir;
    Connection all;

    static final String COUNTS = "SELECT _tenant, COUNT(*) FROM tasks GROUP BY _tenant";

    @BeforeEach
    void build() throws Exception {
        all = TenantProject.build(dir, 6).crossTenant();
        Rows.query(all, COUNTS); // plans and caches what a first query caches
    }

    @AfterEach
    void close() throws SQLException {
        all.close();
    }

    private List<List<Object>> expectedCounts() throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> r : Loop.rows(dir, "SELECT COUNT(*) FROM tasks")) {
            if ((Long) r.get(1) > 0) {
                out.add(r);
            }
        }
        return Rows.sorted(out);
    }

    private void write(String tenant, String... sql) throws SQLException {
        try (Connection c = Projects.open(dir, "tenant=" + tenant)) {
            Projects.run(c, sql);
        }
    }

    @Test
    void seesRowsWrittenAfterItOpened() throws SQLException {
        write("t001", "INSERT INTO tasks(project_id, title, status, priority) VALUES ('p1', 'new', 'open', 'low')",
                "DELETE FROM tasks WHERE status = 'done'");
        assertEquals(expectedCounts(), Rows.sorted(Rows.query(all, COUNTS)));
    }

    @Test
    void seesATenantCreatedAndWrittenAfterItOpened() throws SQLException {
        try (Connection main = Projects.open(dir)) {
            Projects.run(main, "CALL cinch.create_tenant('late')");
        }
        assertEquals(List.of(Rows.row("late", false)), Rows.query(all, "SELECT name, materialized FROM cinch.tenants WHERE name = 'late'"));
        write("late", "INSERT INTO tasks(project_id, title, status, priority) VALUES ('p1', 'first', 'open', 'low')");
        List<List<Object>> counts = Rows.sorted(Rows.query(all, COUNTS));
        assertTrue(counts.contains(Rows.row("late", 1)), counts.toString());
        assertEquals(expectedCounts(), counts);
        assertEquals(List.of(Rows.row("late", true)), Rows.query(all, "SELECT name, materialized FROM cinch.tenants WHERE name = 'late'"));
    }

    @Test
    void seesTheFirstWriteOfATenantThatWasLazyWhenItLastRead() throws SQLException {
        String lazy = Rows.query(all, "SELECT name FROM cinch.tenants WHERE NOT materialized ORDER BY name").get(0).get(0).toString();
        write(lazy, "INSERT INTO tasks(project_id, title, status, priority) VALUES ('p1', 'first', 'open', 'low')");
        assertEquals(expectedCounts(), Rows.sorted(Rows.query(all, COUNTS)));
        assertTrue(Rows.query(all, COUNTS).contains(List.of(lazy, 1L)));
    }

    @Test
    void forgetsADeletedTenant() throws SQLException {
        try (Connection main = Projects.open(dir)) {
            Projects.run(main, "CALL cinch.delete_tenant('t002')");
        }
        List<List<Object>> counts = Rows.sorted(Rows.query(all, COUNTS));
        assertFalse(counts.stream().anyMatch(r -> r.get(0).equals("t002")), counts.toString());
        assertEquals(expectedCounts(), counts);
        assertEquals(List.of(), Rows.query(all, "SELECT name FROM cinch.tenants WHERE name = 't002'"));
    }

    @Test
    void tagsRowsWithATenantsNewName() throws SQLException {
        try (Connection main = Projects.open(dir)) {
            Projects.run(main, "CALL cinch.rename_tenant('t004', 'renamed')");
        }
        List<List<Object>> counts = Rows.sorted(Rows.query(all, COUNTS));
        assertFalse(counts.stream().anyMatch(r -> r.get(0).equals("t004")), counts.toString());
        assertEquals(expectedCounts(), counts);
    }

    @Test
    void preparedQueryRunAgainSeesNewRows() throws SQLException {
        try (PreparedStatement ps = all.prepareStatement("SELECT COUNT(*) FROM tasks WHERE _tenant = 't001'")) {
            long before;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                before = rs.getLong(1);
            }
            write("t001", "INSERT INTO tasks(project_id, title, status, priority) VALUES ('p1', 'one more', 'open', 'low')");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(before + 1, rs.getLong(1));
            }
        }
    }
}
