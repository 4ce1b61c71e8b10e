package io.cinch.schema;

import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static io.cinch.Projects.value;
import static io.cinch.schema.SchemaSupport.assertState;
import static io.cinch.schema.SchemaSupport.changeSql;
import static io.cinch.schema.SchemaSupport.changes;
import static io.cinch.schema.SchemaSupport.maps;
import static io.cinch.schema.SchemaSupport.materialized;
import static io.cinch.schema.SchemaSupport.replayed;
import static io.cinch.schema.SchemaSupport.schema;
import static io.cinch.schema.SchemaSupport.schemaOf;
import static io.cinch.schema.SchemaSupport.tenantFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain DDL sent through any tenant connection is one logged change of the branch that reaches every tenant. */
class DdlFanoutTest {

    static final Pattern CREATED_AT = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d+)?");

    /** Each statement with the entity its change names (a rename may name the old or the new name). */
    static final List<String[]> STATEMENTS = List.of(
            new String[] {"CREATE TABLE t2(id INTEGER PRIMARY KEY, x TEXT)", "t2"},
            new String[] {"ALTER TABLE t ADD COLUMN w TEXT DEFAULT 'dflt'", "t"},
            new String[] {"CREATE INDEX ix_t_v ON t(v)", "ix_t_v"},
            new String[] {"CREATE VIEW v_t AS SELECT id, v FROM t", "v_t"},
            new String[] {"CREATE TRIGGER tr_t AFTER INSERT ON t BEGIN INSERT INTO t2(x) VALUES (NEW.v); END", "tr_t"},
            new String[] {"ALTER TABLE t2 RENAME TO t3", "t2|t3"},
            new String[] {"ALTER TABLE t RENAME COLUMN w TO w2", "t"},
            new String[] {"DROP TRIGGER tr_t", "tr_t"},
            new String[] {"DROP VIEW v_t", "v_t"},
            new String[] {"DROP INDEX ix_t_v", "ix_t_v"},
            new String[] {"ALTER TABLE t DROP COLUMN w2", "t"},
            new String[] {"DROP TABLE t3", "t3"});

    @TempDir
    Path dir;
    Path pm;

    /** Tenants a and b have files and rows in t, c and main are lazy. */
    @BeforeEach
    void tenants() throws SQLException {
        pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)", "CALL cinch.create_tenant('a')",
                    "CALL cinch.create_tenant('b')", "CALL cinch.create_tenant('c')",
                    "INSERT INTO a.t(v) VALUES ('a1'), ('a2')", "INSERT INTO b.t(v) VALUES ('b1')");
            assertEquals(Map.of("a", true, "b", true, "c", false, "main", false), materialized(c));
        }
    }

    private void assertEveryTenantHasTheLoggedSchema(Connection any, String... tenants) throws SQLException {
        List<String> expected = replayed(changeSql(any, "main"));
        for (String tenant : tenants) {
            assertEquals(expected, schemaOf(pm, "main", tenant), "schema of tenant " + tenant);
        }
    }

    @Test
    void everyKindOfDdlReachesMaterializedAndLazyTenantsWhichStayLazy() throws Exception {
        Set<Path> files = tenantFiles(pm);
        try (Connection a = open(pm, "tenant=a")) {
            for (String[] statement : STATEMENTS) {
                run(a, statement[0]);
                assertEveryTenantHasTheLoggedSchema(a, "a", "b", "c", "main");
                assertEquals(Map.of("a", true, "b", true, "c", false, "main", false), materialized(a), statement[0]);
                assertEquals(files, tenantFiles(pm), statement[0]);
            }
            assertEquals(List.of("t"), rows(a, "SELECT name FROM sqlite_master ORDER BY name"));
            assertEquals(List.of("a1", "a2"), rows(a, "SELECT v FROM t ORDER BY id"));
        }
        try (Connection b = open(pm, "tenant=b")) {
            assertEquals(List.of("1|b1"), rows(b, "SELECT * FROM t"));
        }
    }

    @Test
    void changeLogHasOneEntryPerStatementOldestFirst() throws Exception {
        try (Connection a = open(pm, "tenant=a")) {
            for (String[] statement : STATEMENTS) {
                run(a, statement[0]);
            }
            List<Map<String, String>> log = maps(a, "CALL cinch.list_changes()");
            assertEquals(STATEMENTS.size() + 1, log.size(), log::toString);
            String previous = "";
            for (int i = 0; i < log.size(); i++) {
                Map<String, String> entry = log.get(i);
                assertEquals(String.valueOf(i + 1), entry.get("seq"), entry::toString);
                assertFalse(entry.get("type") == null || entry.get("type").isBlank(), entry::toString);
                assertTrue(CREATED_AT.matcher(entry.get("created_at")).matches(), entry::toString);
                assertTrue(entry.get("created_at").compareTo(previous) >= 0, entry::toString);
                previous = entry.get("created_at");
                if (i > 0) {
                    assertEquals(STATEMENTS.get(i - 1)[0], entry.get("sql"), entry::toString);
                    assertTrue(List.of(STATEMENTS.get(i - 1)[1].split("\\|")).contains(entry.get("entity").toLowerCase()),
                            entry::toString);
                }
            }
            assertEquals("t", log.get(0).get("entity"));
        }
    }

    @Test
    void aScriptOfTwoStatementsIsTwoChanges() throws Exception {
        try (Connection a = open(pm, "tenant=a")) {
            run(a, "CREATE TABLE x1(a TEXT); CREATE INDEX ix_x1 ON x1(a)");
            List<String> log = changes(a, "main");
            assertEquals(3, log.size(), log::toString);
            assertEquals("2|", log.get(1).substring(0, 2));
            assertTrue(log.get(1).endsWith("|x1|CREATE TABLE x1(a TEXT)"), log::toString);
            assertTrue(log.get(2).endsWith("|ix_x1|CREATE INDEX ix_x1 ON x1(a)"), log::toString);
        }
    }

    @Test
    void createTableThroughALazyTenantReachesTheOthersAndLeavesItLazy() throws Exception {
        Set<Path> files = tenantFiles(pm);
        try (Connection c = open(pm, "tenant=c")) {
            run(c, "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)", "CREATE INDEX ix_notes ON notes(body)");
            assertEquals(List.of(), rows(c, "SELECT * FROM notes"));
            assertEquals(Map.of("a", true, "b", true, "c", false, "main", false), materialized(c));
            assertEveryTenantHasTheLoggedSchema(c, "a", "b", "c", "main");
        }
        assertEquals(files, tenantFiles(pm));
    }

    @Test
    void tenantsCreatedLaterHaveEveryChange() throws Exception {
        try (Connection a = open(pm, "tenant=a")) {
            for (String[] statement : STATEMENTS.subList(0, 5)) {
                run(a, statement[0]);
            }
            run(a, "CALL cinch.create_tenant('later')", "CALL cinch.copy_tenant('a', 'copied')");
            assertEveryTenantHasTheLoggedSchema(a, "later", "copied");
        }
        try (Connection later = open(pm, "tenant=later")) {
            run(later, "INSERT INTO t(v) VALUES ('l1')");
            assertEquals(List.of("1|l1|dflt"), rows(later, "SELECT * FROM t"));
            assertEquals(List.of("1|l1"), rows(later, "SELECT * FROM t2"));
            assertEquals(List.of("1|l1"), rows(later, "SELECT * FROM v_t"));
        }
    }

    @Test
    void connectionsOpenOnOtherTenantsSeeTheChangeAtTheirNextStatement() throws Exception {
        try (Connection a = open(pm, "tenant=a"); Connection b = open(pm, "tenant=b"); Connection c = open(pm, "tenant=c")) {
            assertEquals("1", value(b, "SELECT count(*) FROM t"));
            assertEquals("0", value(c, "SELECT count(*) FROM t"));
            run(a, "ALTER TABLE t ADD COLUMN w TEXT DEFAULT 'dflt'", "CREATE TABLE t2(x TEXT)");
            run(b, "INSERT INTO t(v, w) VALUES ('b2', 'given')", "INSERT INTO t2(x) VALUES ('bx')");
            assertEquals(List.of("b1|dflt", "b2|given"), rows(b, "SELECT v, w FROM t ORDER BY id"));
            assertEquals(List.of(), rows(c, "SELECT w FROM t"));
            assertEquals(List.of(), rows(c, "SELECT x FROM t2"));
            assertEquals(List.of("a1|dflt", "a2|dflt"), rows(b, "SELECT v, w FROM a.t ORDER BY id"));
        }
    }

    @Test
    void triggersAndViewsWorkInEveryTenant() throws Exception {
        try (Connection a = open(pm, "tenant=a")) {
            run(a, STATEMENTS.get(0)[0], STATEMENTS.get(3)[0], STATEMENTS.get(4)[0]);
        }
        for (String tenant : List.of("b", "c")) {
            try (Connection t = open(pm, "tenant=" + tenant)) {
                run(t, "INSERT INTO t(v) VALUES ('from " + tenant + "')");
                assertEquals(List.of("from " + tenant), rows(t, "SELECT x FROM t2"));
                assertEquals("from " + tenant, value(t, "SELECT v FROM v_t ORDER BY id DESC LIMIT 1"));
            }
        }
    }

    @Test
    void createIfNotExistsOfAnExistingObjectAndDropIfExistsOfAMissingOneAddNoEntry() throws Exception {
        try (Connection a = open(pm, "tenant=a")) {
            run(a, "CREATE INDEX ix_t_v ON t(v)");
            List<String> before = changes(a, "main");
            List<String> schemaBefore = schema(a);
            run(a, "CREATE TABLE IF NOT EXISTS t(other INTEGER)", "CREATE INDEX IF NOT EXISTS ix_t_v ON t(id)",
                    "DROP TABLE IF EXISTS nothing_here", "DROP VIEW IF EXISTS no_view", "DROP INDEX IF EXISTS no_index");
            assertEquals(before, changes(a, "main"));
            assertEquals(schemaBefore, schema(a));
            run(a, "CREATE TABLE IF NOT EXISTS fresh(x)");
            assertEquals(before.size() + 1, changes(a, "main").size());
        }
    }

    @Test
    void failingDdlIsRefusedAndNotRecorded() throws Exception {
        try (Connection a = open(pm, "tenant=a")) {
            List<String> before = changes(a, "main");
            assertState("42000", () -> run(a, "CREATE TABLE t(x)"));
            assertState("42000", () -> run(a, "CREATE INDEX ix ON missing(x)"));
            assertState("42000", () -> run(a, "ALTER TABLE t ADD COLUMN v TEXT"));
            assertState("42000", () -> run(a, "DROP TABLE missing"));
            assertState("42000", () -> run(a, "CREATE TABLE broken(x"));
            assertEquals(before, changes(a, "main"));
            assertEveryTenantHasTheLoggedSchema(a, "a", "b", "c");
        }
    }

    @Test
    void ddlInsideATransactionRollsBackWithIt() throws Exception {
        try (Connection a = open(pm, "tenant=a")) {
            a.setAutoCommit(false);
            run(a, "INSERT INTO t(v) VALUES ('in tx')");
            run(a, "ALTER TABLE t ADD COLUMN w TEXT");
            run(a, "INSERT INTO t(v, w) VALUES ('after', 'w')");
            assertEquals(List.of("a1|null", "a2|null", "in tx|null", "after|w"), rows(a, "SELECT v, w FROM t ORDER BY id"));
            a.rollback();
            assertEquals(List.of("a1", "a2"), rows(a, "SELECT v FROM t ORDER BY id"));
            a.setAutoCommit(true);
            assertEquals(1, changes(a, "main").size());
            assertState("42000", () -> run(a, "SELECT w FROM t"));
        }
        try (Connection any = open(pm)) {
            assertEveryTenantHasTheLoggedSchema(any, "a", "b", "c");
        }
    }

    @Test
    void ddlInsideATransactionCommitsAsOneChangeWithTheTenantsData() throws Exception {
        try (Connection a = open(pm, "tenant=a")) {
            a.setAutoCommit(false);
            run(a, "INSERT INTO t(v) VALUES ('in tx')");
            run(a, "ALTER TABLE t ADD COLUMN w TEXT");
            run(a, "CREATE INDEX ix_t_w ON t(w)");
            run(a, "INSERT INTO t(v, w) VALUES ('after', 'w')");
            a.commit();
            assertEquals(2, changes(a, "main").size());
        }
        try (Connection b = open(pm, "tenant=b")) {
            assertEquals(List.of("b1|null"), rows(b, "SELECT v, w FROM t"));
        }
        try (Connection any = open(pm, "tenant=a")) {
            assertEquals(List.of("a1|null", "a2|null", "in tx|null", "after|w"), rows(any, "SELECT v, w FROM t ORDER BY id"));
            assertEveryTenantHasTheLoggedSchema(any, "a", "b", "c");
        }
    }

    @Test
    void ddlFailingOnTheTenantsOwnDataInsideATransactionLeavesItOpenToRollBack() throws Exception {
        try (Connection a = open(pm, "tenant=a")) {
            a.setAutoCommit(false);
            run(a, "INSERT INTO t(v) VALUES ('a1')");
            assertState("23505", () -> run(a, "CREATE UNIQUE INDEX ux_t_v ON t(v)"));
            a.rollback();
            assertEquals(List.of("a1", "a2"), rows(a, "SELECT v FROM t ORDER BY id"));
            assertEquals(1, changes(a, "main").size());
        }
    }

    @Test
    void ddlInsideATransactionThatFailsOnAnotherTenantAtCommitChangesNothing() throws Exception {
        try (Connection b = open(pm, "tenant=b")) {
            run(b, "INSERT INTO t(v) VALUES ('b1')");
        }
        try (Connection a = open(pm, "tenant=a")) {
            a.setAutoCommit(false);
            run(a, "INSERT INTO t(v) VALUES ('a3')");
            run(a, "CREATE UNIQUE INDEX ux_t_v ON t(v)");
            SQLException e = assertState("23505", a::commit);
            assertTrue(e.getMessage().contains("'b'"), e.getMessage());
            assertEquals(List.of("a1", "a2"), rows(a, "SELECT v FROM t ORDER BY id"));
            run(a, "INSERT INTO t(v) VALUES ('a1')");
            a.commit();
            assertEquals(1, changes(a, "main").size());
        }
        try (Connection any = open(pm)) {
            assertEveryTenantHasTheLoggedSchema(any, "a", "b", "c");
        }
    }

    @Test
    void dmlTouchesOnlyTheConnectionsTenant() throws Exception {
        try (Connection a = open(pm, "tenant=a")) {
            run(a, "INSERT INTO t(v) VALUES ('a3')", "UPDATE t SET v = upper(v)", "DELETE FROM t WHERE v = 'A1'");
            assertEquals(List.of("A2", "A3"), rows(a, "SELECT v FROM t ORDER BY id"));
            assertEquals(List.of(), changes(a, "main").subList(1, changes(a, "main").size()));
        }
        try (Connection b = open(pm, "tenant=b")) {
            assertEquals(List.of("b1"), rows(b, "SELECT v FROM t"));
        }
        try (Connection c = open(pm, "tenant=c")) {
            assertEquals(List.of(), rows(c, "SELECT v FROM t"));
            assertEquals(Map.of("a", true, "b", true, "c", false, "main", false), materialized(c));
        }
    }
}
