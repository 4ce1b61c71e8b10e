package io.cinch.schema;

import io.cinch.sql.SqlState;
import io.cinch.sql.SqlStatement;
import io.cinch.sql.Token;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A schema statement as cinch records it: its type ({@code create_table}, {@code add_column}, ...), the entity it
 * names, its SQL without any schema qualifier, and whether it can fail on some tenant's data (and so must be tried
 * on every tenant that has data before it is recorded).
 */
public record Ddl(String type, String entity, String sql, boolean dataDependent) {

    /** Reads a CREATE, ALTER or DROP statement; {@code schema} is a connection to the branch's current schema. */
    public static Ddl of(SqlStatement statement, Connection schema) throws SQLException {
        List<Token> t = statement.tokens();
        String verb = t.get(0).value();
        int i = 1;
        boolean unique = false;
        if (at(t, i, "unique")) {
            unique = true;
            i++;
        }
        if (at(t, i, "virtual")) {
            i++;
        }
        if (i >= t.size() || t.get(i).kind() != Token.Kind.WORD) {
            throw SqlState.SYNTAX_ERROR.exception("cannot read schema statement: " + statement.text());
        }
        String object = t.get(i++).value();
        if (at(t, i, "if")) {
            i += at(t, i + 1, "not") ? 3 : 2;
        }
        if (i >= t.size() || !isName(t.get(i))) {
            throw SqlState.SYNTAX_ERROR.exception("cannot read schema statement: " + statement.text());
        }
        String sql = statement.text();
        if (i + 2 < t.size() && t.get(i + 1).isSymbol(".") && isName(t.get(i + 2))) {
            if (t.get(i).name().equals("temp")) {
                throw SqlState.SYNTAX_ERROR.exception("use CREATE TEMP for temporary objects: " + sql);
            }
            sql = sql.substring(0, t.get(i).start()) + sql.substring(t.get(i + 2).start());
            i += 2;
        }
        String entity = t.get(i).name();
        String type = verb + "_" + object;
        boolean dataDependent = false;
        switch (type) {
            case "create_table" -> dataDependent = statement.find("as", i) >= 0 && statement.find("select", i) >= 0;
            case "create_index" -> dataDependent = unique || !plainIndex(t, i);
            case "drop_table" -> dataDependent = isReferenced(schema, entity);
            case "alter_table" -> {
                int action = i + 1;
                if (at(t, action, "add")) {
                    type = "add_column";
                    dataDependent = addColumnCanFail(t, action + 1) || isStrict(schema, entity);
                } else if (at(t, action, "drop")) {
                    type = "drop_column";
                } else if (at(t, action, "rename") && at(t, action + 1, "to")) {
                    type = "rename_table";
                } else if (at(t, action, "rename")) {
                    type = "rename_column";
                }
            }
            default -> {
                if (!List.of("create_view", "drop_view", "create_trigger", "drop_trigger", "drop_index").contains(type)) {
                    throw SqlState.SYNTAX_ERROR.exception("unsupported schema statement: " + statement.text());
                }
            }
        }
        return new Ddl(type, entity, sql, dataDependent);
    }

    /** A name as SQLite reads one here: a word, a quoted identifier, or a string literal ({@code CREATE TABLE 'a b'}). */
    private static boolean isName(Token token) {
        return token.isName() || token.kind() == Token.Kind.STRING;
    }

    private static boolean at(List<Token> t, int i, String keyword) {
        return i < t.size() && t.get(i).is(keyword);
    }

    /** An index over plain columns without WHERE cannot fail on data; one over expressions can. */
    private static boolean plainIndex(List<Token> t, int nameAt) {
        int open = -1;
        for (int i = nameAt; i < t.size(); i++) {
            if (t.get(i).isSymbol("(")) {
                open = i;
                break;
            }
        }
        for (int i = open + 1; i < t.size(); i++) {
            Token token = t.get(i);
            if (token.isSymbol(")")) {
                return i == t.size() - 1;
            }
            boolean allowed = token.isName() || token.isSymbol(",");
            if (!allowed) {
                return false;
            }
        }
        return false;
    }

    /** A new column can fail on existing rows when it is NOT NULL without a default, or has a CHECK. */
    private static boolean addColumnCanFail(List<Token> t, int from) {
        boolean notNull = false;
        boolean defaulted = false;
        for (int i = from; i < t.size(); i++) {
            if (t.get(i).is("check")) {
                return true;
            }
            if (t.get(i).is("not") && at(t, i + 1, "null")) {
                notNull = true;
            }
            if (t.get(i).is("default") && !at(t, i + 1, "null")) {
                defaulted = true;
            }
        }
        return notNull && !defaulted;
    }

    /** A STRICT table checks its existing rows against a new column's default, which can fail on data. */
    private static boolean isStrict(Connection schema, String table) throws SQLException {
        try (Statement s = schema.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 FROM pragma_table_list WHERE schema = 'main' AND strict = 1 "
                     + "AND lower(name) = '" + table.replace("'", "''") + "'")) {
            return rs.next();
        }
    }

    /** Dropping a table that foreign keys point at deletes its rows first, which can fail on data. */
    private static boolean isReferenced(Connection schema, String table) throws SQLException {
        try (Statement s = schema.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 FROM sqlite_master m, pragma_foreign_key_list(m.name) f "
                     + "WHERE m.type = 'table' AND lower(f.\"table\") = '" + table.replace("'", "''") + "' LIMIT 1")) {
            return rs.next();
        }
    }
}
