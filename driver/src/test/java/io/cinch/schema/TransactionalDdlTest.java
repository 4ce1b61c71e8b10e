package io.cinch.schema;

import static io.cinch.Projects.awaitCatchUp;
import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static io.cinch.schema.SchemaSupport.assertSomeState;
import static io.cinch.schema.SchemaSupport.changeSql;
import static io.cinch.schema.SchemaSupport.changes;
import static io.cinch.schema.SchemaSupport.materialized;
import static io.cinch.schema.SchemaSupport.rawSchema;
import static io.cinch.schema.SchemaSupport.replayed;
import static io.cinch.schema.SchemaSupport.schemaOf;
import static io.cinch.schema.SchemaSupport.tenantFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DDL inside a transaction becomes one branch change at COMMIT, and ROLLBACK (to a savepoint or whole) undoes it. */
class TransactionalDdlTest {

    static final List<String> TENANTS = List.of("a", "b", "c", "lazy");

    @TempDir
    Path dir;
    Path pm;

    @BeforeEach
    void project() throws Exception {
        pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE items(id INTEGER PRIMARY KEY, v TEXT)");
            for (String t : TENANTS) {
                run(c, "CALL cinch.create_tenant('" + t + "')");
                if (!t.equals("lazy")) {
                    run(c, "INSERT INTO " + t + ".items(v) VALUES ('" + t + "')");
                }
            }
        }
    }

    /** The branch's log, every tenant's schema and rows, and every file's raw schema. */
    private Map<String, Object> state() throws Exception {
        awaitCatchUp(pm);
        Map<String, Object> state = new LinkedHashMap<>();
        try (Connection c = open(pm)) {
            state.put("log", changes(c, "main"));
            state.put("materialized", materialized(c));
            for (String t : TENANTS) {
                state.put(t, schemaOf(pm, "main", t));
                state.put(t + " rows", rows(c, "SELECT * FROM " + t + ".items ORDER BY id"));
            }
        }
        for (Path f : tenantFiles(pm)) {
            state.put(f.toString(), rawSchema(f));
        }
        return state;
    }

    /** Every tenant's schema equals the replayed log. */
    private void everyTenantFollowsTheLog() throws Exception {
        awaitCatchUp(pm);
        try (Connection c = open(pm)) {
            List<String> expected = replayed(changeSql(c, "main"));
            for (String t : TENANTS) {
                assertEquals(expected, schemaOf(pm, "main", t), "schema of " + t);
            }
        }
    }

    @Test
    void rollbackToASavepointUndoesTheDdlAfterIt() throws Exception {
        int logBefore;
        try (Connection c = open(pm, "tenant=a")) {
            logBefore = changes(c, "main").size();
            c.setAutoCommit(false);
            run(c, "CREATE TABLE kept(x INTEGER)");
            Savepoint mark = c.setSavepoint("mark");
            run(c, "CREATE TABLE undone(x INTEGER)", "ALTER TABLE items ADD COLUMN undone_col TEXT");
            c.rollback(mark);
            run(c, "SAVEPOINT sql_mark", "CREATE INDEX ix_undone ON items(v)", "ROLLBACK TO sql_mark",
                    "RELEASE sql_mark");
            c.commit();
        }
        try (Connection c = open(pm)) {
            List<String> log = changeSql(c, "main");
            assertEquals(logBefore + 1, log.size(), () -> "only the kept table was committed: " + log);
            assertTrue(log.get(log.size() - 1).contains("kept"), log::toString);
            assertFalse(String.join(";", log).contains("undone"), log::toString);
        }
        everyTenantFollowsTheLog();
    }

    @Test
    void sqlBeginCommitWithDdlIsOneChangeOnEveryTenant() throws Exception {
        try (Connection c = open(pm, "tenant=b")) {
            int before = changes(c, "main").size();
            run(c, "BEGIN", "CREATE TABLE orders(id INTEGER PRIMARY KEY, item INTEGER)",
                    "CREATE UNIQUE INDEX ux_items_v ON items(v)", "INSERT INTO orders(item) VALUES (1)", "COMMIT");
            assertTrue(changes(c, "main").size() > before);
            assertEquals(List.of("1|1"), rows(c, "SELECT * FROM orders"));
        }
        everyTenantFollowsTheLog();
        try (Connection c = open(pm, "tenant=c")) {
            assertEquals(List.of("0"), rows(c, "SELECT count(*) FROM orders"), "the DML stayed in tenant b");
            assertSomeState(() -> run(c, "INSERT INTO items(v) VALUES ('c')"));
        }
    }

    @Test
    void autoCommitOffDdlAndHistoryRowCommitTogether() throws Exception {
        try (Connection c = open(pm, "tenant=a")) {
            run(c, "CREATE TABLE history(version INTEGER PRIMARY KEY, script TEXT)");
            c.setAutoCommit(false);
            run(c, "ALTER TABLE items ADD COLUMN price INTEGER NOT NULL DEFAULT 0 CHECK (price >= 0)",
                    "CREATE INDEX ix_items_price ON items(price)",
                    "INSERT INTO history(version, script) VALUES (2, 'V2__price.sql')");
            c.commit();
            c.setAutoCommit(true);
            assertEquals(List.of("2|V2__price.sql"), rows(c, "SELECT * FROM history"));
        }
        everyTenantFollowsTheLog();
        try (Connection c = open(pm, "tenant=b")) {
            assertEquals(List.of("0"), rows(c, "SELECT count(*) FROM history"), "the history row stays in tenant a");
            assertEquals(List.of("b|0"), rows(c, "SELECT v, price FROM items"));
        }
        try (Connection c = open(pm, "tenant=lazy")) {
            assertEquals(List.of("0"), rows(c, "SELECT count(*) FROM items WHERE price = 0"));
        }
    }

    @Test
    void aFailingStatementThenRollbackLeavesEverythingAsBefore() throws Exception {
        try (Connection c = open(pm, "tenant=a")) {
            run(c, "CREATE TABLE history(version INTEGER PRIMARY KEY, script TEXT)");
        }
        Map<String, Object> before = state();
        try (Connection c = open(pm, "tenant=a")) {
            c.setAutoCommit(false);
            run(c, "CREATE TABLE invoices(id INTEGER PRIMARY KEY)", "ALTER TABLE items ADD COLUMN note TEXT",
                    "INSERT INTO history VALUES (3, 'V3')");
            assertSomeState(() -> run(c, "CREATE TABLE invoices(id INTEGER)"));
            c.rollback();
            c.setAutoCommit(true);
            assertEquals(List.of("0"), rows(c, "SELECT count(*) FROM history"));
        }
        assertEquals(before, state());
        try (Connection c = open(pm, "tenant=a")) {
            c.setAutoCommit(false);
            run(c, "CREATE TABLE invoices(id INTEGER PRIMARY KEY)", "INSERT INTO history VALUES (3, 'V3')");
            c.commit();
        }
        everyTenantFollowsTheLog();
    }

    @Test
    void aDdlTransactionWhoseOriginIsLazyMaterializesItAndCommits() throws Exception {
        try (Connection c = open(pm, "tenant=lazy")) {
            c.setAutoCommit(false);
            run(c, "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)", "INSERT INTO notes(body) VALUES ('x')");
            c.commit();
            assertEquals(List.of("1|x"), rows(c, "SELECT * FROM notes"));
        }
        everyTenantFollowsTheLog();
        try (Connection c = open(pm)) {
            assertTrue(materialized(c).get("lazy"));
            assertEquals(List.of("0"), rows(c, "SELECT count(*) FROM a.notes"));
        }
    }

    @Test
    void aRolledBackDdlTransactionOnALazyTenantLeavesItLazy() throws Exception {
        Map<String, Object> before = state();
        try (Connection c = open(pm, "tenant=lazy")) {
            c.setAutoCommit(false);
            run(c, "CREATE TABLE notes(id INTEGER PRIMARY KEY)", "INSERT INTO notes VALUES (1)");
            c.rollback();
        }
        Map<String, Object> after = state();
        assertEquals(before.get("log"), after.get("log"));
        for (String t : TENANTS) {
            assertEquals(before.get(t), after.get(t), "schema of " + t);
        }
    }

    @Test
    void aSecondDdlTransactionOnTheBranchWaitsForTheFirst() throws Exception {
        CountDownLatch secondStarted = new CountDownLatch(1);
        try (Connection first = open(pm, "tenant=a"); Connection second = open(pm, "tenant=b")) {
            first.setAutoCommit(false);
            run(first, "CREATE TABLE first_t(x INTEGER)");
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
                try {
                    second.setAutoCommit(false);
                    secondStarted.countDown();
                    run(second, "CREATE TABLE second_t(x INTEGER)");
                    second.commit();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            assertTrue(secondStarted.await(60, TimeUnit.SECONDS));
            // the second holds no lock yet: it waits for ours, so nothing of it is in the log before we commit
            for (int i = 0; i < 20 && !other.isDone(); i++) {
                Thread.sleep(50);
            }
            assertFalse(other.isDone(), "the second DDL transaction did not wait for the first");
            try (Connection c = open(pm)) {
                assertFalse(String.join(";", changeSql(c, "main")).contains("second_t"));
            }
            first.commit();
            other.get(120, TimeUnit.SECONDS);
        }
        try (Connection c = open(pm)) {
            List<String> log = new ArrayList<>(changeSql(c, "main"));
            int firstAt = -1;
            int secondAt = -1;
            for (int i = 0; i < log.size(); i++) {
                firstAt = log.get(i).contains("first_t") ? i : firstAt;
                secondAt = log.get(i).contains("second_t") ? i : secondAt;
            }
            assertTrue(firstAt >= 0 && secondAt > firstAt, log::toString);
        }
        everyTenantFollowsTheLog();
    }

    @Test
    void dmlInTheTransactionStaysInTheConnectionsTenant() throws Exception {
        try (Connection c = open(pm, "tenant=c")) {
            c.setAutoCommit(false);
            run(c, "CREATE TABLE audit(id INTEGER PRIMARY KEY, what TEXT)", "INSERT INTO audit(what) VALUES ('c')",
                    "UPDATE items SET v = 'c2'");
            c.commit();
        }
        try (Connection c = open(pm)) {
            for (String t : TENANTS) {
                assertEquals(t.equals("c") ? List.of("c") : List.of(), rows(c, "SELECT what FROM " + t + ".audit"), t);
            }
            assertEquals(List.of("a"), rows(c, "SELECT v FROM a.items"));
            assertEquals(List.of("c2"), rows(c, "SELECT v FROM c.items"));
        }
    }
}
