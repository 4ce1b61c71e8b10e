package io.cinch.cli;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cinch query SQL}: one statement on a tenant or on every tenant, its rows printed. */
@Command(name = "query", description = "Run one SQL statement on a tenant, or on every tenant (--all-tenants).")
final class QueryCommand extends Subcommand implements Callable<Integer> {

    @Parameters(paramLabel = "SQL")
    String sql;

    @ArgGroup(exclusive = true)
    TenantChoice tenant;

    @Option(names = "--limit", paramLabel = "N", description = "Print at most N rows.")
    int limit;

    @Override
    public Integer call() throws Exception {
        try (Connection db = cinch().connect(TenantChoice.of(tenant)); Statement s = db.createStatement()) {
            if (limit > 0) {
                s.setMaxRows(limit);
            }
            if (s.execute(sql)) {
                print(Output.Rows.of(s.getResultSet(), limit));
            } else {
                print(Output.Rows.single(List.of("rows"), (long) s.getUpdateCount()));
            }
        }
        return 0;
    }
}
