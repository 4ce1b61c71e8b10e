package io.cinch.jdbc;

import io.cinch.sql.SqlStatement;
import io.cinch.sql.Token;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Finds the schema statements without {@code TEMP} that SQLite still applies to the connection's temporary schema:
 * those qualified with {@code temp}, an index or trigger on a temporary table, and an ALTER or DROP of a temporary
 * object (an unqualified name reaches a temporary object before the tenant's, as in SQLite).
 */
final class TemporaryDdl {

    private TemporaryDdl() {
    }

    /** True when SQLite would run {@code statement} (a CREATE, ALTER or DROP) on the temporary schema of {@code sqlite}. */
    static boolean isTemporary(SqlStatement statement, Connection sqlite) throws SQLException {
        List<Token> t = statement.tokens();
        String verb = t.get(0).value();
        int i = 1;
        while (at(t, i, "unique") || at(t, i, "virtual")) {
            i++;
        }
        if (i >= t.size() || t.get(i).kind() != Token.Kind.WORD) {
            return false;
        }
        String object = t.get(i++).value();
        if (at(t, i, "if")) {
            i += at(t, i + 1, "not") ? 3 : 2;
        }
        if (i >= t.size() || !isName(t.get(i))) {
            return false;
        }
        if (i + 2 < t.size() && t.get(i + 1).isSymbol(".")) {
            return t.get(i).name().equals("temp");
        }
        String name = t.get(i).value();
        return switch (verb) {
            case "create" -> (object.equals("index") || object.equals("trigger")) && onTemporaryTable(statement, i, sqlite);
            case "alter" -> exists(sqlite, "table", name);
            case "drop" -> exists(sqlite, object, name);
            default -> false;
        };
    }

    /** True when the table after the statement's {@code ON} (from token {@code from}) is a temporary one. */
    private static boolean onTemporaryTable(SqlStatement statement, int from, Connection sqlite) throws SQLException {
        List<Token> t = statement.tokens();
        int on = statement.find("on", from);
        if (on < 0 || on + 1 >= t.size() || !isName(t.get(on + 1))) {
            return false;
        }
        if (on + 3 < t.size() && t.get(on + 2).isSymbol(".")) {
            return t.get(on + 1).name().equals("temp");
        }
        String table = t.get(on + 1).value();
        return exists(sqlite, "table", table) || exists(sqlite, "view", table);
    }

    /** True when the connection has a temporary object of the given type and name (any case). */
    private static boolean exists(Connection sqlite, String type, String name) throws SQLException {
        try (PreparedStatement ps = sqlite.prepareStatement(
                "SELECT 1 FROM temp.sqlite_master WHERE type = ? AND name = ? COLLATE NOCASE")) {
            ps.setString(1, type);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A name as SQLite reads one here: a word, a quoted identifier, or a string literal. */
    private static boolean isName(Token token) {
        return token.isName() || token.kind() == Token.Kind.STRING;
    }

    private static boolean at(List<Token> t, int i, String keyword) {
        return i < t.size() && t.get(i).is(keyword);
    }
}
