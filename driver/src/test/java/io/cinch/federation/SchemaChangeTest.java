package io.cinch.federation;

import io.cinch.Projects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A {@code tenant=*} connection opened after a schema change sees the branch's new columns and tables with every tenant's values. */
class SchemaChangeTest {
    @TempDir
    Path dir;
    TenantProject project;

    @BeforeEach
    void build() throws Exception {
        project = TenantProject.build(dir, 6); // t003 lazy, t005 empty
    }

    private static List<String> labels(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                out.add(md.getColumnLabel(i));
            }
            return out;
        }
    }

    @Test
    void newConnectionSeesAnAddedColumnAndItsValues() throws Exception {
        try (Connection t001 = Projects.open(dir, "tenant=t001")) {
            Projects.run(t001, "ALTER TABLE tasks ADD COLUMN effort REAL DEFAULT 1.5",
                    "UPDATE tasks SET effort = points * 0.5 WHERE points > 3");
        }
        try (Connection t002 = Projects.open(dir, "tenant=t002")) {
            Projects.run(t002, "UPDATE tasks SET effort = NULL WHERE status = 'done'");
        }
        // t000 and t004 are not touched after the change: the cross-tenant read is the first to use their files since.
        Set<Path> files = TenantProject.tenantFiles(dir);
        List<List<Object>> actual;
        List<List<Object>> sums;
        try (Connection all = project.crossTenant()) {
            actual = Rows.query(all, "SELECT _tenant, id, effort FROM tasks");
            sums = Rows.query(all, "SELECT _tenant, SUM(effort), COUNT(effort) FROM tasks GROUP BY _tenant");
            List<String> columns = labels(all, "SELECT * FROM tasks");
            assertEquals("effort", columns.get(columns.size() - 1));
        }
        assertEquals(files, TenantProject.tenantFiles(dir), "the lazy tenant stayed lazy");
        assertEquals(Rows.sorted(Loop.rows(dir, "SELECT id, effort FROM tasks")), Rows.sorted(actual));
        List<List<Object>> expectedSums = new ArrayList<>();
        for (List<Object> r : Loop.rows(dir, "SELECT SUM(effort), COUNT(effort), COUNT(*) FROM tasks")) {
            if ((Long) r.get(3) > 0) {
                expectedSums.add(r.subList(0, 3));
            }
        }
        assertEquals(Rows.sorted(expectedSums), Rows.sorted(sums));
        assertFalse(actual.stream().anyMatch(r -> r.get(0).equals("t003")));
    }

    @Test
    void newConnectionSeesANewTableWithTheRowsOfTheTenantsThatWroteIt() throws Exception {
        try (Connection main = Projects.open(dir)) {
            Projects.run(main, "CALL cinch.create_table('notes', 'task_id:TEXT? body:TEXT')");
        }
        for (String tenant : List.of("t001", "t004")) {
            try (Connection c = Projects.open(dir, "tenant=" + tenant)) {
                Projects.run(c, "INSERT INTO notes(body) VALUES ('first in " + tenant + "')", "INSERT INTO notes(task_id, body) "
                        + "SELECT id, 'about ' || title FROM tasks WHERE status = 'open'");
            }
        }
        try (Connection all = project.crossTenant()) {
            assertEquals(List.of("_tenant", "id", "created_at", "updated_at", "task_id", "body"), labels(all, "SELECT * FROM notes"));
            List<List<Object>> expected = Loop.rows(dir, "SELECT id, task_id, body FROM notes");
            assertEquals(Set.of("t001", "t004"), Set.copyOf(expected.stream().map(r -> r.get(0)).toList()));
            assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all, "SELECT _tenant, id, task_id, body FROM notes")));
        }
    }

    @Test
    void newConnectionSeesDroppedAndRenamedColumns() throws Exception {
        try (Connection main = Projects.open(dir)) {
            Projects.run(main, "ALTER TABLE tasks DROP COLUMN note", "ALTER TABLE tasks RENAME COLUMN estimate TO estimate_hours");
        }
        try (Connection all = project.crossTenant(); Connection t001 = Projects.open(dir, "tenant=t001")) {
            List<String> expected = new ArrayList<>(List.of("_tenant"));
            expected.addAll(labels(t001, "SELECT * FROM tasks"));
            assertEquals(expected, labels(all, "SELECT * FROM tasks"));
            assertEquals(Rows.sorted(Loop.rows(dir, "SELECT id, estimate_hours FROM tasks")),
                    Rows.sorted(Rows.query(all, "SELECT _tenant, id, estimate_hours FROM tasks")));
            SQLException e = assertThrows(SQLException.class, () -> Rows.query(all, "SELECT note FROM tasks"));
            assertEquals("42000", e.getSQLState());
        }
    }

    @Test
    void connectionOpenedBeforeTheChangeStillAnswersForColumnsItKnows() throws Exception {
        try (Connection all = project.crossTenant()) {
            Rows.query(all, "SELECT _tenant, title FROM tasks");
            try (Connection t001 = Projects.open(dir, "tenant=t001")) {
                Projects.run(t001, "ALTER TABLE tasks ADD COLUMN effort REAL", "UPDATE tasks SET title = title || '!' WHERE points > 5");
            }
            assertEquals(Rows.sorted(Loop.rows(dir, "SELECT title, points FROM tasks")),
                    Rows.sorted(Rows.query(all, "SELECT _tenant, title, points FROM tasks")));
        }
    }
}
