package io.cinch.jdbc;

import io.cinch.sql.SqlState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;
import org.sqlite.SQLiteConfig;

/**
 * sqlite-jdbc's dates under a URL's date settings ({@code date_class}, {@code date_precision},
 * {@code date_string_format}), for the cross-tenant connection, which has no sqlite-jdbc connection of its own to
 * apply them: an in-memory sqlite-jdbc database opened with the same settings tells what a tenant connection stores
 * for a date and what date a stored value reads as.
 */
final class SqliteDates implements AutoCloseable {

    /** Reads one kind of value (date, time, timestamp) from the first column of sqlite-jdbc's result set. */
    @FunctionalInterface
    interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final Connection memory;
    private final PreparedStatement echo;

    private SqliteDates(Connection memory) throws SQLException {
        this.memory = memory;
        this.echo = memory.prepareStatement("SELECT ?");
    }

    /** An in-memory sqlite-jdbc database with the given date settings. */
    static SqliteDates open(Properties dates) throws SQLException {
        try {
            return new SqliteDates(new SQLiteConfig(dates).createConnection("jdbc:sqlite::memory:"));
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    /** What sqlite-jdbc stores for {@code value} (its fields in {@code zone}): epoch time, a Julian day or text. */
    synchronized Object stored(java.util.Date value, TimeZone zone) throws SQLException {
        try {
            echo.setTimestamp(1, new Timestamp(value.getTime()), Calendar.getInstance(zone));
            try (ResultSet rs = echo.executeQuery()) {
                rs.next();
                return rs.getObject(1);
            }
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    /**
     * What sqlite-jdbc reads from a stored value, or null when it cannot read it. Numbers reach the cross-tenant
     * connection as text in date-typed columns, so text that is a number is read as that number first (as SQLite
     * stores it in a DATE or DATETIME column), then as text.
     */
    synchronized <T> T read(Object stored, Reader<T> reader) {
        for (Object candidate : candidates(stored)) {
            try {
                echo.setObject(1, candidate);
                try (ResultSet rs = echo.executeQuery()) {
                    rs.next();
                    return reader.read(rs);
                }
            } catch (SQLException | RuntimeException e) {
                // sqlite-jdbc cannot read this form; the next candidate, or cinch's own reading, may
            }
        }
        return null;
    }

    private static List<Object> candidates(Object stored) {
        List<Object> out = new ArrayList<>();
        if (stored instanceof String text) {
            try {
                out.add(Long.parseLong(text));
            } catch (NumberFormatException notWhole) {
                try {
                    out.add(Double.parseDouble(text));
                } catch (NumberFormatException notNumber) {
                    // text only
                }
            }
        }
        out.add(stored);
        return out;
    }

    @Override
    public synchronized void close() throws SQLException {
        memory.close();
    }
}
