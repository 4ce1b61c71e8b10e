package io.cinch.federation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Tenant statements kept prepared per borrowed connection (a few per connection), so repeated queries skip SQLite's parser. */
final class StatementCache {
    private static final int PER_CONNECTION = 8;
    private static final int PURGE_ABOVE = 4096;
    private final Map<Connection, Map<String, PreparedStatement>> byConnection = new ConcurrentHashMap<>();

    /** A prepared statement for the SQL; the caller holds the connection exclusively while using it. */
    PreparedStatement get(Connection c, String sql) throws SQLException {
        if (byConnection.size() > PURGE_ABOVE) {
            purgeClosed();
        }
        Map<String, PreparedStatement> statements = byConnection.computeIfAbsent(c, k -> new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() <= PER_CONNECTION) {
                    return false;
                }
                close(eldest.getValue());
                return true;
            }
        });
        synchronized (statements) {
            PreparedStatement ps = statements.get(sql);
            if (ps == null || ps.isClosed()) {
                ps = c.prepareStatement(sql);
                statements.put(sql, ps);
            }
            return ps;
        }
    }

    private void purgeClosed() throws SQLException {
        for (Connection c : byConnection.keySet()) {
            if (c.isClosed()) {
                byConnection.remove(c);
            }
        }
    }

    private static void close(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException e) {
            // already unusable; nothing to do
        }
    }
}
