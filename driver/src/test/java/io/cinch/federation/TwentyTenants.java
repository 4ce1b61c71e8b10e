package io.cinch.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The shared fixture of query tests: {@link TenantProject}'s twenty tenants, with a tenant=* connection on them. */
abstract class TwentyTenants {
    @TempDir
    static Path dir;
    static Connection all;

    @BeforeAll
    static void build() throws Exception {
        all = TenantProject.build(dir, 20).crossTenant();
    }

    @AfterAll
    static void close() throws SQLException {
        all.close();
    }

    /** The cross-tenant query equals {@code single} run in each tenant, its rows tagged with the tenant. */
    static void assertTagged(String single, String crossTenant) throws SQLException {
        List<List<Object>> expected = Loop.rows(dir, single);
        assertFalse(expected.isEmpty(), "the data must give rows: " + single);
        assertEquals(Rows.sorted(expected), Rows.sorted(Rows.query(all, crossTenant)), crossTenant);
    }
}
