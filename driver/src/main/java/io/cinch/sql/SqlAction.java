package io.cinch.sql;

import java.sql.SQLException;

/** A piece of work that may fail with an SQLException. */
@FunctionalInterface
public interface SqlAction<T> {
    /** Does the work. */
    T run() throws SQLException;
}
