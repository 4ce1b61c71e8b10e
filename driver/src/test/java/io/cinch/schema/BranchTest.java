package io.cinch.schema;

import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static io.cinch.Projects.value;
import static io.cinch.schema.SchemaSupport.assertState;
import static io.cinch.schema.SchemaSupport.dataFiles;
import static io.cinch.schema.SchemaSupport.maps;
import static io.cinch.schema.SchemaSupport.materialized;
import static io.cinch.schema.SchemaSupport.schemaOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Branches: created with a copy of their source's schema, log, tenants and data; listed, switched and deleted. */
class BranchTest {

    @TempDir
    Path dir;
    Path pm;

    /** Main has table t, tenant a with two rows and lazy tenant b. */
    @BeforeEach
    void project() throws SQLException {
        pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)", "CREATE INDEX ix_t_v ON t(v)",
                    "CALL cinch.create_tenant('a')", "CALL cinch.create_tenant('b')",
                    "INSERT INTO a.t(v) VALUES ('a1'), ('a2')");
        }
    }

    private Map<String, Map<String, String>> branches(Connection c) throws SQLException {
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (Map<String, String> row : maps(c, "CALL cinch.list_branches()")) {
            out.put(row.get("name"), row);
        }
        return out;
    }

    @Test
    void newBranchStartsWithTheSourcesSchemaChangeLogTenantsAndData() throws Exception {
        try (Connection c = open(pm)) {
            assertEquals(List.of("dev|main"), rows(c, "CALL cinch.create_branch('dev')"));
            assertEquals(maps(c, "CALL cinch.list_changes('main')"), maps(c, "CALL cinch.list_changes('dev')"));
        }
        try (Connection dev = open(pm, "branch=dev")) {
            assertEquals(Map.of("a", true, "b", false, "main", false), materialized(dev));
            assertEquals(List.of("a1", "a2"), rows(dev, "SELECT v FROM a.t ORDER BY id"));
            assertEquals(List.of(), rows(dev, "SELECT v FROM b.t"));
        }
        for (String tenant : List.of("a", "b", "main")) {
            assertEquals(schemaOf(pm, "main", tenant), schemaOf(pm, "dev", tenant), tenant);
        }
    }

    @Test
    void dataWrittenAfterBranchingStaysOnItsOwnBranch() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_branch('dev')", "INSERT INTO a.t(v) VALUES ('main only')");
        }
        try (Connection dev = open(pm, "branch=dev", "tenant=a")) {
            run(dev, "INSERT INTO t(v) VALUES ('dev only')", "UPDATE t SET v = 'changed on dev' WHERE v = 'a1'",
                    "INSERT INTO b.t(v) VALUES ('dev b')");
            assertEquals(List.of("changed on dev", "a2", "dev only"), rows(dev, "SELECT v FROM t ORDER BY id"));
            assertEquals(Map.of("a", true, "b", true, "main", false), materialized(dev));
        }
        try (Connection main = open(pm, "tenant=a")) {
            assertEquals(List.of("a1", "a2", "main only"), rows(main, "SELECT v FROM t ORDER BY id"));
            assertEquals(List.of(), rows(main, "SELECT v FROM b.t"));
            assertEquals(Map.of("a", true, "b", false, "main", false), materialized(main));
        }
    }

    @Test
    void tenantsCreatedOrDeletedOnOneBranchDoNotAffectTheOther() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_branch('dev')", "CALL cinch.create_tenant('main_only')",
                    "CALL cinch.delete_tenant('b')");
        }
        try (Connection dev = open(pm, "branch=dev")) {
            assertEquals(Set.of("a", "b", "main"), materialized(dev).keySet());
        }
        try (Connection main = open(pm)) {
            assertEquals(Set.of("a", "main", "main_only"), materialized(main).keySet());
        }
    }

    @Test
    void schemaChangesOnABranchStayOnThatBranch() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_branch('dev')");
        }
        try (Connection dev = open(pm, "branch=dev", "tenant=a")) {
            run(dev, "ALTER TABLE t ADD COLUMN w TEXT", "CREATE TABLE dev_only(x)");
            assertEquals(4, maps(dev, "CALL cinch.list_changes()").size());
        }
        try (Connection main = open(pm, "tenant=a")) {
            assertEquals(2, maps(main, "CALL cinch.list_changes()").size());
            assertEquals(List.of("id", "v"), rows(main, "SELECT name FROM pragma_table_info('t') ORDER BY cid"));
            assertEquals("0", value(main, "SELECT count(*) FROM sqlite_master WHERE name = 'dev_only'"));
        }
    }

    @Test
    void createBranchFromANamedSource() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_branch('dev')");
            try (Connection dev = open(pm, "branch=dev", "tenant=a")) {
                run(dev, "CREATE TABLE dev_only(x)", "INSERT INTO t(v) VALUES ('dev row')");
            }
            assertEquals(List.of("dev2|dev"), rows(c, "CALL cinch.create_branch('dev2', 'dev')"));
            assertEquals("main", c.getCatalog());
            assertEquals(maps(c, "CALL cinch.list_changes('dev')"), maps(c, "CALL cinch.list_changes('dev2')"));
            assertEquals("dev", branches(c).get("dev2").get("source"));
        }
        try (Connection dev2 = open(pm, "branch=dev2", "tenant=a")) {
            assertEquals(List.of("a1", "a2", "dev row"), rows(dev2, "SELECT v FROM t ORDER BY id"));
            assertEquals("1", value(dev2, "SELECT count(*) FROM sqlite_master WHERE name = 'dev_only'"));
        }
    }

    @Test
    void listBranchesGivesNameSourceAndCreatedAt() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_branch('dev')", "CALL cinch.create_branch('feature-x', 'dev')");
            Map<String, Map<String, String>> branches = branches(c);
            assertEquals(Set.of("main", "dev", "feature-x"), branches.keySet());
            assertNull(branches.get("main").get("source"));
            assertEquals("main", branches.get("dev").get("source"));
            assertEquals("dev", branches.get("feature-x").get("source"));
            for (Map<String, String> b : branches.values()) {
                assertTrue(DdlFanoutTest.CREATED_AT.matcher(b.get("created_at")).matches(), b::toString);
            }
            assertTrue(branches.get("dev").get("created_at").compareTo(branches.get("main").get("created_at")) >= 0);
        }
    }

    @Test
    void switchBranchIsSetCatalogAndKeepsTheTenant() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_branch('dev')");
            try (Connection dev = open(pm, "branch=dev", "tenant=a")) {
                run(dev, "CREATE TABLE dev_only(x)", "INSERT INTO dev_only VALUES ('on dev')");
            }
        }
        try (Connection c = open(pm, "tenant=a")) {
            assertEquals("main", c.getCatalog());
            assertEquals(List.of("dev"), rows(c, "CALL cinch.switch_branch('dev')"));
            assertEquals("dev", c.getCatalog());
            assertEquals("a", c.getSchema());
            assertEquals(List.of("on dev"), rows(c, "SELECT x FROM dev_only"));
            c.setCatalog("main");
            assertEquals("main", c.getCatalog());
            assertEquals("a", c.getSchema());
            assertState("42000", () -> rows(c, "SELECT x FROM dev_only"));
            c.setCatalog("dev");
            assertEquals("dev", c.getCatalog());
            assertEquals(List.of("on dev"), rows(c, "SELECT x FROM dev_only"));
            assertEquals(3, maps(c, "CALL cinch.list_changes()").size());
        }
    }

    @Test
    void switchingToABranchWithoutTheTenantIsRefused() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_branch('dev')");
        }
        try (Connection c = open(pm, "branch=dev")) {
            run(c, "CALL cinch.create_tenant('dev_tenant')", "CALL cinch.switch_tenant('dev_tenant')");
            assertState("3F000", () -> c.setCatalog("main"));
            assertEquals("dev", c.getCatalog());
            assertEquals("dev_tenant", c.getSchema());
        }
    }

    @Test
    void getCatalogsListsTheBranches() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_branch('dev')", "CALL cinch.create_branch('qa')");
            List<String> catalogs = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getCatalogs()) {
                while (rs.next()) {
                    catalogs.add(rs.getString("TABLE_CAT"));
                }
            }
            assertEquals(Set.of("main", "dev", "qa"), Set.copyOf(catalogs));
            assertEquals(3, catalogs.size());
            run(c, "CALL cinch.delete_branch('qa')");
            try (ResultSet rs = c.getMetaData().getCatalogs()) {
                assertEquals(List.of("dev", "main"), sorted(io.cinch.Projects.rows(rs)));
            }
        }
    }

    private static List<String> sorted(List<String> l) {
        List<String> out = new ArrayList<>(l);
        out.sort(null);
        return out;
    }

    @Test
    void deleteBranchRemovesItAndItsFiles() throws Exception {
        Set<Path> before = dataFiles(pm);
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_branch('dev')");
        }
        try (Connection dev = open(pm, "branch=dev")) {
            run(dev, "INSERT INTO b.t(v) VALUES ('b on dev')", "CALL cinch.create_tenant('x')", "INSERT INTO x.t(v) VALUES ('x')");
        }
        Set<Path> added = new HashSet<>(dataFiles(pm));
        added.removeAll(before);
        assertTrue(added.stream().filter(p -> p.toString().endsWith(".db")).count() >= 4, added::toString);
        try (Connection c = open(pm)) {
            assertEquals(List.of("dev"), rows(c, "CALL cinch.delete_branch('dev')"));
            assertEquals(Set.of("main"), branches(c).keySet());
            assertEquals(List.of("a1", "a2"), rows(c, "SELECT v FROM a.t ORDER BY id"));
        }
        for (Path p : added) {
            assertFalse(Files.exists(p), () -> p + " is left over");
        }
        assertState("3D000", () -> open(pm, "branch=dev").close());
    }

    @Test
    void aDeletedBranchCanBeCreatedAgainFresh() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_branch('dev')");
            try (Connection dev = open(pm, "branch=dev", "tenant=a")) {
                run(dev, "CREATE TABLE old_dev(x)", "INSERT INTO t(v) VALUES ('old dev')");
            }
            run(c, "CALL cinch.delete_branch('dev')", "CALL cinch.create_branch('dev')");
        }
        try (Connection dev = open(pm, "branch=dev", "tenant=a")) {
            assertEquals(List.of("a1", "a2"), rows(dev, "SELECT v FROM t ORDER BY id"));
            assertEquals("0", value(dev, "SELECT count(*) FROM sqlite_master WHERE name = 'old_dev'"));
            assertEquals(2, maps(dev, "CALL cinch.list_changes()").size());
        }
    }

    @Test
    void aConnectionOnADeletedBranchGetsUnknownBranch() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_branch('dev')");
            try (Connection dev = open(pm, "branch=dev", "tenant=a")) {
                assertEquals("2", value(dev, "SELECT count(*) FROM t"));
                run(c, "CALL cinch.delete_branch('dev')");
                assertState("3D000", () -> value(dev, "SELECT count(*) FROM t"));
            }
        }
    }

    @Test
    void deletingMainIsNotAllowed() throws Exception {
        try (Connection c = open(pm)) {
            assertState("42501", () -> run(c, "CALL cinch.delete_branch('main')"));
            assertEquals(Set.of("main"), branches(c).keySet());
        }
    }

    @Test
    void unknownBranchesGetUnknownBranch() throws Exception {
        try (Connection c = open(pm)) {
            assertState("3D000", () -> run(c, "CALL cinch.delete_branch('nope')"));
            assertState("3D000", () -> run(c, "CALL cinch.switch_branch('nope')"));
            assertState("3D000", () -> c.setCatalog("nope"));
            assertState("3D000", () -> run(c, "CALL cinch.create_branch('dev', 'nope')"));
            assertState("3D000", () -> run(c, "CALL cinch.list_changes('nope')"));
            assertState("3D000", () -> run(c, "CALL cinch.merge_branch('nope')"));
            assertState("3D000", () -> run(c, "CALL cinch.preview_merge('nope')"));
            assertState("3D000", () -> open(pm, "branch=nope").close());
            assertEquals("main", c.getCatalog());
            assertEquals(Set.of("main"), branches(c).keySet());
        }
    }

    @Test
    void existingBranchNamesCannotBeCreatedAgain() throws Exception {
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_branch('dev')");
            assertState("42710", () -> run(c, "CALL cinch.create_branch('dev')"));
            assertState("42710", () -> run(c, "CALL cinch.create_branch('main', 'dev')"));
            assertEquals(Set.of("main", "dev"), branches(c).keySet());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dev", "..", "a/b", "-dev", "dev-", "de--v", "con", "lpt1", "with space",
            "x123456789012345678901234567890123456789012345678901234567890123"})
    void invalidBranchNamesAreRefused(String name) throws Exception {
        try (Connection c = open(pm)) {
            assertState("42602", () -> run(c, "CALL cinch.create_branch('" + name + "')"));
            assertState("42602", () -> run(c, "CALL cinch.switch_branch('" + name + "')"));
            assertState("42602", () -> c.setCatalog(name));
            assertEquals(Set.of("main"), branches(c).keySet());
        }
    }

    @Test
    void eachTenantsCopyHoldsWholeTransactionsWhileWritersGoOn() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (Connection a = open(pm, "tenant=a")) {
                a.setAutoCommit(false);
                while (!stop.get()) {
                    run(a, "INSERT INTO t(v) VALUES ('tx')", "INSERT INTO t(v) VALUES ('tx')", "INSERT INTO t(v) VALUES ('tx')");
                    a.commit();
                }
            } catch (Throwable e) {
                failed.set(e);
            }
        });
        writer.start();
        try (Connection c = open(pm)) {
            while (Integer.parseInt(value(c, "SELECT count(*) FROM a.t")) < 30) {
                Thread.onSpinWait();
            }
            for (int i = 0; i < 3; i++) {
                run(c, "CALL cinch.create_branch('copy" + i + "')");
            }
        } finally {
            stop.set(true);
            writer.join();
        }
        assertNull(failed.get());
        for (int i = 0; i < 3; i++) {
            try (Connection copy = open(pm, "branch=copy" + i, "tenant=a")) {
                int tx = Integer.parseInt(value(copy, "SELECT count(*) FROM t WHERE v = 'tx'"));
                assertEquals(0, tx % 3, "copy" + i + " has " + tx + " rows of three-row transactions");
                assertEquals(List.of("a1", "a2"), rows(copy, "SELECT v FROM t WHERE v <> 'tx' ORDER BY id"));
            }
        }
    }
}
