package io.cinch.clients;

import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static io.cinch.Projects.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cinch.Projects;
import io.cinch.liquibase.CinchDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import liquibase.command.CommandScope;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CommandExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liquibase 4.33 by URL on a branch whose tenants hold rows: table changes run as real ALTERs on every tenant, the
 * change log tables stay in the URL's tenant, and what SQLite can only do by rebuilding a table is refused (0A000)
 * with every tenant left as it was.
 */
class LiquibaseTest {

    /** Kept referenced so that its level holds: Liquibase's progress messages are noise here. */
    private static final java.util.logging.Logger LIQUIBASE_LOG = java.util.logging.Logger.getLogger("liquibase");

    static {
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("liquibase.showBanner", "false");
        LIQUIBASE_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private static final List<String> TENANTS = List.of("main", "acme", "globex");

    @TempDir
    Path dir;

    private Path pm;

    /** Branch dev of a project whose main and acme tenants hold invoices; globex stays lazy. */
    @BeforeEach
    void project() throws Exception {
        pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('acme')", "CALL cinch.create_tenant('globex')",
                    "CALL cinch.create_branch('dev')");
        }
        update("invoices.yaml");
        for (String tenant : List.of("main", "acme")) {
            try (Connection c = open(pm, "branch=dev", "tenant=" + tenant)) {
                run(c, "INSERT INTO invoices(customer, amount, note) VALUES ('" + tenant + "-1', 10, 'first'), ('"
                        + tenant + "-2', 20, 'second')");
            }
        }
    }

    /** Runs Liquibase's update command by URL, as its command line does. */
    private void update(String changelog, String... params) throws CommandExecutionException {
        List<String> all = new ArrayList<>(List.of("branch=dev"));
        all.addAll(List.of(params));
        new CommandScope("update")
                .addArgumentValue("url", Projects.url(pm, all.toArray(String[]::new)))
                .addArgumentValue("changelogFile", "db/liquibase/" + changelog)
                .execute();
    }

    private List<String> rowsIn(String tenant, String sql) throws SQLException {
        try (Connection c = open(pm, "branch=dev", "tenant=" + tenant)) {
            return rows(c, sql);
        }
    }

    /** Every tenant's schema and rows, and the change log: what a refused or failed change must leave alone. */
    private List<String> branchState() throws SQLException {
        List<String> state = new ArrayList<>();
        try (Connection c = open(pm, "branch=dev")) {
            state.addAll(rows(c, "CALL cinch.list_changes()"));
        }
        for (String tenant : TENANTS) {
            state.add(tenant + ":");
            state.addAll(rowsIn(tenant, "SELECT type, name, sql FROM sqlite_master ORDER BY name"));
            state.addAll(rowsIn(tenant, "SELECT * FROM invoices ORDER BY id"));
            state.addAll(rowsIn(tenant, "SELECT id, filename FROM databasechangelog ORDER BY orderexecuted"));
        }
        return state;
    }

    @Test
    void liquibasePicksCinchsDatabaseForACinchConnection() throws Exception {
        try (Connection c = open(pm, "branch=dev")) {
            assertInstanceOf(CinchDatabase.class,
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c)));
        }
    }

    @Test
    void createTableAddColumnAndCreateIndexReachEveryTenantAndKeepTheirRows() throws SQLException {
        for (String tenant : TENANTS) {
            assertEquals(List.of("invoices_amount"),
                    rowsIn(tenant, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'invoices'"));
            assertEquals(List.of("id", "customer", "amount", "note"), rowsIn(tenant, "SELECT name FROM pragma_table_info('invoices')"));
        }
        assertEquals(List.of("main-1|10|first", "main-2|20|second"), rowsIn("main", "SELECT customer, amount, note FROM invoices ORDER BY id"));
        assertEquals(List.of("acme-1|10|first", "acme-2|20|second"), rowsIn("acme", "SELECT customer, amount, note FROM invoices ORDER BY id"));
        assertEquals("0", value(open(pm, "branch=dev", "tenant=globex"), "SELECT COUNT(*) FROM invoices"));
        assertEquals(List.of("invoices", "invoices-amount"), rowsIn("main", "SELECT id FROM databasechangelog ORDER BY orderexecuted"));
        assertEquals(List.of(), rowsIn("acme", "SELECT id FROM databasechangelog"), "the change log's rows stay in the URL's tenant");
        try (Connection c = open(pm)) {
            assertEquals("0", value(c, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'invoices'"), "branch main is untouched");
        }
    }

    @Test
    void renameDropAndAddColumnsAndAUniqueConstraintRunInPlaceOnEveryTenant() throws Exception {
        update("alter.yaml");
        for (String tenant : TENANTS) {
            assertEquals(List.of("id", "customer", "amount", "customer_id"), rowsIn(tenant, "SELECT name FROM pragma_table_info('invoices')"));
            assertEquals(List.of("customers_email_key|1"),
                    rowsIn(tenant, "SELECT name, \"unique\" FROM pragma_index_list('customers') WHERE origin = 'c'"));
        }
        assertEquals(List.of("acme-1|10", "acme-2|20"), rowsIn("acme", "SELECT customer, amount FROM invoices ORDER BY id"));
        assertEquals(List.of("main-1|10", "main-2|20"), rowsIn("main", "SELECT customer, amount FROM invoices ORDER BY id"));
        try (Connection c = open(pm, "branch=dev", "tenant=acme")) {
            run(c, "INSERT INTO customers(id, email) VALUES (1, 'a@example.com')");
            SQLException duplicate = assertThrows(SQLException.class,
                    () -> run(c, "INSERT INTO customers(id, email) VALUES (2, 'a@example.com')"));
            assertEquals("23505", duplicate.getSQLState());
        }
        try (Connection c = open(pm, "branch=dev")) {
            List<String> changes = rows(c, "CALL cinch.list_changes()");
            assertEquals(List.of(), changes.stream().filter(r -> r.contains("_temporary")).toList(), "no table rebuild");
        }
    }

    @Test
    void addForeignKeyConstraintIsRefusedAndLeavesEveryTenantAsItWas() throws SQLException {
        List<String> before = branchState();
        CommandExecutionException refused = assertThrows(CommandExecutionException.class, () -> update("foreign-key.yaml"));
        assertEquals("0A000", sqlState(refused));
        for (String tenant : TENANTS) {
            assertEquals(List.of("invoices"), rowsIn(tenant, "SELECT name FROM sqlite_master WHERE name LIKE 'invoices%' AND type = 'table'"));
        }
        assertEquals(List.of("acme-1", "acme-2"), rowsIn("acme", "SELECT customer FROM invoices ORDER BY id"));
        List<String> after = branchState();
        after.removeIf(r -> r.contains("customers"));
        before.removeIf(r -> r.contains("customers"));
        assertEquals(before, after, "nothing but (until transactional DDL) the changeset's own createTable");
    }

    @Test
    void addNotNullConstraintIsRefusedBeforeAnyOfItRuns() throws SQLException {
        List<String> before = branchState();
        assertThrows(CommandExecutionException.class, () -> update("not-null.yaml"));
        assertEquals(before, branchState());
    }

    @Test
    void aFailingChangesetLeavesTheBranchExactlyAsBeforeAndTheFixedOneThenApplies() throws Exception {
        List<String> before = branchState();
        CommandExecutionException failed = assertThrows(CommandExecutionException.class, () -> update("broken.yaml"));
        assertEquals("42000", sqlState(failed));
        assertEquals(before, branchState());

        update("fixed.yaml");
        for (String tenant : TENANTS) {
            assertEquals(List.of("invoices_amount", "invoices_due"),
                    rowsIn(tenant, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'invoices' ORDER BY name"));
        }
        assertEquals(List.of("acme-1|null", "acme-2|null"), rowsIn("acme", "SELECT customer, due FROM invoices ORDER BY id"));
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
