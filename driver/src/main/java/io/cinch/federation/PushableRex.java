package io.cinch.federation;

import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.EnumSet;
import java.util.Set;

/** Decides whether a row expression over tenant-local columns means the same in SQLite and can be pushed. */
final class PushableRex {
    private static final Set<SqlKind> KINDS = EnumSet.of(
            SqlKind.AND, SqlKind.OR, SqlKind.NOT,
            SqlKind.EQUALS, SqlKind.NOT_EQUALS, SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL,
            SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL, SqlKind.SEARCH,
            SqlKind.IS_NULL, SqlKind.IS_NOT_NULL, SqlKind.IS_TRUE, SqlKind.IS_FALSE,
            SqlKind.IS_NOT_TRUE, SqlKind.IS_NOT_FALSE,
            SqlKind.PLUS, SqlKind.MINUS, SqlKind.TIMES, SqlKind.DIVIDE, SqlKind.MINUS_PREFIX,
            SqlKind.LIKE, SqlKind.CASE, SqlKind.COALESCE);
    private static final Set<SqlTypeName> CAST_TARGETS = EnumSet.of(
            SqlTypeName.VARCHAR, SqlTypeName.CHAR, SqlTypeName.BIGINT, SqlTypeName.INTEGER, SqlTypeName.DOUBLE,
            SqlTypeName.DATE, SqlTypeName.TIMESTAMP); // text to date/timestamp: unparsed as date()/datetime()

    private PushableRex() {
    }

    /** For a projected column: also its value must come back from SQLite in the type Calcite expects. */
    static boolean checkOutput(RexNode e) {
        SqlTypeName t = e.getType().getSqlTypeName();
        return check(e) && !SqlTypeName.DATETIME_TYPES.contains(t) && !SqlTypeName.INTERVAL_TYPES.contains(t);
    }

    static boolean check(RexNode e) {
        return check(e, false);
    }

    /**
     * For a filter: also {@code ?} parameters may be in it, each bound in every tenant as a tenant connection binds it,
     * so SQLite compares them as on each tenant (a projected parameter would come back in SQLite's type, not Calcite's).
     */
    static boolean checkFilter(RexNode e) {
        return check(e, true);
    }

    private static boolean check(RexNode e, boolean parameters) {
        if (e instanceof RexInputRef) {
            return true;
        }
        if (e instanceof RexDynamicParam) {
            return parameters;
        }
        if (e instanceof RexLiteral literal) {
            SqlTypeName t = literal.getType().getSqlTypeName();
            return t != SqlTypeName.SYMBOL && !SqlTypeName.INTERVAL_TYPES.contains(t);
        }
        if (!(e instanceof RexCall call)) {
            return false;
        }
        boolean op = KINDS.contains(call.getKind())
                || call.getKind() == SqlKind.CAST && CAST_TARGETS.contains(call.getType().getSqlTypeName())
                && (SqlTypeName.CHAR_TYPES.contains(call.operands.get(0).getType().getSqlTypeName())
                        || !SqlTypeName.DATETIME_TYPES.contains(call.getType().getSqlTypeName()))
                && !SqlTypeName.DATETIME_TYPES.contains(call.operands.get(0).getType().getSqlTypeName())
                || call.getOperator() instanceof SqliteFunction;
        return op && call.getOperands().stream().allMatch(o -> check(o, parameters));
    }
}
