package io.cinch.sql;

import java.util.ArrayList;
import java.util.List;

/** One SQL statement with its tokens and what kind of statement it is, as cinch must route it. */
public record SqlStatement(String text, List<Token> tokens, Kind kind, String refusal) {

    /** How cinch routes a statement. */
    public enum Kind {
        /** SELECT, VALUES, EXPLAIN, or WITH ... SELECT. */
        QUERY,
        /** INSERT or REPLACE. */
        INSERT,
        /** UPDATE or DELETE. */
        CHANGE,
        /** CREATE, ALTER or DROP of a schema object: a change of the whole branch. */
        DDL,
        /** CREATE TEMP ...: an object of this connection only. */
        TEMP_DDL,
        /** BEGIN, COMMIT, END, ROLLBACK, SAVEPOINT, RELEASE. */
        TRANSACTION,
        /** A PRAGMA that may run. */
        PRAGMA,
        /** CALL cinch.procedure(...), bare or in a JDBC escape. */
        CALL,
        /** Something that would open or corrupt files: refused with 42501. */
        FORBIDDEN,
        /** ANALYZE, REINDEX, VACUUM and anything else SQLite may know. */
        OTHER
    }

    /** Splits a script into statements, dropping empty ones; a trigger body's semicolons do not split. */
    public static List<SqlStatement> parse(String sql) {
        List<Token> all = Lexer.tokens(sql);
        List<SqlStatement> out = new ArrayList<>();
        int from = 0;
        boolean inTrigger = false;
        int depth = 0;
        for (int i = 0; i < all.size(); i++) {
            Token t = all.get(i);
            if (i == from) {
                inTrigger = startsTrigger(all, i);
                depth = 0;
            }
            if (inTrigger && (t.is("begin") && depth == 0 || t.is("case") && depth > 0)) {
                depth++;
            } else if (inTrigger && t.is("end") && depth > 0) {
                depth--;
            } else if (t.kind() == Token.Kind.SEMICOLON && depth == 0) {
                add(sql, all, from, i, out);
                from = i + 1;
            }
        }
        add(sql, all, from, all.size(), out);
        return out;
    }

    private static boolean startsTrigger(List<Token> all, int i) {
        if (!all.get(i).is("create")) {
            return false;
        }
        int j = i + 1;
        if (j < all.size() && (all.get(j).is("temp") || all.get(j).is("temporary"))) {
            j++;
        }
        return j < all.size() && all.get(j).is("trigger");
    }

    private static void add(String sql, List<Token> all, int from, int to, List<SqlStatement> out) {
        if (from >= to) {
            return;
        }
        int offset = all.get(from).start();
        String text = sql.substring(offset, all.get(to - 1).end());
        List<Token> tokens = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            Token t = all.get(i);
            tokens.add(new Token(t.kind(), t.start() - offset, t.end() - offset, t.value()));
        }
        out.add(classify(text, List.copyOf(tokens)));
    }

    /** Classifies one statement's tokens; what {@link Gate} refuses is {@link Kind#FORBIDDEN}. */
    static SqlStatement classify(String text, List<Token> tokens) {
        Token first = tokens.get(0);
        String verb = first.kind() == Token.Kind.WORD ? first.value() : "";
        if (first.isSymbol("{")) {
            verb = tokens.size() > 1 ? tokens.get(1).value() : "";
            return new SqlStatement(text, tokens, verb.equals("call") ? Kind.CALL : Kind.OTHER, null);
        }
        String refusal = Gate.refusal(tokens);
        if (refusal != null) {
            return new SqlStatement(text, tokens, Kind.FORBIDDEN, refusal);
        }
        Kind kind = switch (verb) {
            case "select", "values", "explain" -> Kind.QUERY;
            case "with" -> mainVerbAfterWith(tokens);
            case "insert", "replace" -> Kind.INSERT;
            case "update", "delete" -> Kind.CHANGE;
            case "create" -> tokens.size() > 1 && (tokens.get(1).is("temp") || tokens.get(1).is("temporary")) ? Kind.TEMP_DDL : Kind.DDL;
            case "alter", "drop" -> Kind.DDL;
            case "begin", "commit", "end", "rollback", "savepoint", "release" -> Kind.TRANSACTION;
            case "pragma" -> Kind.PRAGMA;
            case "call" -> Kind.CALL;
            case "backup", "restore" -> Kind.FORBIDDEN;
            default -> Kind.OTHER;
        };
        if (kind == Kind.FORBIDDEN) {
            return new SqlStatement(text, tokens, kind, verb.toUpperCase() + " is not allowed: a connection reaches its own tenant only");
        }
        return new SqlStatement(text, tokens, kind, null);
    }

    private static Kind mainVerbAfterWith(List<Token> tokens) {
        int depth = 0;
        for (Token t : tokens) {
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && t.kind() == Token.Kind.WORD) {
                switch (t.value()) {
                    case "select", "values":
                        return Kind.QUERY;
                    case "insert", "replace":
                        return Kind.INSERT;
                    case "update", "delete":
                        return Kind.CHANGE;
                    default:
                        break;
                }
            }
        }
        return Kind.QUERY;
    }

    /** The statement's first word, lower-cased. */
    public String verb() {
        return tokens.get(0).value();
    }

    /**
     * True when preparing or running this statement leaves state in the SQLite connection that the pool's check on
     * release does not read back (a temporary object, some settings), even when it is only explained.
     */
    public boolean changesSession() {
        Pragma pragma = Gate.pragma(tokens);
        return kind == Kind.TEMP_DDL || (pragma != null && pragma.changesSessionUnseen());
    }

    /**
     * True when preparing or running this statement could change a setting that the pool's check on release reads,
     * or open the temporary schema, so that the check must run: anything but a query, an INSERT, UPDATE or DELETE and
     * a transaction statement; any PRAGMA (setting or not, explained or not); and any statement that names
     * {@code temp} (as a name or a string), a {@code sqlite_temp_*} table or a {@code pragma_*} function.
     */
    public boolean mayChangeSettings() {
        if (kind != Kind.QUERY && kind != Kind.INSERT && kind != Kind.CHANGE && kind != Kind.TRANSACTION
                || Gate.pragma(tokens) != null) {
            return true;
        }
        for (Token t : tokens) {
            String name = t.isName() || t.kind() == Token.Kind.STRING ? t.name() : "";
            if (name.equals("temp") || name.startsWith("sqlite_temp_") || name.startsWith("pragma_")) {
                return true;
            }
        }
        return false;
    }

    /**
     * True for a query whose rows do not depend on which indexes the file has: not explained, no {@code INDEXED BY},
     * no schema table ({@code sqlite_schema}, ...) and no {@code pragma_*} table function.
     */
    public boolean readsRowsOnly() {
        if (kind != Kind.QUERY || tokens.get(0).is("explain")) {
            return false;
        }
        for (Token t : tokens) {
            if (t.is("indexed") || t.isName() && (t.name().startsWith("sqlite_") || t.name().startsWith("pragma_"))) {
                return false;
            }
        }
        return true;
    }

    /** Index of the first top-level token that is the given keyword, from {@code from} on, or -1. */
    public int find(String keyword, int from) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && t.is(keyword)) {
                return i;
            }
        }
        return -1;
    }
}
