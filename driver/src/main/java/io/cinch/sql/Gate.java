package io.cinch.sql;

import java.util.List;

/**
 * What user SQL may reach SQLite at all, decided once for every path that prepares it (execute, prepareStatement,
 * batches, {@code getMetaData}, {@code getParameterMetaData}): SQLite runs most PRAGMAs while preparing them, so
 * preparing is executing. {@code EXPLAIN} and {@code EXPLAIN QUERY PLAN} are judged as the statement they explain.
 * sqlite-jdbc does not expose {@code sqlite3_set_authorizer}, so this is cinch's authorizer: it reads the statement
 * as SQLite's parser will (the same tokens, comments skipped) and allows PRAGMAs by an allow-list ({@link Pragma}).
 */
public final class Gate {

    private Gate() {
    }

    /** Throws 42501 when {@code statement} must not be prepared on a tenant's connection. */
    public static void check(SqlStatement statement) throws java.sql.SQLException {
        if (statement.refusal() != null) {
            throw SqlState.NOT_ALLOWED.exception(statement.refusal());
        }
    }

    /** Index of the statement that SQLite prepares: past {@code EXPLAIN} and {@code EXPLAIN QUERY PLAN}. */
    static int explained(List<Token> tokens) {
        if (tokens.isEmpty() || !tokens.get(0).is("explain")) {
            return 0;
        }
        boolean queryPlan = tokens.size() > 2 && tokens.get(1).is("query") && tokens.get(2).is("plan");
        return queryPlan ? 3 : 1;
    }

    /** Why SQLite must not prepare these tokens for a user, or null when it may. */
    static String refusal(List<Token> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isName() && tokens.get(i).name().equals("load_extension") && tokens.get(i + 1).isSymbol("(")) {
                return "load_extension is not allowed";
            }
        }
        int at = explained(tokens);
        if (at >= tokens.size()) {
            return null;
        }
        Token verb = tokens.get(at);
        if (verb.is("attach") || verb.is("detach")) {
            return verb.value().toUpperCase() + " is not allowed: a connection reaches its own tenant only";
        }
        if (verb.is("vacuum") && tokens.stream().skip(at).anyMatch(t -> t.is("into"))) {
            return "VACUUM INTO is not allowed: a connection reaches its own tenant only";
        }
        return verb.is("pragma") ? Pragma.at(tokens, at).refusal() : null;
    }

    /** The PRAGMA these tokens prepare (explained or not), or null. */
    static Pragma pragma(List<Token> tokens) {
        int at = explained(tokens);
        return at < tokens.size() && tokens.get(at).is("pragma") ? Pragma.at(tokens, at) : null;
    }
}
