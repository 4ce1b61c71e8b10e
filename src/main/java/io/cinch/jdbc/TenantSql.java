package io.cinch.jdbc;

import io.cinch.schema.SchemaInfo;
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
 */
record TenantSql(String sql, Map<String, Tenant> attachments, boolean returnsRows, boolean keysAdded) {

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
        if (statement.kind() != SqlStatement.Kind.INSERT || userReturning) {
            return new TenantSql(sql, attachments, userReturning, false);
        }
        Optional<SchemaInfo.Table> table = insertTarget(statement, schema == null ? connection.schema() : schema);
        if (table.isEmpty()) {
            return new TenantSql(sql, attachments, false, false);
        }
        SchemaInfo info = schema == null ? connection.schema() : schema;
        List<String> columns = keys.columns(info, table.get());
        if (columns.isEmpty()) {
            return new TenantSql(sql, attachments, false, false);
        }
        StringBuilder returning = new StringBuilder(sql).append(" RETURNING ");
        for (int i = 0; i < columns.size(); i++) {
            returning.append(i == 0 ? "" : ", ").append(columns.get(i).equals("rowid") ? "rowid"
                    : '"' + columns.get(i).replace("\"", "\"\"") + '"');
        }
        return new TenantSql(returning.toString(), attachments, true, true);
    }

    /** Rewrites {@code tenant.table} references: the own tenant becomes {@code main}, others attached schemas. */
    private static String qualify(SqlStatement statement, CinchConnection connection, SchemaInfo schema,
                                  Map<String, Tenant> attachments) throws SQLException {
        List<Token> t = statement.tokens();
        String text = statement.text();
        StringBuilder out = new StringBuilder(text.length() + 16);
        int last = 0;
        for (int i = 0; i + 2 < t.size(); i++) {
            if (!t.get(i).isName() || !t.get(i + 1).isSymbol(".") || !t.get(i + 2).isName()
                    || (i > 0 && t.get(i - 1).isSymbol("."))) {
                continue;
            }
            String qualifier = t.get(i).name();
            String object = t.get(i + 2).name();
            boolean threePart = i + 4 < t.size() && t.get(i + 3).isSymbol(".") && t.get(i + 4).isName();
            if (!threePart && schema.table(object).isEmpty() && !object.startsWith("sqlite_")) {
                continue;
            }
            String alias;
            if (qualifier.equals(connection.tenant().name())) {
                alias = "main";
            } else {
                Optional<Tenant> other = connection.otherTenant(qualifier);
                if (other.isEmpty()) {
                    continue;
                }
                alias = qualifier.equals("main") || qualifier.equals("temp") ? qualifier + "$" : qualifier;
                attachments.put(alias, other.get());
            }
            out.append(text, last, t.get(i).start()).append('"').append(alias).append('"');
            last = t.get(i).end();
        }
        return last == 0 ? text : out.append(text, last, text.length()).toString();
    }

    /** The table an INSERT writes to, when it is a table of the branch. */
    private static Optional<SchemaInfo.Table> insertTarget(SqlStatement statement, SchemaInfo schema) {
        List<Token> t = statement.tokens();
        int i = 1;
        if (i < t.size() && t.get(i).is("or")) {
            i += 2;
        }
        if (i >= t.size() || !t.get(i).is("into")) {
            return Optional.empty();
        }
        i++;
        if (i + 2 < t.size() && t.get(i + 1).isSymbol(".")) {
            i += 2;
        }
        if (i >= t.size() || !t.get(i).isName()) {
            return Optional.empty();
        }
        return schema.table(t.get(i).value()).filter(table -> !table.view());
    }
}
