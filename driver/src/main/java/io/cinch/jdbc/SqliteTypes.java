package io.cinch.jdbc;

import java.sql.Types;
import java.util.Locale;

/** Maps SQLite declared column types to JDBC types, by name first and then by SQLite's affinity rules. */
final class SqliteTypes {

    private SqliteTypes() {
    }

    /** The JDBC type for a declared type (empty or null: no declared type). */
    static int jdbcType(String declared) {
        String t = declared == null ? "" : declared.toUpperCase(Locale.ROOT).trim();
        int paren = t.indexOf('(');
        String base = paren < 0 ? t : t.substring(0, paren).trim();
        switch (base) {
            case "BOOLEAN", "BOOL":
                return Types.BOOLEAN;
            case "INTEGER", "INT", "MEDIUMINT":
                return Types.INTEGER;
            case "BIGINT", "INT8", "UNSIGNED BIG INT":
                return Types.BIGINT;
            case "SMALLINT", "INT2":
                return Types.SMALLINT;
            case "TINYINT":
                return Types.TINYINT;
            case "REAL":
                return Types.REAL;
            case "DOUBLE", "DOUBLE PRECISION":
                return Types.DOUBLE;
            case "FLOAT":
                return Types.FLOAT;
            case "NUMERIC":
                return Types.NUMERIC;
            case "DECIMAL":
                return Types.DECIMAL;
            case "DATE":
                return Types.DATE;
            case "DATETIME", "TIMESTAMP":
                return Types.TIMESTAMP;
            case "TIME":
                return Types.TIME;
            case "BLOB":
                return Types.BLOB;
            case "":
                return Types.VARCHAR;
            default:
                break;
        }
        if (t.contains("INT")) {
            return Types.INTEGER;
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return Types.VARCHAR;
        }
        if (t.contains("BLOB")) {
            return Types.BLOB;
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return Types.DOUBLE;
        }
        return Types.NUMERIC;
    }

    /** The type name reported for a declared type: the declared name itself, or TEXT when none. */
    static String typeName(String declared) {
        return declared == null || declared.isBlank() ? "TEXT" : declared.toUpperCase(Locale.ROOT);
    }
}
