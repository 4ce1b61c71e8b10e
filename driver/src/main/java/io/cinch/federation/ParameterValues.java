package io.cinch.federation;

import io.cinch.sql.Values;
import org.apache.calcite.DataContext;
import org.apache.calcite.avatica.util.ByteString;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The values of the {@code ?} parameters a tenant's SQL carries, read from the query's DataContext when it runs and
 * bound in every tenant as a tenant connection binds the same setter's value.
 */
final class ParameterValues {
    static final ParameterValues NONE = new ParameterValues(List.of());

    private final List<Object> values;

    private ParameterValues(List<Object> values) {
        this.values = values;
    }

    /** The values of the query's parameters {@code indexes} (Calcite's {@code ?0}, {@code ?1}, ...), in that order. */
    static ParameterValues of(List<Integer> indexes, DataContext context) {
        if (indexes.isEmpty()) {
            return NONE;
        }
        List<Object> values = new ArrayList<>(indexes.size());
        for (int i : indexes) {
            values.add(sqlite(context.get("?" + i)));
        }
        return new ParameterValues(Collections.unmodifiableList(values));
    }

    /** Binds the values as the statement's parameters 1, 2, ... */
    void bind(PreparedStatement ps) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setObject(i + 1, values.get(i));
        }
    }

    /**
     * A parameter as Calcite holds it (the setter's type: Float for setFloat, BigDecimal for setBigDecimal, ByteString
     * for setBytes) turned into what a tenant connection binds for that setter: a double, the decimal's text, bytes.
     * Dates arrive already as the tenant connection stores them (CrossTenantPreparedStatement converts them).
     */
    private static Object sqlite(Object v) {
        if (v instanceof Byte || v instanceof Short) {
            return ((Number) v).intValue();
        } else if (v instanceof Float f) {
            return f.doubleValue();
        } else if (v instanceof BigDecimal d) {
            return d.toPlainString();
        } else if (v instanceof ByteString b) {
            return b.getBytes();
        }
        return Values.toSqlite(v);
    }
}
