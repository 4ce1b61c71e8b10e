package io.cinch.schema;

import io.cinch.sql.Lexer;
import io.cinch.sql.Token;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;

/**
 * What only a table's CREATE TABLE text tells, not SQLite's pragmas: the declared name of its primary key, the
 * AUTOINCREMENT keyword, and the name and deferrability of each foreign key, in the order they are declared.
 *
 * @param primaryKeyName the name after {@code CONSTRAINT} of the primary key, or null
 * @param autoincrement  true when the table declares {@code AUTOINCREMENT}
 * @param foreignKeys    the foreign keys in the order of the text
 */
record TableDeclaration(String primaryKeyName, boolean autoincrement, List<ForeignKeyClause> foreignKeys) {

    /**
     * One foreign key of the text.
     *
     * @param name          the name after {@code CONSTRAINT}, or null
     * @param from          the columns of this table, as written
     * @param deferrability one of {@link DatabaseMetaData}'s {@code importedKey*Deferr*} constants
     */
    record ForeignKeyClause(String name, List<String> from, int deferrability) {
    }

    /** Reads a CREATE TABLE statement; one whose columns come from a SELECT declares nothing. */
    static TableDeclaration read(String sql) {
        List<Token> tokens = Lexer.tokens(sql == null ? "" : sql);
        int open = 0;
        while (open < tokens.size() && !tokens.get(open).isSymbol("(") && !tokens.get(open).is("as")) {
            open++;
        }
        String[] primaryKeyName = {null};
        boolean autoincrement = false;
        List<ForeignKeyClause> foreignKeys = new ArrayList<>();
        if (open == tokens.size() || tokens.get(open).is("as")) {
            return new TableDeclaration(null, false, foreignKeys);
        }
        for (List<Token> definition : definitions(tokens, open + 1)) {
            autoincrement |= definition.stream().anyMatch(t -> t.is("autoincrement"));
            read(sql, definition, primaryKeyName, foreignKeys);
        }
        return new TableDeclaration(primaryKeyName[0], autoincrement, foreignKeys);
    }

    /** The column definitions and table constraints between the parentheses, split at their top-level commas. */
    private static List<List<Token>> definitions(List<Token> tokens, int from) {
        List<List<Token>> out = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (depth == 0 && (t.isSymbol(",") || t.isSymbol(")"))) {
                if (!current.isEmpty()) {
                    out.add(current);
                }
                current = new ArrayList<>();
                if (t.isSymbol(")")) {
                    break;
                }
                continue;
            }
            depth += t.isSymbol("(") ? 1 : t.isSymbol(")") ? -1 : 0;
            current.add(t);
        }
        return out;
    }

    /** Reads the constraints of one definition: their names, the primary key's and the foreign keys'. */
    private static void read(String sql, List<Token> definition, String[] primaryKeyName,
                             List<ForeignKeyClause> foreignKeys) {
        Token first = definition.get(0);
        boolean tableConstraint = first.is("constraint") || first.is("primary") || first.is("unique")
                || first.is("check") || first.is("foreign");
        String column = tableConstraint ? null : name(sql, first);
        String pending = null;
        int depth = 0;
        for (int i = tableConstraint ? 0 : 1; i < definition.size(); i++) {
            Token t = definition.get(i);
            if (t.isSymbol("(") || t.isSymbol(")")) {
                depth += t.isSymbol("(") ? 1 : -1;
                continue;
            }
            if (depth > 0 || t.kind() != Token.Kind.WORD) {
                continue;
            }
            if (t.is("constraint") && i + 1 < definition.size()) {
                pending = name(sql, definition.get(++i));
            } else if (t.is("primary")) {
                if (pending != null) {
                    primaryKeyName[0] = pending;
                }
                pending = null;
            } else if (t.is("foreign")) {
                foreignKeys.add(new ForeignKeyClause(pending, columnsAfter(sql, definition, i),
                        deferrability(definition, i)));
                pending = null;
            } else if (t.is("references") && column != null) {
                foreignKeys.add(new ForeignKeyClause(pending, List.of(column), deferrability(definition, i)));
                pending = null;
            } else if (List.of("unique", "check", "default", "collate", "generated", "as", "not", "null").contains(t.value())) {
                pending = null;
            }
        }
    }

    /** The names in the first parenthesized list after {@code from}. */
    private static List<String> columnsAfter(String sql, List<Token> definition, int from) {
        List<String> out = new ArrayList<>();
        int i = from;
        while (i < definition.size() && !definition.get(i).isSymbol("(")) {
            i++;
        }
        for (i++; i < definition.size() && !definition.get(i).isSymbol(")"); i++) {
            if (definition.get(i).isName() || definition.get(i).kind() == Token.Kind.STRING) {
                out.add(name(sql, definition.get(i)));
            }
        }
        return out;
    }

    /**
     * How the foreign key starting at {@code from} may be deferred: SQLite's keys are immediate unless declared
     * {@code DEFERRABLE INITIALLY DEFERRED}; a plain {@code DEFERRABLE} is initially immediate.
     */
    private static int deferrability(List<Token> definition, int from) {
        int i = from;
        while (i < definition.size() && !definition.get(i).is("references")) {
            i++;
        }
        for (i++; i < definition.size() && !definition.get(i).is("references"); i++) {
            if (definition.get(i).is("deferrable")) {
                if (definition.get(i - 1).is("not")) {
                    return DatabaseMetaData.importedKeyNotDeferrable;
                }
                boolean deferred = i + 2 < definition.size() && definition.get(i + 1).is("initially")
                        && definition.get(i + 2).is("deferred");
                return deferred ? DatabaseMetaData.importedKeyInitiallyDeferred
                        : DatabaseMetaData.importedKeyInitiallyImmediate;
            }
        }
        return DatabaseMetaData.importedKeyNotDeferrable;
    }

    /** A name as written: a bare word keeps its case (the lexer lower-cases words), a quoted one loses its quotes. */
    private static String name(String sql, Token t) {
        return t.kind() == Token.Kind.WORD ? sql.substring(t.start(), t.end()) : t.value();
    }
}
