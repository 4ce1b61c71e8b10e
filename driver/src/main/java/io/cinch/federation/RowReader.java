package io.cinch.federation;

import io.cinch.sql.SqlState;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Reads one tenant row from a SQLite result set into Calcite's Java representation of the scan's row type. */
final class RowReader {
    private enum Kind { TENANT, LONG, INT, DOUBLE, STRING, BOOLEAN, BYTES, DECIMAL, OBJECT }

    private final Kind[] kinds;
    private final int[] columns;

    private RowReader(Kind[] kinds, int[] columns) {
        this.kinds = kinds;
        this.columns = columns;
    }

    static RowReader of(RelDataType rowType, List<Integer> outputs) {
        int n = rowType.getFieldCount();
        Kind[] kinds = new Kind[n];
        int[] columns = new int[n];
        for (int i = 0; i < n; i++) {
            columns[i] = outputs.get(i) + 1;
            kinds[i] = outputs.get(i) == Pushdown.TENANT ? Kind.TENANT : kind(rowType.getFieldList().get(i).getType().getSqlTypeName());
        }
        return new RowReader(kinds, columns);
    }

    private static Kind kind(SqlTypeName t) {
        switch (t) {
            case BIGINT: return Kind.LONG;
            case INTEGER: case SMALLINT: case TINYINT: return Kind.INT;
            case DOUBLE: case FLOAT: return Kind.DOUBLE;
            case CHAR: case VARCHAR: return Kind.STRING;
            case BOOLEAN: return Kind.BOOLEAN;
            case BINARY: case VARBINARY: return Kind.BYTES;
            case DECIMAL: return Kind.DECIMAL;
            default: return Kind.OBJECT;
        }
    }

    Object[] read(ResultSet rs, String tenant) throws SQLException {
        Object[] row = new Object[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            int c = columns[i];
            row[i] = switch (kinds[i]) {
                case TENANT -> tenant;
                case STRING -> rs.getString(c);
                case BYTES -> {
                    byte[] b = rs.getBytes(c);
                    yield b == null ? null : new ByteString(b);
                }
                case OBJECT -> rs.getObject(c);
                default -> number(rs, c, kinds[i], tenant);
            };
        }
        return row;
    }

    /**
     * A numeric or boolean value as Calcite expects it. SQLite may hold any value in any column; a value that does
     * not fit the column's type (2.5 or 'lots' in an INTEGER column) is refused rather than silently changed.
     */
    private static Object number(ResultSet rs, int c, Kind kind, String tenant) throws SQLException {
        Object v = rs.getObject(c);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            boolean whole = v instanceof Integer || v instanceof Long || d == Math.rint(d);
            switch (kind) {
                case LONG:
                    if (whole) {
                        return n.longValue();
                    }
                    break;
                case INT:
                    if (whole && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) {
                        return n.intValue();
                    }
                    break;
                case DOUBLE:
                    return d;
                case DECIMAL:
                    return v instanceof Double ? java.math.BigDecimal.valueOf(d) : java.math.BigDecimal.valueOf(n.longValue());
                case BOOLEAN:
                    return d != 0;
                default:
                    break;
            }
        }
        throw SqlState.DATA_EXCEPTION.exception("tenant '" + tenant + "': column " + rs.getMetaData().getColumnName(c)
                + " holds " + (v instanceof String ? "'" + v + "'" : v) + ", which is not " + kind.name().toLowerCase()
                + " as the column's declared type says");
    }
}
