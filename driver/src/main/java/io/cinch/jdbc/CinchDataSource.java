package io.cinch.jdbc;

import io.cinch.sql.SqlState;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} opening cinch connections: the URL plus connection properties, set as containers and pools
 * set them (bean setters). Properties given here yield to the same key in the URL, as with {@code DriverManager}.
 */
public class CinchDataSource implements DataSource {

    private static final CinchDriver DRIVER = new CinchDriver();

    private volatile String url;
    private final Properties properties = new Properties();
    private volatile PrintWriter logWriter;
    private volatile int loginTimeout;

    /** An empty data source: set its URL before use. */
    public CinchDataSource() {
    }

    /** A data source for {@code url} ({@code jdbc:cinch:<project-dir>[?key=value&...]}). */
    public CinchDataSource(String url) {
        this.url = url;
    }

    /** The {@code jdbc:cinch:} URL connections open. */
    public String getUrl() {
        return url;
    }

    /** Sets the {@code jdbc:cinch:} URL connections open. */
    public void setUrl(String url) {
        this.url = url;
    }

    /** The URL, under the name some tools use. */
    public String getURL() {
        return url;
    }

    /** Sets the URL, under the name some tools use. */
    public void setURL(String url) {
        this.url = url;
    }

    /** Sets a connection property ({@code database}, {@code tenant}, {@code busy_timeout}, ...). */
    public void setProperty(String key, String value) {
        synchronized (properties) {
            properties.setProperty(key, value);
        }
    }

    /** Sets every property of {@code given}. */
    public void setProperties(Properties given) {
        synchronized (properties) {
            given.stringPropertyNames().forEach(k -> properties.setProperty(k, given.getProperty(k)));
        }
    }

    /** A copy of the connection properties set so far. */
    public Properties getProperties() {
        synchronized (properties) {
            Properties copy = new Properties();
            copy.putAll(properties);
            return copy;
        }
    }

    /** Sets the database to open. */
    public void setDatabase(String database) {
        setProperty(Property.DATABASE.key(), database);
    }

    /** Sets the branch to open. */
    public void setBranch(String branch) {
        setProperty(Property.BRANCH.key(), branch);
    }

    /** Sets the tenant to open ({@code *} for the cross-tenant connection). */
    public void setTenant(String tenant) {
        setProperty(Property.TENANT.key(), tenant);
    }

    /** Sets whether a missing project is created. */
    public void setCreate(boolean create) {
        setProperty(Property.CREATE.key(), Boolean.toString(create));
    }

    /** Sets whether connections are locked to their tenant. */
    public void setLockTenant(boolean lock) {
        setProperty(Property.LOCK_TENANT.key(), Boolean.toString(lock));
    }

    @Override
    public Connection getConnection() throws SQLException {
        String target = url;
        if (target == null || !DRIVER.acceptsURL(target)) {
            throw SqlState.CANNOT_CONNECT.exception("CinchDataSource needs a jdbc:cinch: URL, got " + target);
        }
        return DRIVER.connect(target, getProperties());
    }

    /** As {@link #getConnection()}: cinch has no users, so both are ignored, as in the URL. */
    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    /** Kept for the interface: opening files never waits for a server. */
    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() {
        return DRIVER.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw SqlState.NOT_SUPPORTED.exception("CinchDataSource does not wrap " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
