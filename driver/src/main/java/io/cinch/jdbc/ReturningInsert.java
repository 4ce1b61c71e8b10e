package io.cinch.jdbc;

import io.cinch.sql.SqlStatement;
import io.cinch.sql.Token;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An INSERT over {@code jdbc:cinch://} that asks for generated keys, rewritten to {@code INSERT ... RETURNING} the
 * columns a local connection would report: those named, those at the given positions, or the table's key (its primary
 * key, else the rowid), as the server's SQLite tells them.
 */
final class ReturningInsert {

    private ReturningInsert() {
    }

    /** {@code sql} returning its keys, or null when it is no single INSERT into a table (it then reports no keys). */
    static String of(Connection server, String sql, GeneratedKeys keys) throws SQLException {
        List<SqlStatement> statements = keys == null ? List.of() : SqlStatement.parse(sql);
        if (statements.size() != 1) {
            return null;
        }
        SqlStatement statement = statements.get(0);
        int target = statement.kind() == SqlStatement.Kind.INSERT && statement.find("returning", 0) < 0
                ? TenantSql.targetAt(statement) : -1;
        List<Token> t = statement.tokens();
        boolean qualified = target >= 0 && target + 1 < t.size() && t.get(target + 1).isSymbol(".");
        int name = qualified ? target + 2 : target;
        if (target < 0 || name >= t.size() || !t.get(name).isName()) {
            return null;
        }
        List<String> columns = columns(server, t.get(name).name(), keys);
        return columns.isEmpty() ? null : TenantSql.returning(statement.text(), columns);
    }

    /**
     * The columns to return for an INSERT into {@code table}, none when it is no table or its columns cannot be read
     * (a {@code tenant=*} connection: the INSERT then runs as given and fails as it does there). Every tenant of a
     * branch has the branch's tables, so the connection's own tenant tells them also for an INSERT into another one.
     * (Avatica's client has no primary keys in its metadata: the server's SQLite tells them.)
     */
    private static List<String> columns(Connection server, String table, GeneratedKeys keys) throws SQLException {
        List<String> columns = new ArrayList<>();
        Map<Integer, String> primaryKey = new TreeMap<>();
        try (PreparedStatement ps = server.prepareStatement(COLUMNS)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                    if (rs.getInt(2) > 0) {
                        primaryKey.put(rs.getInt(2), rs.getString(1));
                    }
                }
            }
        } catch (SQLException unreadable) {
            return List.of();
        }
        if (columns.isEmpty()) {
            return List.of();
        }
        if (keys.names() != null) {
            return keys.names();
        }
        if (keys.indexes() != null) {
            List<String> out = new ArrayList<>();
            for (int i : keys.indexes()) {
                if (i >= 1 && i <= columns.size()) {
                    out.add(columns.get(i - 1));
                }
            }
            return out;
        }
        return primaryKey.isEmpty() ? List.of("rowid") : List.copyOf(primaryKey.values());
    }

    /** A table's columns as a local connection counts them (generated ones too), with their place in its key. */
    private static final String COLUMNS = "SELECT x.name, x.pk FROM sqlite_schema s, pragma_table_xinfo(s.name) x "
            + "WHERE s.type = 'table' AND s.name = ? COLLATE NOCASE AND x.hidden IN (0, 2, 3) ORDER BY x.cid";
}
