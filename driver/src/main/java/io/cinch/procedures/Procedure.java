package io.cinch.procedures;

import io.cinch.sql.SqlState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The {@code cinch.*} procedures: name, parameters, whether they change anything, and what runs them. */
public enum Procedure {
    CREATE_DATABASE(DatabaseProcedures::create, true, "name"),
    DELETE_DATABASE(DatabaseProcedures::delete, true, "name"),
    LIST_DATABASES(DatabaseProcedures::list, false),
    CREATE_TENANT(TenantProcedures::create, true, "name"),
    DELETE_TENANT(TenantProcedures::delete, true, "name"),
    RENAME_TENANT(TenantProcedures::rename, true, "old", "new"),
    COPY_TENANT(TenantProcedures::copy, true, "source", "target"),
    LIST_TENANTS(TenantProcedures::list, false),
    SWITCH_TENANT(TenantProcedures::switchTo, true, "name"),
    BACKUP_TENANT(TenantProcedures::backup, true, "name", "file"),
    RESTORE_TENANT(TenantProcedures::restore, true, "name", "file", "[from_tenant]"),
    LIST_BACKUPS(TenantProcedures::listBackups, false, "[name]"),
    CREATE_BRANCH(BranchProcedures::create, true, "name", "[source]"),
    DELETE_BRANCH(BranchProcedures::delete, true, "name"),
    LIST_BRANCHES(BranchProcedures::list, false),
    SWITCH_BRANCH(BranchProcedures::switchTo, true, "name"),
    LIST_CHANGES(BranchProcedures::changes, false, "[branch]"),
    PREVIEW_MERGE(BranchProcedures::preview, false, "source", "[target]"),
    MERGE_BRANCH(BranchProcedures::merge, true, "source", "[target]"),
    MERGE_INTO_MAIN(BranchProcedures::mergeIntoMain, true),
    CREATE_TABLE(BranchProcedures::createTable, true, "name", "columns"),
    LIST_OPERATIONS(OperationProcedures::list, false);

    /** Runs a procedure. */
    @FunctionalInterface
    interface Handler {
        ResultSet run(Session session, Args args) throws SQLException;
    }

    private final Handler handler;
    private final boolean changes;
    private final String[] parameters;

    Procedure(Handler handler, boolean changes, String... parameters) {
        this.handler = handler;
        this.changes = changes;
        this.parameters = parameters;
    }

    /** The name after {@code cinch.}. */
    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The parameter names, optional ones in brackets. */
    public String[] parameters() {
        return parameters.clone();
    }

    /** True when the procedure changes the project or the connection (refused on the cross-tenant connection). */
    public boolean changes() {
        return changes;
    }

    int minArgs() {
        return (int) Arrays.stream(parameters).filter(p -> !p.startsWith("[")).count();
    }

    int maxArgs() {
        return parameters.length;
    }

    /** How the procedure is called, e.g. {@code (name [, source])}. */
    String signature() {
        return "(" + String.join(", ", parameters) + ")";
    }

    /** Runs the procedure for {@code session}. */
    public ResultSet call(Session session, Args args) throws SQLException {
        if (changes && session.crossTenant()) {
            throw SqlState.READ_ONLY.exception("cinch." + sqlName() + " changes data; the cross-tenant connection is read-only");
        }
        return handler.run(session, args);
    }

    /** The procedure called {@code name}, or null. */
    public static Procedure of(String name) {
        for (Procedure p : values()) {
            if (p.sqlName().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** All names, for error messages. */
    static String names() {
        return Arrays.stream(values()).map(Procedure::sqlName).collect(Collectors.joining(", "));
    }
}
