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

    /**
     * Takes the write lock as the transaction's first statement. SQLite refuses it at once (40001) when the
     * transaction already read an older snapshot; nothing else has run in it yet, so it is rolled back and tried
     * again, for up to a minute, as Flyway retries its locks on other databases.
     */
    @Override
    protected void doLock() throws SQLException {
        long deadline = System.nanoTime() + LOCK_WAIT_NANOS;
        for (int attempt = 1; ; attempt++) {
            try {
                jdbcTemplate.execute("UPDATE " + this + " SET \"installed_rank\" = \"installed_rank\" WHERE 0");
                return;
            } catch (SQLException e) {
                if (!"40001".equals(e.getSQLState()) || System.nanoTime() > deadline) {
                    throw e;
                }
                jdbcTemplate.getConnection().rollback();
                try {
                    Thread.sleep(Math.min(200, 10L * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static final long LOCK_WAIT_NANOS = 60_000_000_000L;

    @Override
    public String toString() {
        return database.quote(name);
    }
}
