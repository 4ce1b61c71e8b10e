package io.cinch.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * A date, time or timestamp parameter of a connection given sqlite-jdbc's date settings: sqlite-jdbc stores it, as
 * {@code date_class}, {@code date_precision} and {@code date_string_format} say, with its fields in {@code zone}.
 */
record DateParameter(long millis, TimeZone zone) {

    /** Binds the value as parameter {@code index} of a statement of a tenant's SQLite connection. */
    void bindTo(PreparedStatement ps, int index) throws SQLException {
        ps.setTimestamp(index, new Timestamp(millis), Calendar.getInstance(zone));
    }
}
