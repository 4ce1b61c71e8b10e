package io.cinch.clients;

import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static io.cinch.Projects.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.cinch.Projects;
import io.cinch.jdbc.CinchConnection;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HikariCP pools on cinch URLs keep tenants apart, honour read-only and transaction settings, and validate connections. */
class HikariTest {

    private static final List<String> TENANTS = List.of("acme", "globex", "initech");

    @TempDir
    Path dir;

    private Path pm;

    @BeforeEach
    void project() throws SQLException {
        pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_table('notes', 'author:TEXT body:TEXT')");
            for (String t : TENANTS) {
                run(c, "CALL cinch.create_tenant('" + t + "')");
            }
        }
    }

    private HikariDataSource pool(String url, Consumer<HikariConfig> settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setDriverClassName("io.cinch.jdbc.CinchDriver");
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(0);
        config.setPoolName("cinch-test");
        settings.accept(config);
        return new HikariDataSource(config);
    }

    private static void insert(Connection c, String author, String body) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO notes(author, body) VALUES (?, ?)")) {
            ps.setString(1, author);
            ps.setString(2, body);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private String count(String tenant) throws SQLException {
        try (Connection c = open(pm, "tenant=" + tenant)) {
            return value(c, "SELECT COUNT(*) FROM notes");
        }
    }

    @Test
    void poolOnATenantUrlReadsAndWritesThatTenant() throws SQLException {
        try (HikariDataSource ds = pool(Projects.url(pm, "tenant=acme"), c -> { })) {
            try (Connection c = ds.getConnection()) {
                assertEquals("acme", c.getSchema());
                assertEquals("main", c.getCatalog());
                assertEquals("SQLite", c.getMetaData().getDatabaseProductName());
                insert(c, "ann", "hello");
                assertEquals(List.of("ann|hello"), rows(c, "SELECT author, body FROM notes"));
            }
        }
        assertEquals("1", count("acme"));
        assertEquals("0", count("main"));
        assertEquals("0", count("globex"));
    }

    @Test
    void readOnlyPoolReadsButRefusesWritesAndSchemaChanges() throws SQLException {
        try (Connection c = open(pm, "tenant=acme")) {
            insert(c, "ann", "written before");
        }
        try (HikariDataSource ds = pool(Projects.url(pm, "tenant=acme"), c -> c.setReadOnly(true))) {
            try (Connection c = ds.getConnection()) {
                assertTrue(c.isReadOnly());
                assertEquals(List.of("written before"), rows(c, "SELECT body FROM notes"));
                SQLException write = assertThrows(SQLException.class, () -> insert(c, "bob", "refused"));
                assertEquals("25006", write.getSQLState());
                SQLException ddl = assertThrows(SQLException.class, () -> run(c, "CREATE TABLE other(x)"));
                assertEquals("25006", ddl.getSQLState());
            }
        }
        assertEquals("1", count("acme"));
        try (Connection c = open(pm)) {
            assertEquals("0", value(c, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'other'"));
        }
    }

    @Test
    void readOnlyPoolRefusesProceduresThatChangeTheProjectButListsAndSwitches() throws SQLException {
        try (HikariDataSource ds = pool(Projects.url(pm), c -> c.setReadOnly(true))) {
            try (Connection c = ds.getConnection()) {
                SQLException table = assertThrows(SQLException.class, () -> run(c, "CALL cinch.create_table('other', 'x:TEXT')"));
                assertEquals("25006", table.getSQLState());
                SQLException tenant = assertThrows(SQLException.class, () -> run(c, "CALL cinch.create_tenant('hooli')"));
                assertEquals("25006", tenant.getSQLState());
                assertEquals(4, rows(c, "CALL cinch.list_tenants()").size());
                run(c, "CALL cinch.switch_tenant('acme')");
                assertEquals("acme", c.getSchema());
            }
        }
        try (Connection c = open(pm)) {
            assertEquals("0", value(c, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'other'"));
            assertEquals(4, rows(c, "CALL cinch.list_tenants()").size());
        }
    }

    @Test
    void readOnlyPoolOnALazyTenantLeavesItLazy() throws SQLException {
        try (HikariDataSource ds = pool(Projects.url(pm, "tenant=globex"), c -> c.setReadOnly(true))) {
            try (Connection c = ds.getConnection()) {
                assertEquals("0", value(c, "SELECT COUNT(*) FROM notes"));
                SQLException write = assertThrows(SQLException.class, () -> insert(c, "bob", "refused"));
                assertEquals("25006", write.getSQLState());
            }
        }
        try (Connection c = open(pm)) {
            try (ResultSet rs = c.createStatement().executeQuery("CALL cinch.list_tenants()")) {
                boolean seen = false;
                while (rs.next()) {
                    if (rs.getString("name").equals("globex")) {
                        seen = true;
                        assertFalse(rs.getBoolean("materialized"));
                    }
                }
                assertTrue(seen);
            }
        }
    }

    @Test
    void threadsOnOnePoolPerTenantSeeOnlyTheirTenantsRows() throws Exception {
        List<HikariDataSource> pools = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(TENANTS.size() * 2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String tenant : TENANTS) {
                HikariDataSource ds = pool(Projects.url(pm, "tenant=" + tenant), c -> { });
                pools.add(ds);
                for (int worker = 0; worker < 2; worker++) {
                    int w = worker;
                    done.add(threads.submit((Callable<Void>) () -> {
                        for (int i = 0; i < 10; i++) {
                            try (Connection c = ds.getConnection()) {
                                assertEquals(tenant, c.getSchema());
                                insert(c, tenant, "w" + w + "-" + i);
                            }
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
            pools.forEach(HikariDataSource::close);
        }
        for (String tenant : TENANTS) {
            try (Connection c = open(pm, "tenant=" + tenant)) {
                assertEquals(List.of(tenant + "|20"), rows(c, "SELECT author, COUNT(*) FROM notes GROUP BY author"));
            }
        }
        assertEquals("0", count("main"));
    }

    @Test
    void poolWithAConfiguredSchemaPutsAReturnedConnectionBackOnThatTenant() throws SQLException {
        try (HikariDataSource ds = pool(Projects.url(pm), c -> {
            c.setSchema("main");
            c.setMaximumPoolSize(1);
        })) {
            CinchConnection first;
            try (Connection c = ds.getConnection()) {
                first = c.unwrap(CinchConnection.class);
                c.setSchema("acme");
                insert(c, "ann", "for acme");
            }
            try (Connection c = ds.getConnection()) {
                assertSame(first, c.unwrap(CinchConnection.class), "the pool hands out its only connection again");
                assertEquals("main", c.getSchema());
                assertEquals("main", first.getSchema());
                assertEquals("0", value(c, "SELECT COUNT(*) FROM notes"));
                insert(c, "mia", "for main");
            }
        }
        assertEquals("1", count("acme"));
        assertEquals("1", count("main"));
    }

    /**
     * HikariCP resets the schema on return only when the pool is configured with one ({@code HikariConfig.setSchema});
     * without it, the next borrower gets the tenant the previous one switched to. Pools whose borrowers call
     * {@code setSchema} must therefore set the pool's schema.
     */
    @Test
    void poolWithoutAConfiguredSchemaHandsOutTheTenantTheLastBorrowerChose() throws SQLException {
        try (HikariDataSource ds = pool(Projects.url(pm), c -> c.setMaximumPoolSize(1))) {
            try (Connection c = ds.getConnection()) {
                c.setSchema("acme");
            }
            try (Connection c = ds.getConnection()) {
                assertEquals("acme", c.getSchema());
            }
        }
    }

    @Test
    void threadsSwitchingTenantsWithSetSchemaOnOneSharedPoolStayIsolated() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(TENANTS.size());
        try (HikariDataSource ds = pool(Projects.url(pm), c -> {
            c.setSchema("main");
            c.setMaximumPoolSize(2);
        })) {
            List<Future<?>> done = new ArrayList<>();
            for (String tenant : TENANTS) {
                done.add(threads.submit((Callable<Void>) () -> {
                    for (int i = 0; i < 10; i++) {
                        try (Connection c = ds.getConnection()) {
                            assertEquals("main", c.getSchema(), "a borrowed connection starts on the pool's tenant");
                            c.setSchema(tenant);
                            insert(c, tenant, "n" + i);
                            assertEquals(List.of(tenant), rows(c, "SELECT DISTINCT author FROM notes"));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        for (String tenant : TENANTS) {
            try (Connection c = open(pm, "tenant=" + tenant)) {
                assertEquals(List.of(tenant + "|10"), rows(c, "SELECT author, COUNT(*) FROM notes GROUP BY author"));
            }
        }
        assertEquals("0", count("main"));
    }

    @Test
    void poolValidatesConnectionsWithIsValidOrATestQuery() throws SQLException {
        try (HikariDataSource byIsValid = pool(Projects.url(pm), c -> c.setMinimumIdle(1));
             HikariDataSource byQuery = pool(Projects.url(pm), c -> c.setConnectionTestQuery("SELECT 1"))) {
            for (HikariDataSource ds : List.of(byIsValid, byQuery)) {
                try (Connection c = ds.getConnection()) {
                    assertTrue(c.isValid(1));
                    assertEquals("1", value(c, "SELECT 1"));
                }
            }
        }
        Connection raw = open(pm);
        assertTrue(raw.isValid(0));
        SQLException negative = assertThrows(SQLException.class, () -> raw.isValid(-1));
        assertEquals("22023", negative.getSQLState());
        raw.close();
        assertFalse(raw.isValid(0));
    }

    @Test
    void manualCommitPoolCommitsRollsBackAndDiscardsWhatIsLeftOpenOnReturn() throws SQLException {
        try (HikariDataSource ds = pool(Projects.url(pm, "tenant=acme"), c -> {
            c.setAutoCommit(false);
            c.setMaximumPoolSize(1);
        })) {
            try (Connection c = ds.getConnection()) {
                assertFalse(c.getAutoCommit());
                insert(c, "ann", "rolled back");
                c.rollback();
                insert(c, "ann", "committed");
                c.commit();
                insert(c, "ann", "left open");
            }
            try (Connection c = ds.getConnection()) {
                assertEquals(List.of("committed"), rows(c, "SELECT body FROM notes"));
                c.commit();
            }
        }
        try (Connection c = open(pm, "tenant=acme")) {
            assertEquals(List.of("committed"), rows(c, "SELECT body FROM notes"));
        }
    }
}
