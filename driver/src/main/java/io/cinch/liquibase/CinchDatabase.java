package io.cinch.liquibase;

import java.util.List;
import liquibase.CatalogAndSchema;
import liquibase.change.Change;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.DatabaseConnection;
import liquibase.database.core.SQLiteDatabase;
import liquibase.exception.DatabaseException;
import liquibase.exception.LiquibaseException;
import liquibase.exception.UnexpectedLiquibaseException;
import liquibase.sql.visitor.SqlVisitor;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.structure.DatabaseObject;

/**
 * A cinch branch as Liquibase sees it, found through {@code META-INF/services}: SQLite's dialect, with names left
 * unqualified (a qualifier would be read as a tenant, and the branch is no SQL qualifier), so that the change log
 * tables live in the tenant the URL names. Table changes run as real {@code ALTER}s; what SQLite can only do by
 * rebuilding a table is refused ({@code 0A000}) before any statement of the change runs, because a rebuild's copy of
 * the rows would reach the connection's tenant only.
 */
public class CinchDatabase extends SQLiteDatabase {

    private static final String PREFIX = "jdbc:cinch:";

    @Override
    public int getPriority() {
        return PRIORITY_DATABASE;
    }

    @Override
    public String getDefaultDriver(String url) {
        return url.startsWith(PREFIX) ? "io.cinch.jdbc.CinchDriver" : null;
    }

    @Override
    public String getDisplayName() {
        return "cinch (SQLite)";
    }

    @Override
    public boolean isCorrectDatabaseImplementation(DatabaseConnection connection) throws DatabaseException {
        return super.isCorrectDatabaseImplementation(connection) && connection.getURL().startsWith(PREFIX);
    }

    /**
     * The bare name: Liquibase would prefix it with the connection's catalog (the branch), which is no SQL qualifier,
     * and cinch reads a prefix as a tenant's name.
     */
    @Override
    public String escapeObjectName(String catalogName, String schemaName, String objectName,
                                   Class<? extends DatabaseObject> objectType) {
        return escapeObjectName(objectName, objectType);
    }

    /**
     * No schema pattern in metadata calls: Liquibase would pass the catalog (the branch) as the schema too, and cinch's
     * schemas are tenants.
     */
    @Override
    public String getJdbcSchemaName(CatalogAndSchema schema) {
        return null;
    }

    /** Generates the whole change's SQL first, so that a refused statement stops the change before any of it runs. */
    @Override
    public void executeStatements(Change change, DatabaseChangeLog changeLog, List<SqlVisitor> sqlVisitors)
            throws LiquibaseException {
        try {
            SqlGeneratorFactory.getInstance().generateSql(change, this);
        } catch (UnexpectedLiquibaseException e) {
            if (e.getCause() instanceof DatabaseException refused) {
                throw refused;
            }
            throw e;
        }
        super.executeStatements(change, changeLog, sqlVisitors);
    }
}
