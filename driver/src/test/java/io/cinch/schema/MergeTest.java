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
import static io.cinch.schema.SchemaSupport.schemaOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Merges bring a branch's new schema changes onto another branch: fast-forward, three-way, or refused. */
class MergeTest {

    static final List<String> TENANTS = List.of("a", "b", "main");

    @TempDir
    Path dir;
    Path pm;

    /** Main has accounts with an index and a view, tenant a with a row, lazy tenant b; feature branches from it. */
    @BeforeEach
    void project() throws SQLException {
        pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE accounts(id INTEGER PRIMARY KEY, email TEXT, name TEXT)",
                    "CREATE INDEX ix_accounts_email ON accounts(email)",
                    "CREATE VIEW v_accounts AS SELECT email FROM accounts",
                    "CALL cinch.create_tenant('a')", "CALL cinch.create_tenant('b')",
                    "INSERT INTO a.accounts(email, name) VALUES ('x@a', 'X')", "CALL cinch.create_branch('feature')");
        }
    }

    private static Map<String, String> merge(Connection c, String call) throws SQLException {
        List<Map<String, String>> rows = maps(c, call);
        assertEquals(1, rows.size(), rows::toString);
        return rows.get(0);
    }

    private void assertTenantsFollowTheLog(String branch, List<String> tenants) throws SQLException {
        try (Connection c = open(pm, "branch=" + branch)) {
            List<String> expected = replayed(changeSql(c, branch));
            for (String t : tenants) {
                assertEquals(expected, schemaOf(pm, branch, t), branch + "/" + t);
            }
        }
    }

    /** The log and every tenant's schema of a branch. */
    private Map<String, List<String>> snapshot(String branch) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Connection c = open(pm, "branch=" + branch)) {
            out.put("log", changes(c, branch));
        }
        for (String t : TENANTS) {
            out.put(t, schemaOf(pm, branch, t));
        }
        return out;
    }

    @Test
    void fastForwardMergeBringsTheBranchsChangesToEveryTenantOfMain() throws Exception {
        try (Connection f = open(pm, "branch=feature", "tenant=a")) {
            run(f, "ALTER TABLE accounts ADD COLUMN plan TEXT DEFAULT 'free'",
                    "CREATE TABLE invoices(id INTEGER PRIMARY KEY, account_id INTEGER REFERENCES accounts(id))");
            Map<String, String> result = merge(f, "CALL cinch.merge_into_main()");
            assertEquals(Map.of("source", "feature", "target", "main", "merge_type", "fast_forward",
                    "changes_merged", "2", "tenants_updated", "3"), result);
            assertEquals(changes(f, "feature"), changes(f, "main"));
        }
        assertTenantsFollowTheLog("main", TENANTS);
        try (Connection main = open(pm, "tenant=a")) {
            assertEquals(List.of("x@a|free"), rows(main, "SELECT email, plan FROM accounts"));
            assertEquals(Map.of("a", true, "b", false, "main", false), materialized(main));
            run(main, "CALL cinch.create_tenant('later')");
        }
        assertTenantsFollowTheLog("main", List.of("later"));
    }

    @Test
    void threeWayMergeKeepsBothBranchesChanges() throws Exception {
        try (Connection f = open(pm, "branch=feature")) {
            run(f, "CREATE TABLE invoices(id INTEGER PRIMARY KEY, total INTEGER)");
        }
        try (Connection main = open(pm)) {
            run(main, "CREATE TABLE payments(id INTEGER PRIMARY KEY, amount INTEGER)",
                    "CREATE INDEX ix_accounts_name ON accounts(name)");
            Map<String, String> result = merge(main, "CALL cinch.merge_branch('feature')");
            assertEquals(Map.of("source", "feature", "target", "main", "merge_type", "three_way",
                    "changes_merged", "1", "tenants_updated", "3"), result);
            List<String> sql = changeSql(main, "main");
            assertEquals(List.of("CREATE TABLE payments(id INTEGER PRIMARY KEY, amount INTEGER)",
                    "CREATE INDEX ix_accounts_name ON accounts(name)",
                    "CREATE TABLE invoices(id INTEGER PRIMARY KEY, total INTEGER)"), sql.subList(3, sql.size()));
            assertEquals(4, changes(main, "feature").size());
        }
        assertTenantsFollowTheLog("main", TENANTS);
        assertTenantsFollowTheLog("feature", TENANTS);
        try (Connection a = open(pm, "tenant=a")) {
            run(a, "INSERT INTO invoices(total) VALUES (10)", "INSERT INTO payments(amount) VALUES (10)");
        }
    }

    @Test
    void mergingBackTheOtherWayBringsOnlyWhatIsMissing() throws Exception {
        try (Connection f = open(pm, "branch=feature")) {
            run(f, "CREATE TABLE invoices(id INTEGER PRIMARY KEY)");
        }
        try (Connection main = open(pm)) {
            run(main, "CREATE TABLE payments(id INTEGER PRIMARY KEY)", "CALL cinch.merge_branch('feature')");
            Map<String, String> back = merge(main, "CALL cinch.merge_branch('main', 'feature')");
            assertEquals("1", back.get("changes_merged"));
            assertEquals("main", back.get("source"));
            assertEquals("feature", back.get("target"));
            assertEquals(5, changes(main, "feature").size());
            assertState("55000", () -> run(main, "CALL cinch.merge_branch('main', 'feature')"));
            assertState("55000", () -> run(main, "CALL cinch.merge_branch('feature', 'main')"));
        }
        assertTenantsFollowTheLog("feature", TENANTS);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ALTER TABLE accounts ADD COLUMN plan TEXT|ALTER TABLE accounts ADD COLUMN tier TEXT|accounts",
        "ALTER TABLE accounts RENAME COLUMN name TO full_name|DROP VIEW v_accounts; ALTER TABLE accounts DROP COLUMN name|accounts",
        "CREATE INDEX ix_accounts_name ON accounts(name)|CREATE INDEX ix_accounts_name ON accounts(name, email)|ix_accounts_name",
        "DROP INDEX ix_accounts_email|DROP INDEX ix_accounts_email; CREATE UNIQUE INDEX ix_accounts_email ON accounts(email, id)|ix_accounts_email",
        "CREATE VIEW v_names AS SELECT name FROM accounts|CREATE VIEW v_names AS SELECT upper(name) AS name FROM accounts|v_names",
        "DROP VIEW v_accounts|DROP VIEW v_accounts; CREATE VIEW v_accounts AS SELECT name FROM accounts|v_accounts",
        "DROP VIEW v_accounts; DROP TABLE accounts|CREATE INDEX ix_accounts_name ON accounts(name)|accounts",
        "ALTER TABLE accounts RENAME TO customers|CREATE TRIGGER t_accounts AFTER INSERT ON accounts BEGIN SELECT 1; END|accounts"})
    void bothBranchesChangingTheSameEntityIsAConflictThatChangesNothing(String onFeature, String onMain, String entity)
            throws Exception {
        try (Connection f = open(pm, "branch=feature", "tenant=a")) {
            run(f, onFeature);
        }
        try (Connection main = open(pm, "tenant=a")) {
            run(main, onMain);
        }
        Map<String, List<String>> main = snapshot("main");
        Map<String, List<String>> feature = snapshot("feature");
        try (Connection c = open(pm)) {
            SQLException into = assertState("55000", () -> run(c, "CALL cinch.merge_branch('feature')"));
            assertTrue(into.getMessage().contains(entity), () -> "message should name " + entity + ": " + into.getMessage());
            SQLException back = assertState("55000", () -> run(c, "CALL cinch.merge_branch('main', 'feature')"));
            assertTrue(back.getMessage().contains(entity), () -> "message should name " + entity + ": " + back.getMessage());
        }
        assertEquals(main, snapshot("main"));
        assertEquals(feature, snapshot("feature"));
    }

    @Test
    void changesToDifferentObjectsOfTheSameTableDoNotConflict() throws Exception {
        try (Connection f = open(pm, "branch=feature")) {
            run(f, "CREATE INDEX ix_accounts_name ON accounts(name)");
        }
        try (Connection main = open(pm)) {
            run(main, "CREATE VIEW v_names AS SELECT name FROM accounts");
            assertEquals("three_way", merge(main, "CALL cinch.merge_branch('feature')").get("merge_type"));
        }
        assertTenantsFollowTheLog("main", TENANTS);
    }

    @Test
    void aMergeWithNothingToBringIsRefused() throws Exception {
        try (Connection f = open(pm, "branch=feature")) {
            assertState("55000", () -> run(f, "CALL cinch.merge_into_main()"));
            run(f, "CREATE TABLE invoices(id INTEGER PRIMARY KEY)", "CALL cinch.merge_into_main()");
            List<String> log = changes(f, "main");
            assertState("55000", () -> run(f, "CALL cinch.merge_into_main()"));
            assertState("55000", () -> run(f, "CALL cinch.merge_branch('feature', 'main')"));
            assertEquals(log, changes(f, "main"));
        }
        try (Connection main = open(pm)) {
            run(main, "CREATE TABLE payments(id INTEGER PRIMARY KEY)");
            assertState("55000", () -> run(main, "CALL cinch.merge_branch('feature')"));
            assertState("55000", () -> run(main, "CALL cinch.merge_into_main()"));
            assertState("55000", () -> run(main, "CALL cinch.merge_branch('main', 'main')"));
        }
    }

    @Test
    void previewMergeListsExactlyWhatTheMergeAppliesAndChangesNothing() throws Exception {
        try (Connection f = open(pm, "branch=feature")) {
            run(f, "CALL cinch.create_table('invoices', 'account_id:INTEGER total:REAL note:TEXT?')",
                    "CREATE INDEX ix_invoices_account ON invoices(account_id)",
                    "ALTER TABLE accounts ADD COLUMN plan TEXT");
        }
        try (Connection main = open(pm)) {
            run(main, "CREATE TABLE payments(id INTEGER PRIMARY KEY)");
        }
        Map<String, List<String>> before = snapshot("main");
        try (Connection c = open(pm)) {
            List<Map<String, String>> preview = maps(c, "CALL cinch.preview_merge('feature')");
            assertEquals(preview, maps(c, "CALL cinch.preview_merge('feature', 'main')"));
            assertEquals(3, preview.size(), preview::toString);
            assertEquals(List.of("invoices", "ix_invoices_account", "accounts"),
                    preview.stream().map(m -> m.get("entity")).toList());
            assertTrue(Long.parseLong(preview.get(0).get("seq")) < Long.parseLong(preview.get(1).get("seq")));
            assertTrue(Long.parseLong(preview.get(1).get("seq")) < Long.parseLong(preview.get(2).get("seq")));
            assertEquals(before, snapshot("main"));
            assertEquals("3", merge(c, "CALL cinch.merge_branch('feature')").get("changes_merged"));
            List<Map<String, String>> log = maps(c, "CALL cinch.list_changes('main')");
            List<Map<String, String>> applied = log.subList(log.size() - 3, log.size());
            for (int i = 0; i < 3; i++) {
                for (String key : List.of("type", "entity", "sql")) {
                    assertEquals(preview.get(i).get(key), applied.get(i).get(key), key + " of change " + i);
                }
            }
            assertEquals(List.of(), maps(c, "CALL cinch.preview_merge('feature')"));
        }
    }

    @Test
    void mergeBranchIntoAnExplicitTargetLeavesMainAlone() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_branch('qa')");
            try (Connection f = open(pm, "branch=feature")) {
                run(f, "CREATE TABLE invoices(id INTEGER PRIMARY KEY)");
            }
            Map<String, List<String>> main = snapshot("main");
            Map<String, String> result = merge(c, "CALL cinch.merge_branch('feature', 'qa')");
            assertEquals("qa", result.get("target"));
            assertEquals("fast_forward", result.get("merge_type"));
            assertEquals(changes(c, "feature"), changes(c, "qa"));
            assertEquals(main, snapshot("main"));
        }
        assertTenantsFollowTheLog("qa", TENANTS);
    }

    @Test
    void mergedDataDependentChangesHoldInMaterializedTenantsOfTheTarget() throws Exception {
        try (Connection f = open(pm, "branch=feature")) {
            run(f, "CREATE UNIQUE INDEX ux_accounts_email ON accounts(email)", "CALL cinch.merge_into_main()");
        }
        try (Connection a = open(pm, "tenant=a"); Connection b = open(pm, "tenant=b")) {
            assertState("23505", () -> run(a, "INSERT INTO accounts(email) VALUES ('x@a')"));
            run(b, "INSERT INTO accounts(email) VALUES ('y@b')");
            assertState("23505", () -> run(b, "INSERT INTO accounts(email) VALUES ('y@b')"));
        }
        assertTenantsFollowTheLog("main", TENANTS);
    }

    @Test
    void onlySchemaIsMergedNeverData() throws Exception {
        try (Connection f = open(pm, "branch=feature", "tenant=a")) {
            run(f, "INSERT INTO accounts(email) VALUES ('feature@a')", "INSERT INTO b.accounts(email) VALUES ('feature@b')",
                    "CREATE TABLE invoices(id INTEGER PRIMARY KEY)", "INSERT INTO invoices DEFAULT VALUES",
                    "CALL cinch.merge_into_main()");
        }
        try (Connection main = open(pm, "tenant=a")) {
            assertEquals(List.of("x@a"), rows(main, "SELECT email FROM accounts"));
            assertEquals("0", value(main, "SELECT count(*) FROM invoices"));
            assertEquals(List.of(), rows(main, "SELECT email FROM b.accounts"));
            assertEquals(Map.of("a", true, "b", false, "main", false), materialized(main));
        }
    }

    @Test
    void dependentChangesAreMergedInOrder() throws Exception {
        try (Connection f = open(pm, "branch=feature")) {
            run(f, "CREATE TABLE invoices(id INTEGER PRIMARY KEY)", "ALTER TABLE invoices ADD COLUMN total INTEGER",
                    "CREATE INDEX ix_invoices_total ON invoices(total)", "ALTER TABLE invoices RENAME TO bills",
                    "CREATE VIEW v_bills AS SELECT total FROM bills");
        }
        try (Connection main = open(pm)) {
            run(main, "CREATE TABLE payments(id INTEGER PRIMARY KEY)");
            assertEquals("5", merge(main, "CALL cinch.merge_branch('feature')").get("changes_merged"));
        }
        assertTenantsFollowTheLog("main", TENANTS);
        try (Connection a = open(pm, "tenant=a")) {
            run(a, "INSERT INTO bills(total) VALUES (7)");
            assertEquals("7", value(a, "SELECT total FROM v_bills"));
        }
    }
}
