package io.cinch.flyway;

import java.sql.SQLException;
import org.flywaydb.core.internal.database.base.Table;
import org.flywaydb.core.internal.jdbc.JdbcTemplate;

/**
 * A table as Flyway addresses it: by its bare name, which SQLite resolves to the connection's own tenant (a
 * qualifier would be read as a tenant's name). Locking it takes the tenant file's write lock for the transaction, so
 * two Flyways on one tenant migrate one after the other.
 */
public class TenantTable extends Table<CinchDatabase, TenantSchema> {

    TenantTable(JdbcTemplate jdbcTemplate, CinchDatabase database, TenantSchema schema, String name) {
        super(jdbcTemplate, database, schema, name);
    }

    @Override
    protected void doDrop() throws SQLException {
        jdbcTemplate.execute("DROP TABLE " + this);
    }

    @Override
    protected boolean doExists() throws SQLException {
        return jdbcTemplate.queryForInt("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?", name) > 0;
    }

    @Override
    protected void doLock() throws SQLException {
        jdbcTemplate.execute("UPDATE " + this + " SET \"installed_rank\" = \"installed_rank\" WHERE 0");
    }

    @Override
    public String toString() {
        return database.quote(name);
    }
}
