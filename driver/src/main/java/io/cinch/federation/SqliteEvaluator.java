package io.cinch.federation;

import org.apache.calcite.avatica.util.ByteString;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Evaluates a SQLite function that runs above the tenant scans (over values from several tenants) in an in-memory
 * SQLite, so that it gives SQLite's answer there too. Called by the code Calcite generates.
 */
public final class SqliteEvaluator {
    private static final ThreadLocal<Statements> MEMORY = ThreadLocal.withInitial(Statements::new);

    private SqliteEvaluator() {
    }

    /** A function returning text. */
    public static String text(String fn, Object[] args) {
        Object v = eval(fn, args);
        return v == null ? null : v instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : v.toString();
    }

    /** A function returning an integer. */
    public static Long integer(String fn, Object[] args) {
        Object v = eval(fn, args);
        return v == null ? null : v instanceof Number n ? (Long) n.longValue() : (Long) Long.parseLong(v.toString());
    }

    /** A function returning a real number. */
    public static Double real(String fn, Object[] args) {
        Object v = eval(fn, args);
        return v == null ? null : v instanceof Number n ? (Double) n.doubleValue() : (Double) Double.parseDouble(v.toString());
    }

    private static Object eval(String fn, Object[] args) {
        try {
            PreparedStatement ps = MEMORY.get().prepare(fn, args.length);
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, sqliteValue(args[i]));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1);
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException(fn + ": " + e.getMessage(), e);
        }
    }

    /** A Calcite value as SQLite stores it. */
    private static Object sqliteValue(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (v instanceof ByteString bytes) {
            return bytes.getBytes();
        }
        if (v instanceof BigDecimal d) {
            return d.scale() <= 0 && d.unscaledValue().bitLength() < 60 && d.scale() > -10 ? (Object) d.longValueExact() : (Object) d.doubleValue();
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        return v;
    }

    /** One in-memory SQLite per thread, with a prepared {@code SELECT fn(?, ...)} per function and arity. */
    private static final class Statements {
        private final Map<String, PreparedStatement> prepared = new HashMap<>();
        private Connection memory;

        PreparedStatement prepare(String fn, int arity) throws SQLException {
            if (memory == null) {
                memory = DriverManager.getConnection("jdbc:sqlite::memory:");
            }
            String sql = fn.equals(SqliteOperators.CONCAT.getName()) ? "SELECT ? || ?"
                    : "SELECT " + fn + "(" + (arity == 0 ? "" : "?" + ",?".repeat(arity - 1)) + ")";
            PreparedStatement ps = prepared.get(sql);
            if (ps == null) {
                ps = memory.prepareStatement(sql);
                prepared.put(sql, ps);
            }
            return ps;
        }
    }
}
