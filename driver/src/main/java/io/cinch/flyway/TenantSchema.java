package io.cinch.flyway;

import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.internal.database.base.Schema;
import org.flywaydb.core.internal.jdbc.JdbcTemplate;

/**
 * The connection's tenant as a Flyway schema. Its tables are the branch's (DDL reaches every tenant); its rows, the
 * schema history's included, are the tenant's own. Another tenant's name is refused: Flyway works on the URL's tenant.
 */
public class TenantSchema extends Schema<CinchDatabase, TenantTable> {

    /** SQLite's own tables, which neither make a schema non-empty nor can be dropped. */
    private static final List<String> SYSTEM_TABLES = List.of("sqlite_sequence", "android_metadata");

    TenantSchema(JdbcTemplate jdbcTemplate, CinchDatabase database, String name) {
        super(jdbcTemplate, database, name);
    }

    @Override
    protected boolean doExists() throws SQLException {
        return name.equals(jdbcTemplate.getConnection().getSchema());
    }

    @Override
    protected boolean doEmpty() throws SQLException {
        return allTables().length == 0;
    }

    @Override
    protected void doCreate() {
        throw new FlywayException("cinch: '" + name + "' is not the connection's tenant; Flyway migrates the tenant "
                + "its URL names (tenant=...), and every tenant of the branch gets the schema changes");
    }

    @Override
    protected void doDrop() {
        throw new FlywayException("cinch: a tenant is dropped with CALL cinch.delete_tenant, not by Flyway");
    }

    @Override
    protected void doClean() throws SQLException {
        for (String view : jdbcTemplate.queryForStringList("SELECT name FROM sqlite_master WHERE type = 'view'")) {
            jdbcTemplate.execute("DROP VIEW " + database.quote(view));
        }
        for (TenantTable table : allTables()) {
            table.drop();
        }
    }

    @Override
    protected TenantTable[] doAllTables() throws SQLException {
        return jdbcTemplate.queryForStringList("SELECT name FROM sqlite_master WHERE type = 'table'").stream()
                .filter(t -> !SYSTEM_TABLES.contains(t))
                .map(t -> new TenantTable(jdbcTemplate, database, this, t))
                .toArray(TenantTable[]::new);
    }

    @Override
    public TenantTable getTable(String tableName) {
        return new TenantTable(jdbcTemplate, database, this, tableName);
    }
}
