package io.cinch.clients;

import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static io.cinch.Projects.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cinch.Projects;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway migrations through a cinch DataSource: their DDL reaches every tenant of the branch, their history and data
 * stay in tenant main.
 */
class FlywayTest {

    /** Kept referenced so that its level holds: Flyway's progress messages are noise here. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private static final String MIGRATIONS = "classpath:db/cinch-migration";
    private static final String NEXT = "classpath:db/cinch-migration-next";
    private static final String BROKEN = "classpath:db/cinch-migration-broken";

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

    /** The simplest DataSource: a new cinch connection from DriverManager for each request. */
    record CinchDataSource(String url) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url);
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // no logging
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // opening a file does not wait for a server
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper", "0A000");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }

    private Flyway flyway(String tenant, String... locations) {
        return Flyway.configure()
                .dataSource(new CinchDataSource(Projects.url(pm, "tenant=" + tenant)))
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
    void historyRowsAndMigratedDataStayInTenantMain() throws SQLException {
        flyway("main").migrate();
        assertEquals(List.of("1|1", "2|1", "3|1"), history("main"));
        assertEquals(List.of(), history("acme"), "acme has the history table (it is schema) but none of its rows");
        try (Connection c = open(pm)) {
            assertEquals(List.of("free|0", "pro|20"), rows(c, "SELECT name, price FROM plans ORDER BY name"));
            assertEquals("0", value(c, "SELECT COUNT(*) FROM acme.plans"));
        }
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

    /*
     * Running Flyway against a second tenant of an already migrated branch: Flyway's SQLite support addresses its
     * history table as "main"."flyway_schema_history" (SQLite's name for the connection's own database), and cinch
     * reads a main. qualifier as the tenant called main. So Flyway on any tenant reads and writes the one history kept
     * in tenant main: it finds the branch up to date and does nothing, and a new migration run from any tenant is
     * applied once, branch-wide, and recorded in tenant main. That is the behaviour one wants (schema belongs to the
     * branch, so its history should too); the next two tests pin it. A connection opened with lock_tenant=true on
     * another tenant cannot reach tenant main, so Flyway cannot run there (42501).
     */
    @Test
    void migratingASecondTenantFindsTheBranchUpToDateThroughTenantMainsHistory() throws SQLException {
        flyway("main").migrate();
        List<String> before = changes();
        MigrateResult onAcme = flyway("acme").migrate();
        assertTrue(onAcme.success);
        assertEquals(0, onAcme.migrationsExecuted);
        assertEquals(before, changes());
        assertEquals(List.of(), history("acme"));
        assertEquals(List.of("1|1", "2|1", "3|1"), history("main"));
    }

    @Test
    void newMigrationRunFromASecondTenantIsAppliedOnceAndRecordedInMain() throws SQLException {
        flyway("main").migrate();
        MigrateResult next = flyway("acme", MIGRATIONS, NEXT).migrate();
        assertEquals(1, next.migrationsExecuted);
        assertEquals(List.of("1|1", "2|1", "3|1", "4|1"), history("main"));
        assertEquals(List.of(), history("acme"));
        for (String tenant : List.of("main", "acme")) {
            try (Connection c = open(pm, "tenant=" + tenant)) {
                run(c, "INSERT INTO customers(name, plan, notes) VALUES ('Bo', 'free', 'has notes')");
            }
        }
        assertEquals(0, flyway("main", MIGRATIONS, NEXT).migrate().migrationsExecuted);
    }

    /**
     * Flyway runs a SQLite migration in a transaction and expects a failure to undo all of it, but cinch commits a
     * schema change at once (as MySQL does): the DDL before the failing statement stays, branch-wide, while Flyway
     * records nothing, so the migration must be written to be re-runnable (or split one DDL per file).
     */
    @Test
    void failedMigrationKeepsTheSchemaChangesThatRanBeforeTheError() throws SQLException {
        FlywayException failed = assertThrows(FlywayException.class, () -> flyway("main", BROKEN).migrate());
        assertEquals("42000", sqlState(failed));
        try (Connection c = open(pm, "tenant=acme")) {
            assertEquals("0", value(c, "SELECT COUNT(*) FROM half_done"));
            assertEquals(List.of(), rows(c, "SELECT version FROM main.flyway_schema_history WHERE version IS NOT NULL"));
        }
    }

    @Test
    void lockedConnectionOnAnotherTenantCannotReachTheHistory() throws SQLException {
        flyway("main").migrate();
        Flyway locked = Flyway.configure()
                .dataSource(new CinchDataSource(Projects.url(pm, "tenant=acme", "lock_tenant=true")))
                .locations(MIGRATIONS)
                .load();
        FlywayException refused = assertThrows(FlywayException.class, locked::migrate);
        assertEquals("42501", sqlState(refused));
        assertEquals(List.of("1|1", "2|1", "3|1"), history("main"));
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
