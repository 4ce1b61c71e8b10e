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

    /** Every remaining row of {@code rs}, for computing with: integers and booleans as Long, reals as Double. */
    static List<List<Object>> readPlain(ResultSet rs) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            List<Object> row = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                row.add(plain(rs.getObject(i)));
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

    /** One value for computing with: integers and booleans as Long, reals as Double, text as String. */
    static Object plain(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float || v instanceof BigDecimal) {
            return ((Number) v).doubleValue();
        }
        return v;
    }

    /** One value in comparable form. */
    static Object norm(Object v) {
        v = plain(v);
        if (v instanceof Double) {
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

    /** Normalises every value of computed rows. */
    static List<List<Object>> norm(List<List<Object>> rows) {
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> r : rows) {
            out.add(row(r.toArray()));
        }
        return out;
    }

    /** SQLite's order of values: NULL, then numbers by value, then text by its bytes (BINARY collation). */
    static final Comparator<Object> SQLITE_ORDER = (a, b) -> {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        if (ra == 1) {
            return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
        }
        return ra == 2 ? ((String) a).compareTo((String) b) : 0;
    };

    private static int rank(Object v) {
        return v == null ? 0 : v instanceof Number ? 1 : 2;
    }

    /** A copy in a fixed order, for results whose order SQL leaves open. */
    static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }
}
