package io.cinch.jdbc;

import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static io.cinch.Projects.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema statements that SQLite applies to a connection's temporary schema (an index or trigger on a temporary
 * table, {@code temp.}-qualified names, ALTER and DROP of temporary objects) stay on that connection: no branch
 * change, nothing in the change log, nothing on the tenant's file or on other tenants.
 */
class TemporaryDdlTest {

    private static final String TEMPORARY = "SELECT type || ':' || name FROM temp.sqlite_master ORDER BY type, name";
    private static final String BRANCH = "SELECT type || ':' || name FROM main.sqlite_master ORDER BY type, name";

    @TempDir
    Path dir;

    @Test
    void ddlOnTemporaryObjectsStaysOnTheConnection() throws Exception {
        Path p = dir.resolve("p");
        try (Connection admin = open(p)) {
            run(admin, "CREATE TABLE kv(k TEXT PRIMARY KEY, v INT)", "CALL cinch.create_tenant('acme')",
                    "CALL cinch.create_tenant('globex')");
        }
        try (Connection acme = open(p, "tenant=acme")) {
            run(acme, "INSERT INTO kv VALUES ('a', 1)"); // acme has its own file; globex stays lazy
        }
        List<String> changes = changes(p);
        List<String> branch = List.of("index:sqlite_autoindex_kv_1", "table:kv");
        for (String tenant : List.of("acme", "globex")) {
            try (Connection c = open(p, "tenant=" + tenant)) {
                run(c, "CREATE TEMP TABLE scratch(a INT, b TEXT)",
                        "CREATE INDEX scratch_a ON scratch(a)",
                        "CREATE UNIQUE INDEX temp.scratch_b ON scratch(b)",
                        "CREATE TRIGGER scratch_log AFTER INSERT ON scratch BEGIN SELECT 1; END",
                        "CREATE TABLE temp.other(z)",
                        "CREATE VIEW temp.glance AS SELECT a FROM scratch",
                        "ALTER TABLE scratch ADD COLUMN c INT DEFAULT 7",
                        "ALTER TABLE other RENAME TO other2",
                        "INSERT INTO scratch(a, b) VALUES (1, 'x')");
                assertEquals(List.of("index:scratch_a", "index:scratch_b", "table:other2", "table:scratch",
                        "trigger:scratch_log", "view:glance"), rows(c, TEMPORARY), tenant);
                assertEquals("1|x|7", value(c, "SELECT * FROM scratch"), tenant);
                run(c, "DROP INDEX scratch_a", "DROP TRIGGER scratch_log", "DROP VIEW glance", "DROP TABLE other2");
                assertEquals(List.of("index:scratch_b", "table:scratch"), rows(c, TEMPORARY), tenant);
                assertEquals(branch, rows(c, BRANCH), tenant);
                run(c, "DROP TABLE scratch");
                assertEquals(List.of(), rows(c, TEMPORARY), tenant);
            }
            try (Connection again = open(p, "tenant=" + tenant)) {
                assertEquals(branch, rows(again, BRANCH), tenant);
                assertEquals(List.of(), rows(again, TEMPORARY), tenant);
            }
        }
        assertEquals(changes, changes(p));
    }

    @Test
    void aTemporaryTableHidesTheBranchTableOfItsNameForDropAndIndexesAsInSqlite() throws Exception {
        Path p = dir.resolve("p");
        try (Connection c = open(p)) {
            run(c, "CREATE TABLE kv(k TEXT PRIMARY KEY, v INT)");
            List<String> changes = changes(p);
            run(c, "CREATE TEMP TABLE kv(shadow)", "CREATE INDEX kv_shadow ON kv(shadow)");
            assertEquals(List.of("index:kv_shadow", "table:kv"), rows(c, TEMPORARY));
            run(c, "DROP TABLE kv");
            assertEquals(List.of(), rows(c, TEMPORARY));
            assertEquals(changes, changes(p));
            run(c, "DROP TABLE kv"); // now the branch's table: a change of the branch
            assertEquals(changes.size() + 1, changes(p).size());
        }
    }

    @Test
    void inATransactionTemporaryDdlIsNoBranchChangeAndRollsBackWithTheTransaction() throws Exception {
        Path p = dir.resolve("p");
        try (Connection c = open(p)) {
            run(c, "CREATE TABLE kv(k TEXT PRIMARY KEY, v INT)", "CREATE TEMP TABLE scratch(a INT)");
            List<String> changes = changes(p);
            c.setAutoCommit(false);
            run(c, "CREATE INDEX scratch_a ON scratch(a)", "INSERT INTO scratch VALUES (1)");
            c.rollback();
            assertEquals(List.of("table:scratch"), rows(c, TEMPORARY));
            try (PreparedStatement ps = c.prepareStatement("CREATE INDEX scratch_a ON scratch(a)")) {
                assertEquals(0, ps.executeUpdate());
            }
            c.commit();
            c.setAutoCommit(true);
            assertEquals(List.of("index:scratch_a", "table:scratch"), rows(c, TEMPORARY));
            assertEquals(changes, changes(p));
        }
    }

    @Test
    void metadataDescribesTemporaryTablesKeysAndIndexes() throws Exception {
        try (Connection c = open(dir.resolve("p"))) {
            run(c, "CREATE TEMP TABLE parent(id INTEGER PRIMARY KEY, code TEXT UNIQUE)",
                    "CREATE TEMP TABLE child(a INT, b TEXT, p INT, CONSTRAINT child_key PRIMARY KEY (a, b), "
                            + "CONSTRAINT child_p FOREIGN KEY (p) REFERENCES parent(id))",
                    "CREATE INDEX child_b ON child(b DESC)");
            DatabaseMetaData md = c.getMetaData();
            assertEquals(List.of("a|1|child_key", "b|2|child_key"),
                    rows(md.getPrimaryKeys(null, null, "child")).stream().map(TemporaryDdlTest::lastThree).toList());
            assertEquals(List.of("false|sqlite_autoindex_child_1|a|A", "false|sqlite_autoindex_child_1|b|A",
                    "true|child_b|b|D"), columns(md.getIndexInfo(null, null, "child", false, false),
                    "NON_UNIQUE", "INDEX_NAME", "COLUMN_NAME", "ASC_OR_DESC"));
            assertEquals(List.of("parent|id|child|p|child_p"), columns(md.getImportedKeys(null, null, "child"),
                    "PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_NAME", "FKCOLUMN_NAME", "FK_NAME"));
            assertEquals(List.of("parent|id|child|p|child_p"), columns(md.getExportedKeys(null, null, "parent"),
                    "PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_NAME", "FKCOLUMN_NAME", "FK_NAME"));
            assertEquals(List.of("id", "code"), columns(md.getColumns(null, null, "parent", "%"), "COLUMN_NAME"));
        }
        try (Connection other = open(dir.resolve("p"))) {
            assertEquals(List.of(), rows(other.getMetaData().getPrimaryKeys(null, null, "child")));
        }
    }

    @Test
    void temporaryObjectsSurviveTheFirstWriteOfALazyTenant() throws Exception {
        Path p = dir.resolve("p");
        try (Connection admin = open(p)) {
            run(admin, "CREATE TABLE kv(k TEXT PRIMARY KEY, v INT)", "CALL cinch.create_tenant('acme')");
        }
        try (Connection c = open(p, "tenant=acme")) {
            run(c, "CREATE TEMP TABLE staging(k TEXT, v INT)", "INSERT INTO staging VALUES ('a', 1), ('b', 2)",
                    "CREATE INDEX staging_k ON staging(k)",
                    "CREATE TEMP TRIGGER kv_seen AFTER INSERT ON kv BEGIN INSERT INTO staging VALUES (new.k, -1); END");
            run(c, "INSERT INTO kv SELECT k, v FROM staging"); // the tenant's first write gives it a file
            assertEquals(List.of("a|1", "b|2"), rows(c, "SELECT * FROM kv ORDER BY k"));
            assertEquals(List.of("a|-1", "a|1", "b|-1", "b|2"), rows(c, "SELECT * FROM staging ORDER BY k, v"));
            assertEquals(List.of("index:staging_k", "table:staging", "trigger:kv_seen"), rows(c, TEMPORARY));
        }
    }

    private static String lastThree(String row) {
        String[] parts = row.split("\\|");
        return String.join("|", List.of(parts).subList(parts.length - 3, parts.length));
    }

    private static List<String> columns(ResultSet rs, String... names) throws Exception {
        List<String> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (String name : names) {
                    row.append(row.isEmpty() ? "" : "|").append(rs.getString(name));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    private static List<String> changes(Path p) throws Exception {
        try (Connection c = open(p)) {
            return rows(c, "CALL cinch.list_changes()");
        }
    }
}
