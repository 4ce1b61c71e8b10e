package io.cinch.federation;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.Locale;

/** Maps SQLite declared column types to Calcite types by SQLite's type-affinity rules. */
final class SqliteTypes {
    private SqliteTypes() {
    }

    /** The nullable Calcite type for a declared SQLite type. */
    static RelDataType of(RelDataTypeFactory factory, String declaredType) {
        return factory.createTypeWithNullability(factory.createSqlType(sqlTypeName(declaredType)), true);
    }

    /** Affinity rules of https://sqlite.org/datatype3.html, with BOOLEAN kept and date-like names as text. */
    static SqlTypeName sqlTypeName(String declaredType) {
        String t = declaredType == null ? "" : declaredType.toUpperCase(Locale.ROOT);
        if (t.contains("INT")) {
            return SqlTypeName.BIGINT;
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT") || t.contains("DATE") || t.contains("TIME")) {
            return SqlTypeName.VARCHAR;
        }
        if (t.contains("BLOB")) {
            return SqlTypeName.VARBINARY;
        }
        if (t.contains("BOOL")) {
            return SqlTypeName.BOOLEAN;
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB") || t.contains("NUMERIC") || t.contains("DEC")) {
            return SqlTypeName.DOUBLE;
        }
        return SqlTypeName.VARCHAR; // no declared type: read as text
    }
}
