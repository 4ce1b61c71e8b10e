package io.cinch.jdbc;

import io.cinch.store.Handle;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies a connection's temporary objects (tables with their rows, indexes, views, triggers) to the SQLite connection
 * that replaces it when its tenant gets a file, so that the first write of a lazy tenant loses none of them.
 */
final class TemporarySchema {

    private TemporarySchema() {
    }

    /**
     * True when the handle's connection has a temporary object. A connection that never used its temporary schema
     * has not opened it ({@link Handle#temporarySchemaOpen}), and is asked nothing more: reading
     * {@code temp.sqlite_master} would open it, and a pooled handle with a schema more than it was opened with is
     * closed on release instead of being lent again.
     */
    static boolean exists(Handle h) throws SQLException {
        if (!h.temporarySchemaOpen()) {
            return false;
        }
        try (Statement s = h.jdbc().createStatement(); ResultSet rs = s.executeQuery("SELECT 1 FROM temp.sqlite_master")) {
            return rs.next();
        }
    }

    /** Copies every temporary object of {@code from} to {@code to}. */
    static void copy(Connection from, Connection to) throws SQLException {
        List<String[]> objects = new ArrayList<>();
        try (Statement s = from.createStatement();
             ResultSet rs = s.executeQuery("SELECT type, name, sql FROM temp.sqlite_master "
                     + "WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid")) {
            while (rs.next()) {
                objects.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        try (Statement s = to.createStatement()) {
            for (String[] o : objects) {
                if (o[0].equals("table")) {
                    s.execute(temporary(o[2]));
                    copyRows(from, to, o[1]);
                }
            }
            copyRows(from, to, "sqlite_sequence");
            for (String[] o : objects) {
                if (!o[0].equals("table")) {
                    s.execute(temporary(o[2]));
                }
            }
        }
    }

    /**
     * The statement that makes the object again as a temporary one: SQLite keeps its text as {@code CREATE TABLE
     * name ...} without {@code TEMP}; an index on a temporary table is temporary by itself.
     */
    private static String temporary(String sql) {
        if (sql.startsWith("CREATE VIRTUAL TABLE ")) {
            return "CREATE VIRTUAL TABLE temp." + sql.substring("CREATE VIRTUAL TABLE ".length());
        }
        return sql.replaceFirst("^CREATE (TABLE|VIEW|TRIGGER) ", "CREATE TEMP $1 ");
    }

    /** Copies the rows of a temporary table, its generated columns left to SQLite. */
    private static void copyRows(Connection from, Connection to, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = from.prepareStatement("SELECT name FROM pragma_table_xinfo(?, 'temp') WHERE hidden = 0")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add('"' + rs.getString(1).replace("\"", "\"\"") + '"');
                }
            }
        }
        if (columns.isEmpty()) {
            return;
        }
        String list = String.join(", ", columns);
        String name = "temp.\"" + table.replace("\"", "\"\"") + '"';
        try (Statement read = from.createStatement();
             ResultSet rows = read.executeQuery("SELECT " + list + " FROM " + name);
             PreparedStatement write = to.prepareStatement("INSERT INTO " + name + "(" + list + ") VALUES ("
                     + "?, ".repeat(columns.size() - 1) + "?)")) {
            if (table.equals("sqlite_sequence")) {
                try (Statement clear = to.createStatement()) {
                    clear.execute("DELETE FROM temp.sqlite_sequence");
                }
            }
            while (rows.next()) {
                for (int i = 1; i <= columns.size(); i++) {
                    write.setObject(i, rows.getObject(i));
                }
                write.executeUpdate();
            }
        }
    }
}
