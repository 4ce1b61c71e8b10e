package io.cinch.sql;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** The SQLStates cinch reports, each a named condition that builds its own exception. */
public enum SqlState {
    CANNOT_CONNECT("08001"),
    CONNECTION_CLOSED("08003"),
    UNKNOWN_BRANCH("3D000"),
    UNKNOWN_TENANT("3F000"),
    INVALID_NAME("42602"),
    ALREADY_EXISTS("42710"),
    NOT_ALLOWED("42501"),
    READ_ONLY("25006"),
    ACTIVE_TRANSACTION("25001"),
    MERGE_REFUSED("55000"),
    UNIQUE_VIOLATION("23505"),
    FOREIGN_KEY_VIOLATION("23503"),
    NOT_NULL_VIOLATION("23502"),
    CHECK_VIOLATION("23514"),
    INTEGRITY_VIOLATION("23000"),
    SYNTAX_ERROR("42000"),
    INVALID_ARGUMENT("22023"),
    PARAMETER_NOT_SET("07001"),
    DATA_EXCEPTION("22000"),
    STRING_TOO_LONG("22001"),
    INVALID_DATETIME("22007"),
    NOT_SUPPORTED("0A000"),
    BUSY("40001"),
    CANCELLED("57014"),
    IO_ERROR("58030"),
    INTERNAL_ERROR("XX000"),
    // cinch serve and jdbc:cinch:// (issue 11)
    AUTHENTICATION_FAILED("28000"),
    TOO_MANY_CONNECTIONS("53300"),
    TOO_MANY_STATEMENTS("53400"),
    REQUEST_TOO_LARGE("54000");

    private final String code;

    SqlState(String code) {
        this.code = code;
    }

    /** The five-character SQLState. */
    public String code() {
        return code;
    }

    /** An exception of the {@code java.sql} subclass that matches this state's class. */
    public SQLException exception(String message) {
        return exception(message, null);
    }

    /** As {@link #exception(String)}, keeping the cause. */
    public SQLException exception(String message, Throwable cause) {
        String sqlClass = code.substring(0, 2);
        int sqlite = sqliteCode(cause);
        SQLException e = switch (sqlClass) {
            case "08" -> new SQLNonTransientConnectionException(message, code, sqlite);
            case "0A" -> new SQLFeatureNotSupportedException(message, code, sqlite);
            case "22" -> new SQLDataException(message, code, sqlite);
            case "23" -> new SQLIntegrityConstraintViolationException(message, code, sqlite);
            case "28" -> new SQLInvalidAuthorizationSpecException(message, code, sqlite);
            case "40" -> new SQLTransactionRollbackException(message, code, sqlite);
            case "42" -> new SQLSyntaxErrorException(message, code, sqlite);
            case "57" -> new SQLTimeoutException(message, code, sqlite);
            default -> new SQLException(message, code, sqlite);
        };
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    /** SQLite's error code as sqlite-jdbc reports it ({@code getErrorCode()}) from the first cause that has one, else 0. */
    private static int sqliteCode(Throwable cause) {
        for (Throwable t = cause; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() != 0) {
                return sql.getErrorCode();
            }
        }
        return 0;
    }

    /**
     * Gives an exception from SQLite (which carries no SQLState) the state that matches its result code;
     * exceptions that already carry a state are returned as they are.
     */
    public static SQLException of(SQLException e) {
        return e.getSQLState() != null ? e : stateOf(e).exception(e.getMessage(), e);
    }

    /** As {@link #of(SQLException)}, with a prefix (such as the tenant it happened in) before the message. */
    public static SQLException of(SQLException e, String context) {
        String message = context + ": " + e.getMessage();
        if (e.getSQLState() == null) {
            return stateOf(e).exception(message, e);
        }
        for (SqlState state : values()) {
            if (state.code.equals(e.getSQLState())) {
                return state.exception(message, e);
            }
        }
        return new SQLException(message, e.getSQLState(), e.getErrorCode(), e);
    }

    /**
     * The state for an exception without one: that of the first exception in its causes that has a state, else by
     * SQLite's extended result code.
     */
    public static SqlState stateOf(SQLException e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                for (SqlState state : values()) {
                    if (state.code.equals(sql.getSQLState())) {
                        return state;
                    }
                }
            }
            if (cause instanceof SQLiteException sqlite) {
                return stateOf(sqlite);
            }
        }
        SQLiteErrorCode code = e instanceof SQLiteException se ? se.getResultCode() : null;
        if (code == null) {
            return e.getErrorCode() == 19 ? INTEGRITY_VIOLATION : SYNTAX_ERROR;
        }
        String message = String.valueOf(e.getMessage());
        return switch (code) {
            case SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_ROWID -> UNIQUE_VIOLATION;
            case SQLITE_CONSTRAINT_FOREIGNKEY -> FOREIGN_KEY_VIOLATION;
            case SQLITE_CONSTRAINT_NOTNULL -> NOT_NULL_VIOLATION;
            case SQLITE_CONSTRAINT_CHECK -> CHECK_VIOLATION;
            case SQLITE_CONSTRAINT, SQLITE_CONSTRAINT_TRIGGER, SQLITE_CONSTRAINT_COMMITHOOK, SQLITE_CONSTRAINT_FUNCTION,
                 SQLITE_CONSTRAINT_VTAB, SQLITE_CONSTRAINT_PINNED, SQLITE_CONSTRAINT_DATATYPE -> INTEGRITY_VIOLATION;
            case SQLITE_READONLY, SQLITE_READONLY_RECOVERY, SQLITE_READONLY_CANTLOCK, SQLITE_READONLY_ROLLBACK,
                 SQLITE_READONLY_DBMOVED, SQLITE_READONLY_CANTINIT, SQLITE_READONLY_DIRECTORY -> READ_ONLY;
            case SQLITE_BUSY, SQLITE_BUSY_RECOVERY, SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_TIMEOUT, SQLITE_LOCKED,
                 SQLITE_LOCKED_SHAREDCACHE, SQLITE_LOCKED_VTAB -> BUSY;
            case SQLITE_INTERRUPT -> CANCELLED;
            case SQLITE_TOOBIG -> STRING_TOO_LONG;
            case SQLITE_MISMATCH -> DATA_EXCEPTION;
            case SQLITE_AUTH -> NOT_ALLOWED;
            case SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_CORRUPT, SQLITE_NOTADB, SQLITE_PROTOCOL -> IO_ERROR;
            default -> message.contains("Cannot add a NOT NULL column") ? NOT_NULL_VIOLATION
                    : message.contains("CHECK constraint failed") ? CHECK_VIOLATION
                    : message.contains("not authorized") ? NOT_ALLOWED
                    : code.name().startsWith("SQLITE_IOERR") || code.name().startsWith("SQLITE_CANTOPEN")
                            || code.name().startsWith("SQLITE_CORRUPT") ? IO_ERROR
                    : SYNTAX_ERROR;
        };
    }
}
