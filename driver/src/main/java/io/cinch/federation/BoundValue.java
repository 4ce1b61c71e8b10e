package io.cinch.federation;

import io.cinch.sql.SqlState;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A {@code ?} value as Calcite evaluates it above the tenant scans, in the type the parameter's context gave it: the
 * bound value converted as SQLite would compare or test it, or a failure with SQLState 22000 when the type cannot
 * hold it (3.7 where the context is an integer column), never a truncated value. Called by the code Calcite generates.
 */
public final class BoundValue {
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final long EXACT_DOUBLE = 1L << 53;

    private BoundValue() {
    }

    /** The value for a BIGINT parameter: integers, booleans as 1 and 0, whole reals and integer text. */
    public static Long bigint(Object v, int index) {
        if (v == null || v instanceof Long) {
            return (Long) v;
        }
        BigDecimal d = number(v, index, "an integer");
        if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0 || d.compareTo(LONG_MIN) < 0 || d.compareTo(LONG_MAX) > 0) {
            throw unfit(v, index, "an integer");
        }
        return d.longValue();
    }

    /** The value for an INTEGER parameter (Calcite's type of {@code LIMIT ?} and {@code OFFSET ?}). */
    public static Integer integer(Object v, int index) {
        Long l = bigint(v, index);
        if (l != null && (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE)) {
            throw unfit(v, index, "a 32-bit integer");
        }
        return l == null ? null : l.intValue();
    }

    /** The value for a DOUBLE parameter: numbers a double holds exactly, booleans as 1 and 0, numeric text. */
    public static Double real(Object v, int index) {
        if (v == null || v instanceof Double) {
            return (Double) v;
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        BigDecimal d = number(v, index, "a real number");
        double x = d.doubleValue();
        if ((v instanceof Long || v instanceof BigInteger) && Math.abs(d.longValue()) > EXACT_DOUBLE) {
            throw unfit(v, index, "a real number");
        }
        return x;
    }

    /** The value for a DECIMAL parameter. */
    public static BigDecimal decimal(Object v, int index) {
        return v == null ? null : number(v, index, "a number");
    }

    /** The value for a condition ({@code iif(?, a, b)}, {@code CASE WHEN ?}, {@code NOT ?}): true when SQLite's is. */
    public static Boolean truth(Object v) {
        if (v == null || v instanceof Boolean) {
            return (Boolean) v;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue() != 0;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        Long test = SqliteEvaluator.integer("iif", new Object[] {v, 1L, 0L});
        return test != null && test != 0;
    }

    /** The value for a text parameter: text as is, anything else as SQLite writes it as text. */
    public static String text(Object v) {
        return v == null || v instanceof String ? (String) v : SqliteEvaluator.text("||", new Object[] {v, ""});
    }

    private static BigDecimal number(Object v, int index, String wanted) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if ((v instanceof Double || v instanceof Float) && Double.isFinite(((Number) v).doubleValue())) {
            return new BigDecimal(((Number) v).doubleValue());
        }
        if (v instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                throw unfit(v, index, wanted);
            }
        }
        throw unfit(v, index, wanted);
    }

    private static IllegalArgumentException unfit(Object v, int index, String wanted) {
        String shown = v instanceof String ? "'" + v + "'" : v instanceof byte[] ? "a blob" : String.valueOf(v);
        String message = "parameter " + (index + 1) + ": tenant=* evaluates this ? as " + wanted
                + ", the type of its context, and " + shown + " is not " + wanted
                + " (a tenant connection would keep it as bound; see docs/differences-from-sqlite-jdbc.md)";
        return new IllegalArgumentException(message, SqlState.DATA_EXCEPTION.exception(message));
    }
}
