package io.cinch.federation;

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
            Object v;
            switch (kinds[i]) {
                case TENANT: row[i] = tenant; continue;
                case LONG: v = rs.getLong(c); break;
                case INT: v = rs.getInt(c); break;
                case DOUBLE: v = rs.getDouble(c); break;
                case STRING: v = rs.getString(c); break;
                case BOOLEAN: v = rs.getBoolean(c); break;
                case BYTES: byte[] b = rs.getBytes(c); v = b == null ? null : new ByteString(b); break;
                case DECIMAL: v = rs.getBigDecimal(c); break;
                default: v = rs.getObject(c); break;
            }
            row[i] = rs.wasNull() ? null : v;
        }
        return row;
    }
}
