package io.cinch.cli;

import io.cinch.store.Checkout;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code cinch status}: where the command works, and how big it is. */
@Command(name = "status", description = "Show the project, database, active branch, tenant counts and schema version.")
final class StatusCommand extends Subcommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        Checkout target = cinch().target();
        long tenants = 0;
        long materialized = 0;
        long version = 0;
        try (Connection db = cinch().connect("main"); Statement s = db.createStatement()) {
            try (ResultSet rs = s.executeQuery("CALL cinch.list_tenants()")) {
                while (rs.next()) {
                    tenants++;
                    materialized += rs.getBoolean("materialized") ? 1 : 0;
                }
            }
            try (ResultSet rs = s.executeQuery("CALL cinch.list_changes()")) {
                while (rs.next()) {
                    version++;
                }
            }
        }
        print(Output.Rows.single(List.of("project", "database", "branch", "tenants", "materialized", "schema_version"),
                cinch().projectDir().toAbsolutePath().normalize().toString(), target.database(), target.branch(),
                tenants, materialized, version));
        return 0;
    }
}
