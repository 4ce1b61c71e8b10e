package io.cinch.jdbc;

import io.cinch.sql.SqlState;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.concurrent.atomic.AtomicInteger;

/** A savepoint in the tenant's current transaction, by SQL {@code SAVEPOINT}. */
final class CinchSavepoint implements Savepoint {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final CinchConnection connection;
    private final int id;
    private final String name;

    CinchSavepoint(CinchConnection connection, String name) throws SQLException {
        this.connection = connection;
        this.id = IDS.incrementAndGet();
        this.name = name;
        connection.executeInternal("SAVEPOINT " + quoted());
    }

    private String quoted() {
        return '"' + (name != null ? name.replace("\"", "\"\"") : "cinch_sp_" + id) + '"';
    }

    void rollback() throws SQLException {
        connection.executeInternal("ROLLBACK TO SAVEPOINT " + quoted());
    }

    void release() throws SQLException {
        connection.executeInternal("RELEASE SAVEPOINT " + quoted());
    }

    @Override
    public int getSavepointId() throws SQLException {
        if (name != null) {
            throw SqlState.INVALID_ARGUMENT.exception("a named savepoint has no id");
        }
        return id;
    }

    @Override
    public String getSavepointName() throws SQLException {
        if (name == null) {
            throw SqlState.INVALID_ARGUMENT.exception("an unnamed savepoint has no name");
        }
        return name;
    }
}
