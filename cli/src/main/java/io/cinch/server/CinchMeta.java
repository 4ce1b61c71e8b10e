package io.cinch.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.apache.calcite.avatica.jdbc.JdbcMeta;

/**
 * Avatica's JDBC-backed {@code Meta} over one cinch project: server-side connections and statements that expire when
 * idle, counted so that the {@link Gate} can cap them, and closed all at once when the server stops.
 */
final class CinchMeta extends JdbcMeta {

    private final String url;

    CinchMeta(String url, Duration idleTimeout) throws SQLException {
        super(url, settings(idleTimeout));
        this.url = url;
    }

    private static Properties settings(Duration idleTimeout) {
        Properties p = new Properties();
        String millis = Long.toString(idleTimeout.toMillis());
        p.setProperty(ConnectionCacheSettings.EXPIRY_DURATION.key(), millis);
        p.setProperty(ConnectionCacheSettings.EXPIRY_UNIT.key(), "MILLISECONDS");
        p.setProperty(ConnectionCacheSettings.MAX_CAPACITY.key(), Integer.toString(Integer.MAX_VALUE));
        p.setProperty(StatementCacheSettings.EXPIRY_DURATION.key(), millis);
        p.setProperty(StatementCacheSettings.EXPIRY_UNIT.key(), "MILLISECONDS");
        p.setProperty(StatementCacheSettings.MAX_CAPACITY.key(), Integer.toString(Integer.MAX_VALUE));
        return p;
    }

    /** Opens the cinch connection with only the keys the {@link Gate} decided on, never Avatica's own settings. */
    @Override
    protected Connection createConnection(String ignored, Properties info) throws SQLException {
        Properties keys = new Properties();
        for (String key : Role.CLIENT_KEYS) {
            if (info.getProperty(key) != null) {
                keys.setProperty(key, info.getProperty(key));
            }
        }
        keys.setProperty("create", "false");
        return DriverManager.getConnection(url, keys);
    }

    /** Closes what has been idle too long and returns the number of open connections. */
    int connections() {
        getConnectionCache().cleanUp();
        return (int) getConnectionCache().size();
    }

    /** Closes what has been idle too long and returns the number of open statements. */
    int statements() {
        getStatementCache().cleanUp();
        return (int) getStatementCache().size();
    }

    /** True when connection {@code id} is open; it counts as used now. */
    boolean touch(String id) {
        return getConnectionCache().getIfPresent(id) != null;
    }

    /** True when connection {@code id} is open, without counting as a use. */
    boolean isOpen(String id) {
        return getConnectionCache().asMap().containsKey(id);
    }

    /** Drops statement {@code id}, closed with its connection. */
    void forget(int id) {
        getStatementCache().invalidate(id);
    }

    /** Closes expired connections and statements now, so that their files close. */
    void expire() {
        getStatementCache().cleanUp();
        getConnectionCache().cleanUp();
    }

    /** Closes every statement and connection. */
    void closeAll() {
        getStatementCache().invalidateAll();
        getConnectionCache().invalidateAll();
        expire();
    }
}
