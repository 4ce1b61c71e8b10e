package io.cinch.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

    private static final Set<String> REFUSED_PRAGMAS = Set.of(
            "writable_schema", "locking_mode", "temp_store_directory", "data_store_directory",
            "key", "rekey", "hexkey", "hexrekey", "textkey", "textrekey");
    private static final Set<String> REFUSED_PRAGMA_SETTINGS = Set.of(
            "schema_version", "user_version", "application_id", "query_only", "legacy_alter_table",
            "ignore_check_constraints", "trusted_schema", "legacy_file_format", "mmap_size", "cell_size_check");
    private static final Set<String> QUERY_PRAGMAS = Set.of(
            "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo", "foreign_key_list",
            "foreign_key_check", "integrity_check", "quick_check", "wal_checkpoint", "optimize", "function_list",
            "module_list", "pragma_list", "collation_list", "database_list", "compile_options", "incremental_vacuum");

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

    /** Classifies one statement's tokens. */
    static SqlStatement classify(String text, List<Token> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isName() && tokens.get(i).name().equals("load_extension") && tokens.get(i + 1).isSymbol("(")) {
                return new SqlStatement(text, tokens, Kind.FORBIDDEN, "load_extension is not allowed");
            }
        }
        Token first = tokens.get(0);
        String verb = first.kind() == Token.Kind.WORD ? first.value() : "";
        if (first.isSymbol("{")) {
            verb = tokens.size() > 1 ? tokens.get(1).value() : "";
            return new SqlStatement(text, tokens, verb.equals("call") ? Kind.CALL : Kind.OTHER, null);
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
            case "attach", "detach", "backup", "restore" -> Kind.FORBIDDEN;
            case "vacuum" -> tokens.stream().anyMatch(t -> t.is("into")) ? Kind.FORBIDDEN : Kind.OTHER;
            default -> Kind.OTHER;
        };
        if (kind == Kind.FORBIDDEN) {
            return new SqlStatement(text, tokens, kind, verb.toUpperCase() + " is not allowed: a connection reaches its own tenant only");
        }
        if (kind == Kind.PRAGMA) {
            String refusal = pragmaRefusal(tokens);
            if (refusal != null) {
                return new SqlStatement(text, tokens, Kind.FORBIDDEN, refusal);
            }
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

    private static String pragmaRefusal(List<Token> tokens) {
        String name = pragmaName(tokens);
        String value = pragmaValue(tokens);
        boolean refused = REFUSED_PRAGMAS.contains(name)
                || (value != null && REFUSED_PRAGMA_SETTINGS.contains(name))
                || (value != null && name.equals("journal_mode") && !value.equals("wal"))
                || (value != null && name.equals("foreign_keys") && !Set.of("1", "on", "true", "yes").contains(value));
        return refused ? "PRAGMA " + name + (value != null ? " = " + value : "") + " is not allowed: it would weaken cinch's guarantees" : null;
    }

    private static String pragmaName(List<Token> tokens) {
        int i = tokens.size() > 3 && tokens.get(2).isSymbol(".") ? 3 : 1;
        return i < tokens.size() ? tokens.get(i).name() : "";
    }

    /** The value a PRAGMA sets, lower-cased, or null when it only reads (or takes a table name, as table_info does). */
    private static String pragmaValue(List<Token> tokens) {
        int i = tokens.size() > 3 && tokens.get(2).isSymbol(".") ? 4 : 2;
        if (i + 1 >= tokens.size() || QUERY_PRAGMAS.contains(pragmaName(tokens))) {
            return null;
        }
        return tokens.get(i).isSymbol("=") || tokens.get(i).isSymbol("(") ? tokens.get(i + 1).name() : null;
    }

    /** The statement's first word, lower-cased. */
    public String verb() {
        return tokens.get(0).value();
    }

    /** True when running this statement leaves state in the SQLite connection (a setting or a temporary object). */
    public boolean changesSession() {
        return kind == Kind.TEMP_DDL || (kind == Kind.PRAGMA && pragmaValue(tokens) != null);
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
