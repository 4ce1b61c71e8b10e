package io.cinch.federation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** {@code EXPLAIN PLAN FOR} on the cross-tenant connection, which shows each tenant scan's tenants and SQLite SQL. */
final class Plans {
    private Plans() {
    }

    /** The plan of {@code sql} as one string. */
    static String explain(Connection crossTenant, String sql) throws SQLException {
        StringBuilder b = new StringBuilder();
        for (List<Object> row : Rows.query(crossTenant, "EXPLAIN PLAN FOR " + sql)) {
            b.append(row.get(0));
        }
        return b.toString();
    }

    /** The plan of {@code sql} with its {@code ?} parameters set to {@code values} (Calcite wants them bound to explain). */
    static String explain(Connection crossTenant, String sql, Object... values) throws SQLException {
        StringBuilder b = new StringBuilder();
        try (PreparedStatement ps = crossTenant.prepareStatement("EXPLAIN PLAN FOR " + sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    b.append(rs.getString(1));
                }
            }
        }
        return b.toString();
    }
}
