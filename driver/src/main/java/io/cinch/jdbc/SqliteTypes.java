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

    /** The size sqlite-jdbc reports for a type declared without one. */
    static final int UNSIZED = 2_000_000_000;

    /**
     * A declared type as {@code getColumns} reports it, read as sqlite-jdbc reads it: the name without its size
     * ({@code VARCHAR} for {@code varchar(21)}, empty when no type is declared), the size (the precision for
     * {@code DECIMAL(10,2)}, as JDBC defines COLUMN_SIZE for numbers), and the digits after the point.
     */
    record Declared(String name, int size, int digits) {
    }

    /** Reads a declared type (empty or null: no declared type). */
    static Declared declared(String declared) {
        String t = declared == null ? "" : declared.toUpperCase(Locale.ROOT);
        int size = UNSIZED;
        int digits = t.matches(".*(INT|BOOL|CHAR|CLOB|TEXT|BLOB).*") ? 0 : 10;
        int open = t.indexOf('(');
        if (open <= 0) {
            return new Declared(t, size, digits);
        }
        int close = t.indexOf(')', open);
        if (close > 0) {
            int comma = t.indexOf(',', open);
            try {
                int precision = Integer.parseUnsignedInt(t.substring(open + 1, comma > 0 ? comma : close).trim());
                digits = comma > 0 ? Integer.parseUnsignedInt(t.substring(comma + 1, close).trim()) : 0;
                size = precision;
            } catch (NumberFormatException notANumber) {
                // a size SQLite accepts but that is no plain number (e.g. a sign): reported as unsized
            }
        }
        return new Declared(t.substring(0, open).trim(), size, digits);
    }
}
