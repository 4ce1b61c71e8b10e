package io.cinch.schema;

import static io.cinch.Projects.awaitCatchUp;
import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static io.cinch.schema.SchemaSupport.assertState;
import static io.cinch.schema.SchemaSupport.changes;
import static io.cinch.schema.SchemaSupport.materialized;
import static io.cinch.schema.SchemaSupport.rawSchema;
import static io.cinch.schema.SchemaSupport.schemaOf;
import static io.cinch.schema.SchemaSupport.tenantFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A schema change or merge that fails on one tenant's data fails whole: no tenant, lazy or not, gets any of it. */
class AllOrNothingTest {

    static final List<String> TENANTS = List.of("shop_0", "shop_1", "shop_2", "shop_3", "shop_4", "shop_5", "shop_6",
            "shop_7");
    static final Set<String> LAZY = Set.of("shop_2", "shop_5");

    @TempDir
    Path dir;
    Path pm;

    /** Eight tenants of which six have files (and rows in items unless {@code empty}) and two are lazy. */
    @BeforeEach
    void project() {
        pm = dir.resolve("pm");
    }

    private void tenants(boolean withRows) throws SQLException {
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE items(id INTEGER PRIMARY KEY, v TEXT)");
            for (String t : TENANTS) {
                run(c, "CALL cinch.create_tenant('" + t + "')");
                if (!LAZY.contains(t)) {
                    run(c, "INSERT INTO " + t + ".items(v) VALUES ('" + t + "-1'), ('" + t + "-2')");
                    if (!withRows) {
                        run(c, "DELETE FROM " + t + ".items");
                    }
                }
            }
        }
    }

    /** Everything that must not change when a change is refused. */
    private record State(List<String> log, Map<String, Boolean> materialized, Map<String, List<String>> schemas,
                         Map<String, List<String>> data, Map<Path, List<String>> files) {
    }

    private State state(String branch) throws SQLException {
        awaitCatchUp(pm);
        try (Connection c = open(pm, "branch=" + branch)) {
            Map<String, List<String>> schemas = new LinkedHashMap<>();
            Map<String, List<String>> data = new LinkedHashMap<>();
            for (String t : TENANTS) {
                schemas.put(t, schemaOf(pm, branch, t));
                try (Connection tc = open(pm, "branch=" + branch, "tenant=" + t)) {
                    List<String> info = new ArrayList<>(rows(tc, "PRAGMA table_info(items)"));
                    info.addAll(rows(tc, "PRAGMA index_list(items)"));
                    schemas.put(t + " pragmas", info);
                    data.put(t, rows(tc, "SELECT * FROM items ORDER BY id"));
                }
            }
            Map<Path, List<String>> files = new LinkedHashMap<>();
            for (Path f : tenantFiles(pm)) {
                files.put(f, rawSchema(f));
            }
            return new State(changes(c, branch), materialized(c), schemas, data, files);
        }
    }

    private static void assertNamesTenant(SQLException e, String tenant) {
        assertTrue(String.valueOf(e.getMessage()).contains(tenant), () -> "message should name " + tenant + ": " + e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"shop_0", "shop_4", "shop_7"})
    void uniqueIndexOverDuplicatesInOneTenantChangesNoTenant(String k) throws Exception {
        tenants(true);
        try (Connection c = open(pm, "tenant=" + k)) {
            run(c, "INSERT INTO items(v) VALUES ('dup'), ('dup')");
        }
        State before = state("main");
        try (Connection c = open(pm, "tenant=shop_1")) {
            SQLException refused = assertState("23505", () -> run(c, "CREATE UNIQUE INDEX ux_items_v ON items(v)"));
            assertNamesTenant(refused, k);
            assertEquals(19, refused.getErrorCode(), "SQLITE_CONSTRAINT, as sqlite-jdbc reports it");
        }
        assertEquals(before, state("main"));
        try (Connection c = open(pm, "tenant=" + k)) {
            run(c, "DELETE FROM items WHERE v = 'dup'");
            run(c, "CREATE UNIQUE INDEX ux_items_v ON items(v)");
            assertEquals(before.log().size() + 1, changes(c, "main").size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"shop_0", "shop_4", "shop_7"})
    void notNullColumnWithoutDefaultWhenOnlyOneTenantHasRowsChangesNoTenant(String k) throws Exception {
        tenants(false);
        try (Connection c = open(pm, "tenant=" + k)) {
            run(c, "INSERT INTO items(v) VALUES ('only row')");
        }
        State before = state("main");
        try (Connection c = open(pm, "tenant=shop_2")) {
            assertNamesTenant(assertState("23502", () -> run(c, "ALTER TABLE items ADD COLUMN x TEXT NOT NULL")), k);
        }
        assertEquals(before, state("main"));
        try (Connection c = open(pm, "tenant=" + k)) {
            run(c, "DELETE FROM items");
            run(c, "ALTER TABLE items ADD COLUMN x TEXT NOT NULL");
            assertEquals(before.log().size() + 1, changes(c, "main").size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"shop_0", "shop_4", "shop_7"})
    void checkColumnViolatedByOneTenantsRowsChangesNoTenant(String k) throws Exception {
        tenants(true);
        try (Connection c = open(pm, "tenant=" + k)) {
            run(c, "INSERT INTO items(v) VALUES ('bad')");
        }
        State before = state("main");
        try (Connection c = open(pm)) {
            assertNamesTenant(assertState("23514",
                    () -> run(c, "ALTER TABLE items ADD COLUMN w TEXT CHECK (v <> 'bad')")), k);
        }
        assertEquals(before, state("main"));
        try (Connection c = open(pm, "tenant=" + k)) {
            run(c, "DELETE FROM items WHERE v = 'bad'");
            run(c, "ALTER TABLE items ADD COLUMN w TEXT CHECK (v <> 'bad')");
            assertEquals(before.log().size() + 1, changes(c, "main").size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"shop_0", "shop_4", "shop_7"})
    void wronglyTypedDefaultInAStrictTableWhenOnlyOneTenantHasRowsChangesNoTenant(String k) throws Exception {
        tenants(false);
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE strict_items(id INTEGER PRIMARY KEY, v TEXT) STRICT");
        }
        try (Connection c = open(pm, "tenant=" + k)) {
            run(c, "INSERT INTO strict_items(v) VALUES ('row')");
        }
        State before = state("main");
        List<String> strictBefore = new ArrayList<>();
        for (String t : TENANTS) {
            try (Connection tc = open(pm, "tenant=" + t)) {
                strictBefore.addAll(rows(tc, "SELECT '" + t + "', * FROM strict_items"));
            }
        }
        try (Connection c = open(pm, "tenant=shop_1")) {
            SQLException e = SchemaSupport.assertSomeState(
                    () -> run(c, "ALTER TABLE strict_items ADD COLUMN x INTEGER DEFAULT 'abc'"));
            assertNamesTenant(e, k);
        }
        assertEquals(before, state("main"));
        List<String> strictAfter = new ArrayList<>();
        for (String t : TENANTS) {
            try (Connection tc = open(pm, "tenant=" + t)) {
                strictAfter.addAll(rows(tc, "SELECT '" + t + "', * FROM strict_items"));
            }
        }
        assertEquals(strictBefore, strictAfter);
    }

    @ParameterizedTest
    @ValueSource(strings = {"shop_0", "shop_4", "shop_7"})
    void droppingATableThatOneTenantsRowsReferenceChangesNoTenant(String k) throws Exception {
        tenants(true);
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE notes(id INTEGER PRIMARY KEY, item_id INTEGER REFERENCES items(id))");
        }
        try (Connection c = open(pm, "tenant=" + k)) {
            run(c, "INSERT INTO notes(item_id) VALUES (1)");
        }
        State before = state("main");
        try (Connection c = open(pm, "tenant=shop_5")) {
            assertNamesTenant(assertState("23503", () -> run(c, "DROP TABLE items")), k);
        }
        assertEquals(before, state("main"));
        try (Connection c = open(pm, "tenant=" + k)) {
            run(c, "DELETE FROM notes");
            run(c, "DROP TABLE items");
            assertEquals(before.log().size() + 1, changes(c, "main").size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"shop_0", "shop_4", "shop_7"})
    void mergeThatFailsOnOneTenantOfTheTargetChangesNothing(String k) throws Exception {
        tenants(true);
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_branch('feature')");
        }
        try (Connection f = open(pm, "branch=feature")) {
            run(f, "CREATE TABLE extra(x TEXT)", "CREATE UNIQUE INDEX ux_items_v ON items(v)");
        }
        try (Connection c = open(pm, "tenant=" + k)) {
            run(c, "INSERT INTO items(v) VALUES ('dup'), ('dup')");
        }
        State main = state("main");
        State feature = state("feature");
        try (Connection c = open(pm)) {
            assertNamesTenant(assertState("23505", () -> run(c, "CALL cinch.merge_branch('feature', 'main')")), k);
        }
        assertEquals(main, state("main"));
        assertEquals(feature, state("feature"));
        try (Connection c = open(pm, "tenant=" + k)) {
            run(c, "DELETE FROM items WHERE v = 'dup'");
            run(c, "CALL cinch.merge_branch('feature', 'main')");
            assertEquals(main.log().size() + 2, changes(c, "main").size());
        }
    }
}
