package io.cinch.jdbc;

import io.cinch.store.Project;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;
import java.util.logging.Logger;

/** The cinch JDBC driver: accepts {@code jdbc:cinch:} URLs and opens tenant (or cross-tenant) connections. */
public final class CinchDriver implements Driver {

    /** The driver's version, as its metadata reports it. */
    static final String VERSION = "0.1.0";
    static final int MAJOR_VERSION = 0;
    static final int MINOR_VERSION = 1;

    static {
        try {
            DriverManager.registerDriver(new CinchDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        } else if (ConnectionUrl.remote(url)) {
            return RemoteConnection.open(url, info);
        }
        ConnectionUrl parsed = ConnectionUrl.parse(url, info);
        Project project = Project.acquire(parsed.project(), parsed.flag(Property.CREATE), parsed.get(Property.DATABASE));
        try {
            return parsed.crossTenant() ? CrossTenantConnection.open(parsed, project) : new CinchConnection(parsed, project);
        } catch (SQLException | RuntimeException e) {
            project.release();
            throw e;
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return ConnectionUrl.accepts(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        Properties given = new Properties();
        if (info != null) {
            given.putAll(info);
        }
        if (url != null && acceptsURL(url) && url.indexOf('?') >= 0) {
            for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    given.setProperty(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        Property[] all = Property.values();
        DriverPropertyInfo[] out = new DriverPropertyInfo[all.length];
        for (int i = 0; i < all.length; i++) {
            out[i] = all[i].info(given.getProperty(all[i].key()));
        }
        return out;
    }

    @Override
    public int getMajorVersion() {
        return MAJOR_VERSION;
    }

    @Override
    public int getMinorVersion() {
        return MINOR_VERSION;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("io.cinch");
    }
}
