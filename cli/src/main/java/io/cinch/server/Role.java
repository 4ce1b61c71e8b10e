package io.cinch.server;

import io.cinch.procedures.Procedure;
import io.cinch.procedures.ProcedureCall;
import io.cinch.sql.SqlState;
import io.cinch.sql.SqlStatement;
import io.cinch.store.Names;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * What a served user may reach: everything ({@code admin}), the read-only statistics of {@code tenant=*}
 * ({@code statistics}), or the data of one tenant ({@code tenant:NAME} or {@code tenant:DATABASE/NAME}).
 */
public record Role(Kind kind, String database, String tenant) {

    /** The three kinds of user. */
    public enum Kind { ADMIN, STATISTICS, TENANT }

    /** The role of every client of a server without a credentials file. */
    public static final Role ADMIN = new Role(Kind.ADMIN, null, null);

    /** The connection keys a client may give; any other key it sends is ignored. */
    static final List<String> CLIENT_KEYS = List.of("database", "branch", "tenant", "lock_tenant", "date_class",
            "date_precision", "date_string_format");

    /** What a tenant user may call: its own tenant's backups (a locked connection cannot name another tenant). */
    private static final Set<Procedure> TENANT_PROCEDURES = Set.of(Procedure.BACKUP_TENANT, Procedure.RESTORE_TENANT);

    /** Parses a role as written in the credentials file; null when {@code text} names no role. */
    static Role parse(String text) throws SQLException {
        if (text.equals("admin")) {
            return ADMIN;
        } else if (text.equals("statistics")) {
            return new Role(Kind.STATISTICS, null, null);
        } else if (text.startsWith("tenant:")) {
            String spec = text.substring("tenant:".length());
            int slash = spec.indexOf('/');
            String database = slash < 0 ? "main" : spec.substring(0, slash);
            String tenant = spec.substring(slash + 1);
            Names.check("database", database);
            Names.check("tenant", tenant);
            return new Role(Kind.TENANT, database, tenant);
        }
        return null;
    }

    /**
     * The cinch connection properties for a client that asked for {@code asked}: a tenant user is forced onto its
     * tenant with {@code lock_tenant=true}, a statistics user onto {@code tenant=*}; asking for anything else is
     * refused with 42501.
     */
    Properties connectionProperties(Map<String, String> asked) throws SQLException {
        Properties out = new Properties();
        for (String key : CLIENT_KEYS) {
            if (asked != null && asked.get(key) != null) {
                out.setProperty(key, asked.get(key));
            }
        }
        out.setProperty("create", "false");
        switch (kind) {
            case TENANT -> {
                force(out, "database", database);
                force(out, "branch", "main");
                force(out, "tenant", tenant);
                out.setProperty("lock_tenant", "true");
            }
            case STATISTICS -> force(out, "tenant", "*");
            default -> { }
        }
        return out;
    }

    private void force(Properties out, String key, String value) throws SQLException {
        String asked = out.getProperty(key);
        if (asked != null && !asked.equals(value)) {
            throw SqlState.NOT_ALLOWED.exception("this user may not open " + key + " '" + asked + "' (only '" + value
                    + "')");
        }
        out.setProperty(key, value);
    }

    /** Refuses (42501) SQL beyond the role: a tenant user runs no schema change and no procedure but backups. */
    void check(String sql) throws SQLException {
        if (kind != Kind.TENANT) {
            return;
        }
        for (SqlStatement statement : SqlStatement.parse(sql)) {
            switch (statement.kind()) {
                case DDL, TEMP_DDL, OTHER -> throw SqlState.NOT_ALLOWED.exception(
                        "a tenant user cannot change the schema or run " + first(statement));
                case CALL -> {
                    Procedure procedure = ProcedureCall.parse(statement).procedure();
                    if (!TENANT_PROCEDURES.contains(procedure)) {
                        throw SqlState.NOT_ALLOWED.exception("a tenant user cannot call cinch."
                                + procedure.sqlName());
                    }
                }
                default -> { }
            }
        }
    }

    /** Refuses (42501) a tenant user's switch to another branch or tenant. */
    void checkSwitch(String catalog, String schema) throws SQLException {
        if (kind == Kind.TENANT && (catalog != null && !catalog.equals("main")
                || schema != null && !schema.equals(tenant))) {
            throw SqlState.NOT_ALLOWED.exception("a tenant user stays on its own tenant");
        }
    }

    private static String first(SqlStatement statement) {
        String text = statement.text().strip();
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space);
    }
}
