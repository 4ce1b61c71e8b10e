package io.cinch.jdbc;

import static io.cinch.Projects.open;
import static io.cinch.Projects.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DatabaseMetaData reports what the DDL declares (issue 8): constraint names, JDBC's orderings, sizes and type names,
 * AUTOINCREMENT, generated columns, SQLite's own tables and the connection's temporary tables.
 */
class DeclaredMetaDataTest {

    @TempDir
    Path dir;

    /** The given columns of every row, as "a|b|c" strings. */
    private static List<String> rows(ResultSet rs, String... labels) throws SQLException {
        List<String> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (String label : labels) {
                    row.append(row.length() > 0 ? "|" : "").append(rs.getString(label));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    @Test
    void keysKeepTheirDeclaredNamesAndComeInTheOrderJdbcDocuments() throws Exception {
        try (Connection c = open(dir.resolve("p"))) {
            run(c, "CREATE TABLE parent(id INTEGER CONSTRAINT parent_key PRIMARY KEY, code TEXT)",
                    "CREATE TABLE pair(x INT, y INT, PRIMARY KEY (x, y))",
                    "CREATE TABLE child(a INT, b INT, p INT CONSTRAINT child_parent REFERENCES parent(id), "
                            + "q INT REFERENCES parent, CONSTRAINT child_key PRIMARY KEY (b, a), "
                            + "CONSTRAINT child_pair FOREIGN KEY (a, b) REFERENCES pair(y, x) DEFERRABLE INITIALLY DEFERRED)");
            DatabaseMetaData md = c.getMetaData();
            assertEquals(List.of("a|2|child_key", "b|1|child_key"),
                    rows(md.getPrimaryKeys(null, null, "child"), "COLUMN_NAME", "KEY_SEQ", "PK_NAME"));
            assertEquals(List.of("id|1|parent_key"),
                    rows(md.getPrimaryKeys(null, null, "parent"), "COLUMN_NAME", "KEY_SEQ", "PK_NAME"));
            assertEquals(List.of("x|1|null", "y|2|null"),
                    rows(md.getPrimaryKeys(null, null, "pair"), "COLUMN_NAME", "KEY_SEQ", "PK_NAME"));
            String[] key = {"PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ", "FK_NAME",
                "PK_NAME", "DEFERRABILITY"};
            int deferred = DatabaseMetaData.importedKeyInitiallyDeferred;
            int immediate = DatabaseMetaData.importedKeyNotDeferrable;
            assertEquals(List.of("pair|y|child|a|1|child_pair||" + deferred, "pair|x|child|b|2|child_pair||" + deferred,
                    "parent|id|child|q|1||parent_key|" + immediate, "parent|id|child|p|1|child_parent|parent_key|" + immediate),
                    rows(md.getImportedKeys(null, null, "child"), key));
            assertEquals(List.of("parent|id|child|q|1||parent_key|" + immediate,
                    "parent|id|child|p|1|child_parent|parent_key|" + immediate),
                    rows(md.getExportedKeys(null, null, "parent"), key));
        }
    }

    @Test
    void columnsReportSizesTypeNamesAutoincrementAndGeneratedColumns() throws Exception {
        try (Connection c = open(dir.resolve("p"))) {
            run(c, "CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT, code VARCHAR(21) NOT NULL, "
                            + "amount DECIMAL(10,2), note, total AS (amount * 2), later INT GENERATED ALWAYS AS (id + 1) STORED)",
                    "CREATE TABLE plain(id INTEGER PRIMARY KEY)");
            DatabaseMetaData md = c.getMetaData();
            String[] column = {"COLUMN_NAME", "TYPE_NAME", "COLUMN_SIZE", "DECIMAL_DIGITS", "IS_NULLABLE",
                "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN"};
            assertEquals(List.of("id|INTEGER|2000000000|0|YES|YES|NO", "code|VARCHAR|21|0|NO|NO|NO",
                    "amount|DECIMAL|10|2|YES|NO|NO", "note||2000000000|10|YES|NO|NO", "total||2000000000|10|YES|NO|YES",
                    "later|INT|2000000000|0|YES|NO|YES"), rows(md.getColumns(null, null, "t", "%"), column));
            assertEquals(List.of("id|INTEGER|2000000000|0|YES|NO|NO"), rows(md.getColumns(null, null, "plain", "%"), column));
        }
    }

    @Test
    void tablesIncludeSystemAndTemporaryTablesWhenTheTypesAskForThem() throws Exception {
        try (Connection c = open(dir.resolve("p"))) {
            run(c, "CREATE TABLE counter(id INTEGER PRIMARY KEY AUTOINCREMENT)", "CREATE VIEW counted AS SELECT id FROM counter",
                    "CALL cinch.create_tenant('other')", "CREATE TEMP TABLE scratch(a)");
            DatabaseMetaData md = c.getMetaData();
            assertEquals(List.of("GLOBAL TEMPORARY", "SYSTEM TABLE", "TABLE", "VIEW"), rows(md.getTableTypes(), "TABLE_TYPE"));
            assertEquals(List.of("scratch|GLOBAL TEMPORARY", "sqlite_schema|SYSTEM TABLE", "sqlite_sequence|SYSTEM TABLE",
                    "counter|TABLE", "counted|VIEW"), rows(md.getTables(null, null, "%", null), "TABLE_NAME", "TABLE_TYPE"));
            assertEquals(List.of("counter|TABLE"),
                    rows(md.getTables(null, null, "%", new String[] {"TABLE"}), "TABLE_NAME", "TABLE_TYPE"));
            assertEquals(List.of("scratch|a"),
                    rows(md.getColumns(null, null, "scratch", "%"), "TABLE_NAME", "COLUMN_NAME"));
            assertEquals(List.of("sqlite_schema|other", "sqlite_sequence|other"), rows(md.getTables(null, "other", "%",
                    new String[] {"SYSTEM TABLE", "GLOBAL TEMPORARY"}), "TABLE_NAME", "TABLE_SCHEM"),
                    "a temporary table belongs to the connection's own tenant");
        }
    }
}
