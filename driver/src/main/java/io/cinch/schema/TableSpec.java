package io.cinch.schema;

import io.cinch.sql.SqlState;
import io.cinch.sql.Values;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table as {@code cinch.create_table(name, 'col:TYPE col2:TYPE? ...')} describes it, and the SQL that creates
 * it with cinch's automatic columns: {@code id} (a new UUID unless given), {@code created_at} and {@code updated_at}
 * (UTC, SQLite's {@code YYYY-MM-DD HH:MM:SS.SSS}), kept by defaults and a trigger so that any client gets them.
 */
public record TableSpec(String table, List<Column> columns) {

    /** A user column: {@code nullable} when its type was written with a trailing {@code ?}. */
    public record Column(String name, String type, boolean nullable) {
    }

    private static final String NOW = Values.NOW;
    private static final String UUID = "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
            + "substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || "
            + "substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))";
    private static final Set<String> TYPES = Set.of("TEXT", "INTEGER", "REAL", "BLOB", "NUMERIC", "BOOLEAN");
    private static final Set<String> AUTOMATIC = Set.of("id", "created_at", "updated_at");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final Pattern COLUMN = Pattern.compile("([^:\\s]+):([A-Za-z]+)(\\?)?");

    /** Parses the arguments of {@code cinch.create_table}; a bad specification is refused with 42602 or 42000. */
    public static TableSpec parse(String table, String spec) throws SQLException {
        if (table == null || !IDENTIFIER.matcher(table).matches() || table.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
            throw SqlState.INVALID_NAME.exception("invalid table name '" + table + "'");
        }
        if (spec == null || spec.isBlank()) {
            throw SqlState.SYNTAX_ERROR.exception("create_table needs columns, e.g. 'email:TEXT name:TEXT?'");
        }
        List<Column> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>(AUTOMATIC);
        for (String item : spec.trim().split("[\\s,]+")) {
            Matcher m = COLUMN.matcher(item);
            if (!m.matches()) {
                throw SqlState.SYNTAX_ERROR.exception("bad column '" + item + "': write name:TYPE or name:TYPE?");
            }
            String name = m.group(1);
            String type = m.group(2).toUpperCase(Locale.ROOT);
            if (!IDENTIFIER.matcher(name).matches()) {
                throw SqlState.INVALID_NAME.exception("invalid column name '" + name + "'");
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw SqlState.SYNTAX_ERROR.exception("column '" + name + "' appears twice or is automatic (id, created_at, updated_at)");
            }
            if (!TYPES.contains(type)) {
                throw SqlState.SYNTAX_ERROR.exception("unknown type '" + m.group(2) + "' for column '" + name + "': use one of " + TYPES);
            }
            columns.add(new Column(name, type, m.group(3) != null));
        }
        return new TableSpec(table, List.copyOf(columns));
    }

    /** The CREATE TABLE and CREATE TRIGGER statements, as one script. */
    public String sql() {
        StringBuilder sql = new StringBuilder("CREATE TABLE \"").append(table).append("\" (\n")
                .append("  id TEXT PRIMARY KEY NOT NULL DEFAULT (").append(UUID).append("),\n")
                .append("  created_at TEXT NOT NULL DEFAULT (").append(NOW).append("),\n")
                .append("  updated_at TEXT NOT NULL DEFAULT (").append(NOW).append(")");
        for (Column c : columns) {
            sql.append(",\n  \"").append(c.name()).append("\" ").append(c.type());
            if (!c.nullable()) {
                sql.append(" NOT NULL");
            }
            if (c.type().equals("BOOLEAN")) {
                sql.append(" CHECK (\"").append(c.name()).append("\" IN (0, 1))");
            }
        }
        sql.append("\n);\n")
                .append("CREATE TRIGGER \"").append(table).append("_updated_at\" AFTER UPDATE ON \"").append(table)
                .append("\" FOR EACH ROW WHEN NEW.updated_at IS OLD.updated_at BEGIN\n")
                .append("  UPDATE \"").append(table).append("\" SET updated_at = ").append(NOW)
                .append(" WHERE rowid = NEW.rowid;\nEND");
        return sql.toString();
    }
}
