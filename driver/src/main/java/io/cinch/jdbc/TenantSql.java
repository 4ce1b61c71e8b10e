package io.cinch.jdbc;

import io.cinch.schema.SchemaInfo;
import io.cinch.sql.SqlState;
import io.cinch.sql.SqlStatement;
import io.cinch.sql.Token;
import io.cinch.store.Tenant;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * User SQL made ready to run on a tenant's connection: names qualified with another tenant point at that tenant's
 * file (attached under the tenant's name), and an INSERT without RETURNING gets one, so that its generated keys can
 * be reported whatever the key's type.
 *
 * @param sql          the SQL to run
 * @param attachments  tenants to attach, by schema alias
 * @param returnsRows  true when the statement returns rows even though it writes (INSERT ... RETURNING)
 * @param keysAdded    true when cinch added the RETURNING clause (its rows are generated keys, not a result)
 * @param writeTarget  the other tenant an INSERT, UPDATE or DELETE writes to, or null for the connection's own
 */
record TenantSql(String sql, Map<String, Tenant> attachments, boolean returnsRows, boolean keysAdded, Tenant writeTarget) {

    /** Prepares {@code statement} for the connection's tenant. */
    static TenantSql of(SqlStatement statement, CinchConnection connection, GeneratedKeys keys) throws SQLException {
        String sql = statement.text();
        Map<String, Tenant> attachments = Map.of();
        SchemaInfo schema = null;
        if (sql.indexOf('.') >= 0) {
            schema = connection.schema();
            attachments = new LinkedHashMap<>();
            sql = qualify(statement, connection, schema, attachments);
        }
        boolean writes = statement.kind() == SqlStatement.Kind.INSERT || statement.kind() == SqlStatement.Kind.CHANGE;
        boolean userReturning = writes && statement.find("returning", 0) >= 0;
        int target = writes ? targetAt(statement) : -1;
        Tenant writeTarget = target >= 0 && target + 1 < statement.tokens().size() && statement.tokens().get(target + 1).isSymbol(".")
                ? attachments.get(aliasOf(statement.tokens().get(target).name())) : null;
        if (statement.kind() != SqlStatement.Kind.INSERT || userReturning || target < 0) {
            return new TenantSql(sql, attachments, userReturning, false, writeTarget);
        }
        SchemaInfo info = schema == null ? connection.schema() : schema;
        int name = statement.tokens().get(target + 1).isSymbol(".") ? target + 2 : target;
        Optional<SchemaInfo.Table> table = name < statement.tokens().size() && statement.tokens().get(name).isName()
                ? info.table(statement.tokens().get(name).value()).filter(t -> !t.view()) : Optional.empty();
        List<String> columns = table.isPresent() ? keys.columns(info, table.get()) : List.of();
        if (columns.isEmpty()) {
            return new TenantSql(sql, attachments, false, false, writeTarget);
        }
        return new TenantSql(returning(sql, columns), attachments, true, true, writeTarget);
    }

    /** {@code sql}, an INSERT, with {@code RETURNING} of {@code columns} (quoted, except {@code rowid}). */
    static String returning(String sql, List<String> columns) {
        StringBuilder returning = new StringBuilder(sql).append(" RETURNING ");
        for (int i = 0; i < columns.size(); i++) {
            returning.append(i == 0 ? "" : ", ").append(columns.get(i).equals("rowid") ? "rowid"
                    : '"' + columns.get(i).replace("\"", "\"\"") + '"');
        }
        return returning.toString();
    }

    /**
     * Refuses (through {@link CinchConnection#otherTenant}) a schema statement on a locked connection that names
     * a table of another tenant, branch or database; {@code main} and {@code temp} are SQLite's own schemas there.
     */
    static void checkQualifiers(SqlStatement statement, CinchConnection connection, SchemaInfo schema) throws SQLException {
        List<Token> t = statement.tokens();
        for (int i = 0; i + 2 < t.size(); i++) {
            if (qualifies(t, i, schema)) {
                String qualifier = t.get(i).name();
                if (!qualifier.equals(connection.tenant().name()) && !qualifier.equals("main") && !qualifier.equals("temp")) {
                    connection.otherTenant(qualifier);
                }
            }
        }
    }

    /** True when tokens {@code i..i+2} are {@code qualifier.table} naming a table (or a three-part name). */
    private static boolean qualifies(List<Token> t, int i, SchemaInfo schema) {
        if (!t.get(i).isName() || !t.get(i + 1).isSymbol(".") || !t.get(i + 2).isName()
                || (i > 0 && t.get(i - 1).isSymbol("."))) {
            return false;
        }
        String object = t.get(i + 2).name();
        boolean threePart = i + 4 < t.size() && t.get(i + 3).isSymbol(".") && t.get(i + 4).isName();
        return threePart || schema.table(object).isPresent() || object.startsWith("sqlite_");
    }

    /** Rewrites {@code tenant.table} references: the own tenant becomes {@code main}, others attached schemas. */
    private static String qualify(SqlStatement statement, CinchConnection connection, SchemaInfo schema,
                                  Map<String, Tenant> attachments) throws SQLException {
        List<Token> t = statement.tokens();
        String text = statement.text();
        StringBuilder out = new StringBuilder(text.length() + 16);
        int last = 0;
        for (int i = 0; i + 2 < t.size(); i++) {
            if (!qualifies(t, i, schema)) {
                continue;
            }
            String qualifier = t.get(i).name();
            String alias;
            if (qualifier.equals(connection.tenant().name())) {
                alias = "main";
            } else {
                Optional<Tenant> other = connection.otherTenant(qualifier);
                if (other.isEmpty() && namesTable(t, i) && !qualifier.equals("temp")) {
                    throw SqlState.UNKNOWN_TENANT.exception("no tenant '" + qualifier + "' in this branch: "
                            + statement.text());
                }
                if (other.isEmpty()) {
                    continue;
                }
                alias = aliasOf(qualifier);
                attachments.put(alias, other.get());
            }
            out.append(text, last, t.get(i).start()).append('"').append(alias).append('"');
            last = t.get(i).end();
        }
        return last == 0 ? text : out.append(text, last, text.length()).toString();
    }

    /** The schema alias under which another tenant is attached: its name, unless SQLite reserves that name. */
    private static String aliasOf(String tenant) {
        return tenant.equals("main") || tenant.equals("temp") ? tenant + "$" : tenant;
    }

    /**
     * Where the table an INSERT, UPDATE or DELETE writes to is named (its qualifier, if it has one), or -1 when the
     * statement does not start with its verb.
     */
    static int targetAt(SqlStatement statement) {
        List<Token> t = statement.tokens();
        int at = verbAt(t);
        if (at < 0) {
            return -1;
        }
        int i = at + 1;
        if (i < t.size() && t.get(i).is("or")) {
            i += 2;
        }
        String verb = t.get(at).value();
        if (verb.equals("insert") || verb.equals("replace") || verb.equals("delete")) {
            if (i >= t.size() || !(t.get(i).is("into") || t.get(i).is("from"))) {
                return -1;
            }
            i++;
        } else if (!verb.equals("update")) {
            return -1;
        }
        return i < t.size() && t.get(i).isName() ? i : -1;
    }

    /** Where the statement's verb stands: first, or after the common table expressions of a WITH. */
    private static int verbAt(List<Token> t) {
        if (t.isEmpty() || !t.get(0).is("with")) {
            return t.isEmpty() ? -1 : 0;
        }
        int depth = 0;
        for (int i = 1; i < t.size(); i++) {
            Token token = t.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && (token.is("insert") || token.is("replace") || token.is("update") || token.is("delete"))) {
                return i;
            }
        }
        return -1;
    }

    /** True when the qualified name at {@code i} stands where a table is named (after FROM, JOIN, INTO or UPDATE). */
    private static boolean namesTable(List<Token> t, int i) {
        return i > 0 && (t.get(i - 1).is("from") || t.get(i - 1).is("join") || t.get(i - 1).is("into")
                || t.get(i - 1).is("update"));
    }
}
