package io.cinch.flyway;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.database.base.Database;
import org.flywaydb.core.internal.database.sqlite.SQLiteDatabaseType;
import org.flywaydb.core.internal.jdbc.JdbcConnectionFactory;
import org.flywaydb.core.internal.jdbc.StatementInterceptor;

/**
 * Flyway's database type for {@code jdbc:cinch:} URLs, found through {@code META-INF/services} as Flyway's own
 * database modules are: SQLite's parser, with the schema history kept in the tenant the URL names.
 */
public class CinchDatabaseType extends SQLiteDatabaseType {

    private static final String PREFIX = "jdbc:cinch:";

    @Override
    public String getName() {
        return "cinch";
    }

    /** Ahead of Flyway's SQLite type, which would also claim cinch's product name. */
    @Override
    public int getPriority() {
        return 1;
    }

    @Override
    public boolean handlesJDBCUrl(String url) {
        return url.startsWith(PREFIX);
    }

    @Override
    public String getDriverClass(String url, ClassLoader classLoader) {
        return "io.cinch.jdbc.CinchDriver";
    }

    @Override
    public boolean handlesDatabaseProductNameAndVersion(String productName, String productVersion, Connection connection) {
        try {
            String url = connection.getMetaData().getURL();
            return productName.startsWith("SQLite") && url != null && url.startsWith(PREFIX);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public Database createDatabase(Configuration configuration, JdbcConnectionFactory connections,
                                   StatementInterceptor interceptor) {
        return new CinchDatabase(configuration, connections, interceptor);
    }
}
