package io.cinch.cli;

import java.sql.Connection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cinch delete TABLE --tenant T --where SQL}: deletes a tenant's matching rows. */
@Command(name = "delete", description = "Delete the rows of a tenant's table that match --where.")
final class DeleteCommand extends Subcommand implements Callable<Integer> {

    @Parameters(paramLabel = "TABLE")
    String table;

    @Option(names = "--tenant", paramLabel = "NAME", defaultValue = "main", description = "Default: main.")
    String tenant;

    @Option(names = "--where", paramLabel = "SQL", required = true,
            description = "An SQL condition, e.g. \"status = 'done'\" (1=1 for every row).")
    String where;

    @Override
    public Integer call() throws Exception {
        try (Connection db = cinch().connect(tenant)) {
            print(db, "DELETE FROM " + quote(table) + " WHERE " + where);
        }
        return 0;
    }
}
