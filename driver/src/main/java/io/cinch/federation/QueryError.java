package io.cinch.federation;

import io.cinch.sql.SqlState;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns Calcite's failure to prepare a query into one line in SQLite's words, with a SQLState. */
final class QueryError {
    private static final Pattern COLUMN = Pattern.compile("Column '([^']*)' not found in (?:any table|table '([^']*)')");
    private static final Pattern TABLE = Pattern.compile("Object '([^']*)' not found(?: within '([^']*)')?");
    private static final Pattern FUNCTION = Pattern.compile("No match found for function signature ([^(]*)\\(");
    private static final String HINT = " (tenant=* reads SQLite's common SQL; see the README, \"BI SQL on tenant=*\")";

    private QueryError() {
    }

    /** The exception to report for a failed prepare. */
    static SQLException of(SQLException e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SqlParseException parse) {
                return SqlState.SYNTAX_ERROR.exception(firstLine(parse.getMessage()) + HINT, e);
            }
            if (t instanceof CalciteContextException context) {
                String where = context.getPosLine() > 0 ? " (line " + context.getPosLine() + ", column " + context.getPosColumn() + ")" : "";
                return SqlState.SYNTAX_ERROR.exception(sqliteWords(firstLine(context.getCause() == null
                        ? context.getMessage() : context.getCause().getMessage())) + where, e);
            }
            if (t instanceof UnsupportedOperationException) {
                return SqlState.NOT_SUPPORTED.exception("not supported on tenant=*: " + firstLine(String.valueOf(t.getMessage())) + HINT, e);
            }
        }
        return SqlState.of(e);
    }

    /** Calcite's messages for a missing column, table or function, as SQLite words them. */
    private static String sqliteWords(String message) {
        Matcher m = COLUMN.matcher(message);
        if (m.find()) {
            return "no such column: " + (m.group(2) == null ? "" : m.group(2) + ".") + m.group(1);
        }
        m = TABLE.matcher(message);
        if (m.find()) {
            return "no such table: " + (m.group(2) == null ? "" : m.group(2) + ".") + m.group(1);
        }
        m = FUNCTION.matcher(message);
        if (m.find()) {
            return "no such function: " + m.group(1) + HINT;
        }
        return message;
    }

    private static String firstLine(String message) {
        String m = message == null ? "cannot prepare the query" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }
}
