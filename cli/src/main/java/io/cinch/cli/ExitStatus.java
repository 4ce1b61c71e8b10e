package io.cinch.cli;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The exit statuses of {@code cinch}, one per kind of failure a script may want to tell apart. */
enum ExitStatus {
    OK(0, "", "success"),
    FAILURE(1, "", "any other error"),
    USAGE(2, "", "invalid command line: unknown command or option, missing or bad argument"),
    BAD_NAME(3, "42602", "invalid name (database, branch, tenant, table, backup file)"),
    UNKNOWN_TENANT(4, "3F000", "unknown tenant"),
    UNKNOWN_BRANCH(5, "3D000", "unknown branch"),
    CANNOT_OPEN(6, "08001", "cannot open: no project there, unknown database"),
    ALREADY_EXISTS(7, "42710", "database, branch, tenant, backup or project already exists"),
    MERGE_REFUSED(8, "55000", "merge refused: conflicting changes, or nothing to merge"),
    NOT_ALLOWED(9, "42501", "not allowed: deleting main or the active branch, writing on --all-tenants, a directory "
            + "cinch did not make"),
    CONSTRAINT(10, "23", "constraint violation: unique, foreign key, not null, check"),
    SQL_ERROR(11, "42", "SQL error: syntax, no such table or column");

    final int code;
    private final String sqlState;
    final String meaning;

    ExitStatus(int code, String sqlState, String meaning) {
        this.code = code;
        this.sqlState = sqlState;
        this.meaning = meaning;
    }

    /** The status for a failure: by its SQLState, exact first, then by class; the read-only state counts as not allowed. */
    static ExitStatus of(Throwable failure) {
        String state = failure instanceof SQLException e ? e.getSQLState() : null;
        if (state == null) {
            return FAILURE;
        }
        if (state.equals("25006")) {
            return NOT_ALLOWED;
        }
        for (ExitStatus s : values()) {
            if (s.sqlState.length() == 5 && s.sqlState.equals(state)) {
                return s;
            }
        }
        for (ExitStatus s : values()) {
            if (s.sqlState.length() == 2 && state.startsWith(s.sqlState)) {
                return s;
            }
        }
        return FAILURE;
    }

    /** The exit status list of {@code --help}: status, then its meaning and SQLState. */
    static Map<String, String> helpList() {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitStatus s : values()) {
            String state = s.sqlState.isEmpty() ? "" : " (SQLState " + s.sqlState
                    + (s.sqlState.length() == 2 ? "xxx" : "") + (s == NOT_ALLOWED ? ", 25006" : "") + ")";
            list.put(Integer.toString(s.code), s.meaning + state);
        }
        return list;
    }
}
