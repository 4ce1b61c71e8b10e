package io.cinch.flyway;

import java.sql.SQLException;
import org.flywaydb.core.internal.database.base.Connection;
import org.flywaydb.core.internal.database.base.Schema;

/** Flyway's connection to one tenant: its only schema is that tenant. */
public class TenantConnection extends Connection<CinchDatabase> {

    TenantConnection(CinchDatabase database, java.sql.Connection connection) {
        super(database, connection);
    }

    @Override
    protected String getCurrentSchemaNameOrSearchPath() throws SQLException {
        return getJdbcConnection().getSchema();
    }

    @Override
    public Schema getSchema(String name) {
        return new TenantSchema(jdbcTemplate, database, name);
    }
}
