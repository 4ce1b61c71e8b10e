package io.cinch.federation;

import java.sql.Connection;
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
}
