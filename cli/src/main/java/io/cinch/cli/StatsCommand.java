package io.cinch.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code cinch stats}: the tutorial's tenant statistics (rows per table, users active in the last 7 days, creation
 * time) as one cross-tenant query over whatever tables the branch has.
 */
@Command(name = "stats", description = "Per tenant: rows in each table, users active in the last 7 days (when the "
        + "branch has tasks.assignee_id), and when it was created; one query over every tenant.")
final class StatsCommand extends Subcommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        List<String> tables;
        boolean activeUsers;
        try (Connection db = cinch().connect("main")) {
            tables = TableCommand.tables(db);
            activeUsers = tables.contains("tasks") && hasColumns(db, "tasks", "assignee_id", "updated_at");
        }
        try (Connection all = cinch().connect("*"); java.sql.Statement s = all.createStatement()) {
            print(Output.Rows.of(s.executeQuery(query(tables, activeUsers)), 0));
        }
        return 0;
    }

    /** Tenants left-joined with a per-tenant count of each table, so that lazy tenants show zeros. */
    static String query(List<String> tables, boolean activeUsers) {
        StringBuilder select = new StringBuilder("SELECT t.name AS tenant");
        StringBuilder from = new StringBuilder("\nFROM cinch.tenants t");
        for (int i = 0; i < tables.size(); i++) {
            String alias = "c" + i;
            select.append(", COALESCE(").append(alias).append(".n, 0) AS ").append(quote(tables.get(i)));
            from.append("\nLEFT JOIN (SELECT _tenant, COUNT(*) AS n FROM ").append(quote(tables.get(i)))
                    .append(" GROUP BY _tenant) ").append(alias).append(" ON ").append(alias).append("._tenant = t.name");
        }
        if (activeUsers) {
            select.append(", COALESCE(a.n, 0) AS active_users_7d");
            from.append("\nLEFT JOIN (SELECT _tenant, COUNT(DISTINCT assignee_id) AS n FROM tasks")
                    .append(" WHERE updated_at > datetime('now', '-7 days') GROUP BY _tenant) a ON a._tenant = t.name");
        }
        return select.append(", t.created_at").append(from).append("\nORDER BY t.name").toString();
    }

    private static boolean hasColumns(Connection db, String table, String... columns) throws SQLException {
        List<String> found = new ArrayList<>();
        try (ResultSet rs = db.getMetaData().getColumns(null, null, table, "%")) {
            while (rs.next()) {
                found.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return found.containsAll(List.of(columns));
    }
}
