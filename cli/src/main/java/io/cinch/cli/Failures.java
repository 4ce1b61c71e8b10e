package io.cinch.cli;

import java.sql.SQLException;

/** Turns a failure into the one line {@code cinch} prints on stderr: its SQLState, if any, and its message. */
final class Failures {

    private Failures() {
    }

    /** The first {@link SQLException} in {@code e}'s causes, or {@code e} itself. */
    static Throwable sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                return t;
            }
        }
        return e;
    }

    /** {@code [SQLSTATE] message} on one line. */
    static String describe(Throwable e) {
        Throwable cause = sqlCause(e);
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        message = message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return cause instanceof SQLException s && s.getSQLState() != null ? "[" + s.getSQLState() + "] " + message : message;
    }
}
