package io.cinch.procedures;

import io.cinch.sql.SqlState;
import io.cinch.store.Names;
import java.sql.SQLException;
import java.util.List;

/** The argument values of one procedure call, with typed, validated access. */
public record Args(String procedure, List<Object> values) {

    /** Argument {@code i} (0-based) as a validated database, branch or tenant name. */
    public String name(int i, String kind) throws SQLException {
        Object v = values.get(i);
        if (v != null && !(v instanceof String)) {
            throw wrongType(i, "a " + kind + " name (text)", v);
        }
        return Names.check(kind, (String) v);
    }

    /** Argument {@code i} as a name if given, else {@code fallback}. */
    public String name(int i, String kind, String fallback) throws SQLException {
        return i < values.size() ? name(i, kind) : fallback;
    }

    /** Argument {@code i} as text. */
    public String text(int i, String what) throws SQLException {
        Object v = values.get(i);
        if (!(v instanceof String s)) {
            throw wrongType(i, what + " (text)", v);
        }
        return s;
    }

    private SQLException wrongType(int i, String expected, Object v) {
        return SqlState.SYNTAX_ERROR.exception("cinch." + procedure + ": argument " + (i + 1) + " must be " + expected
                + ", not " + (v == null ? "NULL" : v.getClass().getSimpleName() + " " + v));
    }
}
