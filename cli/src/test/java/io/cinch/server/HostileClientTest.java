package io.cinch.server;

import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static io.cinch.Projects.value;
import static io.cinch.server.RemoteTest.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cinch.Projects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.BuiltInConnectionProperty;
import org.apache.calcite.avatica.ConnectionConfigImpl;
import org.apache.calcite.avatica.remote.AvaticaHttpClient;
import org.apache.calcite.avatica.remote.AvaticaHttpClientFactoryImpl;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.RemoteProtobufService;
import org.apache.calcite.avatica.remote.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that try to reach beyond their role on a server with credentials and TLS: each attempt is refused with its
 * SQLState and leaves the project as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileClientTest {

    static final int MAX_CONNECTIONS = 6;
    static final int MAX_STATEMENTS = 12;
    static final int MAX_REQUEST = 64 * 1024;

    @TempDir
    static Path dir;
    Tls tls;
    Server server;

    @BeforeAll
    void serve() throws Exception {
        Path project = dir.resolve("project");
        try (Connection c = Projects.open(project)) {
            run(c, "CALL cinch.create_table('users', 'email:TEXT')", "CALL cinch.create_tenant('acme_corp')",
                    "CALL cinch.create_tenant('acme-corp')", "CALL cinch.create_tenant('globex')");
        }
        for (String t : List.of("acme_corp", "acme-corp", "globex")) {
            try (Connection c = Projects.open(project, "tenant=" + t)) {
                run(c, "INSERT INTO users(email) VALUES ('admin@" + t + ".com')");
            }
        }
        Path users = dir.resolve("users.properties");
        Files.writeString(users, "root: rootpw, admin\nbi: bipw, statistics\nann: annpw, tenant:acme_corp\n");
        tls = Tls.create(dir);
        server = Server.builder(project).port(0).credentials(users).tls(tls.keystore(), tls.password())
                .maxConnections(MAX_CONNECTIONS).maxStatements(MAX_STATEMENTS).maxRequestBytes(MAX_REQUEST).start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private Connection open(String user, String password, String keys) throws SQLException {
        return DriverManager.getConnection(server.url() + "?" + tls.clientKeys() + "&user=" + user + "&password="
                + password + (keys.isEmpty() ? "" : "&" + keys));
    }

    private Connection ann() throws SQLException {
        return open("ann", "annpw", "");
    }

    private void assertUntouched() throws SQLException {
        try (Connection c = open("root", "rootpw", "")) {
            assertEquals(List.of("acme-corp", "acme_corp", "globex", "main"), tenants(c));
            assertEquals(List.of("users"), rows(c.getMetaData().getTables(null, "main", "%", new String[] {"TABLE", "VIEW"})).stream()
                    .map(r -> r.split("\\|")[2]).toList());
        }
        try (Connection c = open("root", "rootpw", "tenant=globex")) {
            assertEquals(List.of("admin@globex.com"), rows(c, "SELECT email FROM users"));
        }
        assertEquals(0, server.openConnections(), "connections left open");
    }

    /** setSchema, which Avatica's client sends to the server with the next request. */
    private static void switchTo(Connection c, String tenant) throws SQLException {
        c.setSchema(tenant);
        rows(c, "SELECT 1");
    }

    private static List<String> tenants(Connection c) throws SQLException {
        return rows(c, "CALL cinch.list_tenants()").stream().map(r -> r.split("\\|")[0]).sorted().toList();
    }

    @Test
    void wrongOrMissingPasswordsAreRefused() throws SQLException {
        assertEquals("28000", state(() -> open("ann", "nope", "").close()));
        assertEquals("28000", state(() -> open("mallory", "x", "").close()));
        assertEquals("28000", state(() -> DriverManager.getConnection(server.url() + "?" + tls.clientKeys()).close()));
        assertEquals(0, server.openConnections());
    }

    @Test
    void anUntrustedCertificateDoesNotConnect() {
        // (plain http to this https port is not tried: Avatica's client retries a dropped request forever)
        assertEquals("08001", state(() -> DriverManager.getConnection(server.url() + "?user=ann&password=annpw").close()));
    }

    @Test
    void aTenantUserIsLockedToItsTenant() throws SQLException {
        try (Connection c = ann()) {
            assertEquals("acme_corp", c.getSchema());
            assertEquals(List.of("admin@acme_corp.com"), rows(c, "SELECT email FROM users"));
            run(c, "UPDATE users SET email = email");
            assertEquals("42501", state(() -> rows(c, "SELECT email FROM globex.users")));
            assertEquals("42501", state(() -> rows(c, "SELECT email FROM \"acme-corp\".users")));
            assertEquals("42501", state(() -> run(c, "CALL cinch.switch_tenant('globex')")));
            assertEquals("42501", state(() -> switchTo(c, "globex")));
        }
        assertEquals("42501", state(() -> open("ann", "annpw", "tenant=globex").close()));
        assertEquals("42501", state(() -> open("ann", "annpw", "tenant=*").close()));
        assertEquals("42501", state(() -> open("ann", "annpw", "database=other").close()));
        try (Connection c = open("ann", "annpw", "lock_tenant=false")) {
            assertEquals("42501", state(() -> switchTo(c, "globex")));
        }
        assertUntouched();
    }

    @Test
    void aTenantUserRunsNoSchemaChangeNorProcedureBeyondItsRole() throws SQLException {
        try (Connection c = ann()) {
            for (String sql : List.of("CREATE TABLE evil(x)", "DROP TABLE users", "ALTER TABLE users ADD COLUMN x",
                    "CREATE INDEX i ON users(email)", "CALL cinch.create_tenant('evil')",
                    "CALL cinch.delete_tenant('globex')", "CALL cinch.list_tenants()",
                    "CALL cinch.create_branch('evil')", "CALL cinch.create_database('evil')",
                    "CALL cinch.copy_tenant('globex', 'mine')", "SELECT 1; DROP TABLE users")) {
                assertEquals("42501", state(() -> run(c, sql)), sql);
                assertEquals("42501", state(() -> c.prepareStatement(sql).close()), sql);
            }
            for (String sql : List.of("ATTACH DATABASE 'x.db' AS x", "VACUUM INTO '/tmp/evil.db'",
                    "PRAGMA writable_schema = 1", "SELECT load_extension('x')")) {
                assertEquals("42501", state(() -> run(c, sql)), sql);
            }
            assertEquals("42501", state(() -> {
                c.setCatalog("other"); // Avatica's client sends it with the next request
                rows(c, "SELECT 1");
            }));
        }
        assertUntouched();
    }

    @Test
    void aTenantUserSeesOnlyItsOwnTenantInMetadata() throws SQLException {
        try (Connection c = ann()) {
            assertEquals(List.of("acme_corp|main"), rows(c.getMetaData().getSchemas()));
            List<String> tables = rows(c.getMetaData().getTables(null, null, "%", new String[] {"TABLE", "VIEW"}));
            assertEquals(1, tables.size(), tables.toString());
            assertTrue(tables.get(0).startsWith("main|acme_corp|users|"), tables.toString());
            List<String> all = rows(c.getMetaData().getTables(null, "%", "%", null));
            assertTrue(all.stream().allMatch(t -> t.startsWith("main|acme_corp|")), all.toString());
            String url = c.getMetaData().getURL();
            assertTrue(url.startsWith(server.url() + "?") && url.contains("user=ann") && !url.contains("annpw"), url);
        }
    }

    @Test
    void theStatisticsUserReadsAllTenantsAndWritesNothing() throws SQLException {
        try (Connection c = open("bi", "bipw", "")) {
            assertEquals(List.of("acme-corp|1", "acme_corp|1", "globex|1", "main|0"), rows(c,
                    "SELECT name, (SELECT COUNT(*) FROM users u WHERE u._tenant = t.name) FROM cinch.tenants t "
                            + "ORDER BY name"));
            assertEquals("25006", state(() -> run(c, "INSERT INTO users(email) VALUES ('x')")));
            assertEquals("25006", state(() -> run(c, "CALL cinch.create_tenant('evil')")));
            assertEquals("25006", state(() -> run(c, "CALL cinch.delete_tenant('globex')")));
        }
        assertEquals("42501", state(() -> open("bi", "bipw", "tenant=globex").close()));
        assertUntouched();
    }

    @Test
    void anotherUsersConnectionCannotBeUsed() throws Exception {
        Service ann = rawClient("ann", "annpw");
        String annsConnection = UUID.randomUUID().toString();
        ann.apply(new Service.OpenConnectionRequest(annsConnection, Map.of()));
        Service bi = rawClient("bi", "bipw");
        AvaticaClientRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(
                AvaticaClientRuntimeException.class,
                () -> bi.apply(new Service.CreateStatementRequest(annsConnection)));
        assertEquals("08003", e.getSqlState());
        assertEquals(annsConnection, ann.apply(new Service.CreateStatementRequest(annsConnection)).connectionId);
        ann.apply(new Service.CloseConnectionRequest(annsConnection));
    }

    /** Avatica's protobuf service over HTTPS as {@code user}, below the JDBC layer. */
    private Service rawClient(String user, String password) throws Exception {
        Properties p = new Properties();
        p.setProperty(BuiltInConnectionProperty.AUTHENTICATION.camelName(), "BASIC");
        p.setProperty(BuiltInConnectionProperty.AVATICA_USER.camelName(), user);
        p.setProperty(BuiltInConnectionProperty.AVATICA_PASSWORD.camelName(), password);
        p.setProperty(BuiltInConnectionProperty.TRUSTSTORE.camelName(), tls.truststore().toString());
        p.setProperty(BuiltInConnectionProperty.TRUSTSTORE_PASSWORD.camelName(), tls.password());
        AvaticaHttpClient client = new AvaticaHttpClientFactoryImpl().getClient(
                new java.net.URL("https://127.0.0.1:" + server.port()), new ConnectionConfigImpl(p), null);
        return new RemoteProtobufService(client, new ProtobufTranslationImpl());
    }

    @Test
    void oversizedRequestsAreRefused() throws SQLException {
        try (Connection c = ann()) {
            String huge = "SELECT '" + "x".repeat(MAX_REQUEST) + "'";
            assertEquals("54000", state(() -> rows(c, huge)));
            assertEquals("1", value(c, "SELECT 1"));
        }
        assertUntouched();
    }

    @Test
    void connectionsAndStatementsAreCapped() throws SQLException {
        List<Connection> open = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                open.add(ann());
            }
            assertEquals("53300", state(() -> ann().close()));
            open.remove(0).close();
            open.add(ann());
            assertEquals("53300", state(() -> open("root", "rootpw", "").close()));
        } finally {
            for (Connection c : open) {
                c.close();
            }
        }
        List<Statement> statements = new ArrayList<>();
        try (Connection c = ann()) {
            for (int i = 0; i < MAX_STATEMENTS; i++) {
                statements.add(c.createStatement());
            }
            assertEquals("53400", state(() -> c.createStatement()));
            statements.remove(0).close();
            try (Statement s = c.createStatement()) {
                s.execute("SELECT 1");
            }
        }
        assertUntouched();
    }
}
