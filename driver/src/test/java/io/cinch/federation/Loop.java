package io.cinch.federation;

import io.cinch.Projects;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-tenant loop that a cross-tenant query replaces, done the tutorial's way: list the tenants, open each one
 * with a {@code tenant=<name>} connection, run single-tenant SQL, and tag every row with the tenant's name.
 */
final class Loop {
    private Loop() {
    }

    /** {@code CALL cinch.list_tenants()} on the project's main tenant: name, created_at, materialized, size_bytes. */
    static List<List<Object>> listTenants(Path dir) throws SQLException {
        try (Connection c = Projects.open(dir)) {
            return Rows.query(c, "CALL cinch.list_tenants()");
        }
    }

    /** The names of every tenant of the main branch, lazy ones included. */
    static List<String> names(Path dir) throws SQLException {
        List<String> names = new ArrayList<>();
        for (List<Object> t : listTenants(dir)) {
            names.add((String) t.get(0));
        }
        return names;
    }

    /** Runs {@code sql} in every tenant through its own tenant connection; each row starts with the tenant's name. */
    static List<List<Object>> rows(Path dir, String sql) throws SQLException {
        List<List<Object>> all = new ArrayList<>();
        for (String tenant : names(dir)) {
            all.addAll(rowsOf(dir, tenant, sql));
        }
        return all;
    }

    /** As {@link #rows}, with values for computing with (see {@link Rows#plain}). */
    static List<List<Object>> plain(Path dir, String sql) throws SQLException {
        List<List<Object>> all = new ArrayList<>();
        for (String tenant : names(dir)) {
            all.addAll(rowsOf(dir, tenant, sql, true));
        }
        return all;
    }

    /** Runs {@code sql} in one tenant; each row starts with the tenant's name. */
    static List<List<Object>> rowsOf(Path dir, String tenant, String sql) throws SQLException {
        return rowsOf(dir, tenant, sql, false);
    }

    private static List<List<Object>> rowsOf(Path dir, String tenant, String sql, boolean plain) throws SQLException {
        List<List<Object>> all = new ArrayList<>();
        try (Connection c = Projects.open(dir, "tenant=" + tenant); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            for (List<Object> row : plain ? Rows.readPlain(rs) : Rows.read(rs)) {
                List<Object> tagged = new ArrayList<>(row.size() + 1);
                tagged.add(tenant);
                tagged.addAll(row);
                all.add(tagged);
            }
        }
        return all;
    }
}
