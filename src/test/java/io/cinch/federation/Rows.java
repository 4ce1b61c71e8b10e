package io.cinch.federation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Result rows in a comparable form: integers as Long, reals as 12-digit strings, booleans as 0/1, text as is. */
final class Rows {
    private Rows() {
    }

    /** Every remaining row of {@code rs}, normalised. */
    static List<List<Object>> read(ResultSet rs) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            List<Object> row = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                row.add(norm(rs.getObject(i)));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Runs a query through a plain {@link Statement} and returns its rows, normalised. */
    static List<List<Object>> query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return read(rs);
        }
    }

    /** One value in comparable form. */
    static Object norm(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            BigDecimal d = new BigDecimal(((Number) v).doubleValue()).round(new MathContext(12));
            return d.stripTrailingZeros().toPlainString();
        }
        return v;
    }

    /** A row of normalised values (nulls allowed). */
    static List<Object> row(Object... values) {
        List<Object> row = new ArrayList<>(Arrays.asList(values));
        row.replaceAll(Rows::norm);
        return row;
    }

    /** A copy in a fixed order, for results whose order SQL leaves open. */
    static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }
}
