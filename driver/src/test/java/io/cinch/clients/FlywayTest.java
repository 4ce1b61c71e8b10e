package io.cinch.clients;

import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static io.cinch.Projects.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cinch.Projects;
import io.cinch.jdbc.CinchDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway configured as users configure it, by URL (cinch's database-type plugin) or through {@link CinchDataSource}:
 * migrations' DDL reaches every tenant of the branch; their history and data stay in the tenant the URL names.
 */
class FlywayTest {

    /** Kept referenced so that its level holds: Flyway's progress messages are noise here. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private static final String MIGRATIONS = "classpath:db/cinch-migration";
    private static final String NEXT = "classpath:db/cinch-migration-next";
    private static final String BROKEN = "classpath:db/cinch-migration-broken-next";
    private static final String FIXED = "classpath:db/cinch-migration-fixed-next";

    @TempDir
    Path dir;

    private Path pm;

    @BeforeEach
    void project() throws SQLException {
        pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('acme')");
        }
    }

    /** Flyway on {@code tenant}, configured by URL, user and password, as the Flyway CLI and Spring Boot do. */
    private Flyway flyway(String tenant, String... locations) {
        return Flyway.configure()
                .dataSource(Projects.url(pm, "tenant=" + tenant), "", "")
                .locations(locations.length == 0 ? new String[] {MIGRATIONS} : locations)
                .load();
    }

    private List<String> changes() throws SQLException {
        try (Connection c = open(pm)) {
            return rows(c, "CALL cinch.list_changes()");
        }
    }

    private List<String> history(String tenant) throws SQLException {
        try (Connection c = open(pm, "tenant=" + tenant)) {
            return rows(c, "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank");
        }
    }

    @Test
    void flywayByUrlWorksOnTheUrlsTenantAsItsSchema() {
        assertEquals("acme", flyway("acme").info().getInfoResult().schemaName);
        assertEquals("main", flyway("main").info().getInfoResult().schemaName);
    }

    @Test
    void migrateOnMainRunsEveryMigrationAndTheTablesReachEveryTenant() throws SQLException {
        MigrateResult result = flyway("main").migrate();
        assertTrue(result.success);
        assertEquals(3, result.migrationsExecuted);
        assertEquals("3", result.targetSchemaVersion);
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('globex')");
        }
        for (String tenant : List.of("acme", "globex")) {
            try (Connection c = open(pm, "tenant=" + tenant)) {
                run(c, "INSERT INTO customers(name, plan) VALUES ('Ann', 'pro')");
                String customer = value(c, "SELECT id FROM customers");
                run(c, "INSERT INTO orders(customer_id, amount) VALUES ('" + customer + "', 5)");
                SQLException orphan = assertThrows(SQLException.class,
                        () -> run(c, "INSERT INTO orders(customer_id, amount) VALUES ('nobody', 5)"));
                assertEquals("23503", orphan.getSQLState());
                assertEquals(List.of("orders_by_customer"),
                        rows(c, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders'"));
            }
        }
        List<String> changes = changes();
        assertTrue(changes.stream().anyMatch(r -> r.contains("|customers|")), changes.toString());
        assertTrue(changes.stream().anyMatch(r -> r.contains("orders_by_customer")), changes.toString());
        assertTrue(changes.stream().anyMatch(r -> r.contains("flyway_schema_history")), changes.toString());
    }

    @Test
    void historyRowsAndMigratedDataStayInTheUrlsTenant() throws SQLException {
        flyway("main").migrate();
        assertEquals(List.of("1|1", "2|1", "3|1"), history("main"));
        assertEquals(List.of(), history("acme"), "acme has the history table (it is schema) but none of its rows");
        try (Connection c = open(pm)) {
            assertEquals(List.of("free|0", "pro|20"), rows(c, "SELECT name, price FROM plans ORDER BY name"));
            assertEquals("0", value(c, "SELECT COUNT(*) FROM acme.plans"));
        }
    }

    @Test
    void aMigrationRunThroughAnotherTenantKeepsItsHistoryThere() throws SQLException {
        Flyway locked = Flyway.configure()
                .dataSource(Projects.url(pm, "tenant=acme", "lock_tenant=true"), null, null)
                .locations(MIGRATIONS)
                .load();
        assertEquals(3, locked.migrate().migrationsExecuted);
        assertEquals(List.of("1|1", "2|1", "3|1"), history("acme"));
        assertEquals(List.of(), history("main"));
        try (Connection c = open(pm)) {
            assertEquals("0", value(c, "SELECT COUNT(*) FROM plans"));
            assertEquals("2", value(c, "SELECT COUNT(*) FROM acme.plans"));
        }
        assertEquals(0, locked.migrate().migrationsExecuted);
    }

    @Test
    void migratingAgainDoesNothing() throws SQLException {
        flyway("main").migrate();
        List<String> before = changes();
        MigrateResult again = flyway("main").migrate();
        assertTrue(again.success);
        assertEquals(0, again.migrationsExecuted);
        assertEquals(before, changes());
        assertEquals(List.of("1|1", "2|1", "3|1"), history("main"));
        flyway("main").validate();
        assertEquals(0, flyway("main").info().pending().length);
    }

    @Test
    void aDataSourceWorksAsTheUrlDoes() throws SQLException {
        CinchDataSource source = new CinchDataSource(Projects.url(pm));
        source.setTenant("acme");
        MigrateResult result = Flyway.configure().dataSource(source).locations(MIGRATIONS, NEXT).load().migrate();
        assertEquals(4, result.migrationsExecuted);
        assertEquals(List.of("1|1", "2|1", "3|1", "4|1"), history("acme"));
    }

    @Test
    void theSchemaOfAnotherTenantIsRefused() {
        Flyway other = Flyway.configure().dataSource(Projects.url(pm), "", "").schemas("acme").locations(MIGRATIONS).load();
        FlywayException refused = assertThrows(FlywayException.class, other::migrate);
        assertTrue(refused.getMessage().contains("tenant"), refused.getMessage());
    }

    /** Every tenant's schema and rows, the change log and the history: what a failed migration must leave alone. */
    private List<String> branchState() throws SQLException {
        List<String> state = new ArrayList<>(changes());
        for (String tenant : List.of("main", "acme", "globex")) {
            try (Connection c = open(pm, "tenant=" + tenant)) {
                state.add(tenant + ":");
                state.addAll(rows(c, "SELECT type, name, sql FROM sqlite_master ORDER BY name"));
                state.addAll(rows(c, "SELECT * FROM customers ORDER BY id"));
                state.addAll(rows(c, "SELECT installed_rank, version, success FROM flyway_schema_history ORDER BY 1"));
            }
        }
        return state;
    }

    @Test
    void aFailingMigrationLeavesTheBranchExactlyAsBeforeAndTheFixedOneThenApplies() throws SQLException {
        flyway("main").migrate();
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('globex')");
        }
        for (String tenant : List.of("main", "acme")) {
            try (Connection c = open(pm, "tenant=" + tenant)) {
                run(c, "INSERT INTO customers(name, plan) VALUES ('Ann of " + tenant + "', 'pro')");
            }
        }
        List<String> before = branchState();

        FlywayException failed = assertThrows(FlywayException.class, () -> flyway("main", MIGRATIONS, BROKEN).migrate());
        assertEquals("42000", sqlState(failed));
        assertEquals(before, branchState());

        MigrateResult fixed = flyway("main", MIGRATIONS, FIXED).migrate();
        assertEquals(1, fixed.migrationsExecuted);
        assertEquals(List.of("1|1", "2|1", "3|1", "4|1"), history("main"));
        for (String tenant : List.of("main", "acme", "globex")) {
            try (Connection c = open(pm, "tenant=" + tenant)) {
                assertEquals(List.of("customers_by_notes"),
                        rows(c, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customers' AND name NOT LIKE 'sqlite_%'"));
            }
        }
        try (Connection c = open(pm, "tenant=acme")) {
            assertEquals(List.of("Ann of acme|null"), rows(c, "SELECT name, notes FROM customers"),
                    "the migration's UPDATE is data: it ran on main only");
        }
    }

    @Test
    void twoFlywaysMigratingOneBranchAtOnceApplyEachMigrationOnce() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        Callable<MigrateResult> migrate = () -> {
            start.await();
            return flyway("main").migrate();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<MigrateResult> first = pool.submit(migrate);
            Future<MigrateResult> second = pool.submit(migrate);
            start.countDown();
            MigrateResult a = first.get();
            MigrateResult b = second.get();
            assertTrue(a.success && b.success);
            assertEquals(3, a.migrationsExecuted + b.migrationsExecuted);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("1|1", "2|1", "3|1"), history("main"));
        try (Connection c = open(pm, "tenant=acme")) {
            assertEquals("1", value(c, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'orders_by_customer'"));
        }
        assertEquals(1, changes().stream().filter(r -> r.contains("orders_by_customer")).count());
    }

    private static String sqlState(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException e) {
                return e.getSQLState();
            }
        }
        throw new AssertionError("no SQLException in", t);
    }
}
