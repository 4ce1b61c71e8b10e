package io.cinch.cli;

import io.cinch.store.Checkout;
import java.sql.Connection;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cinch db ...}: the project's databases. */
@Command(name = "db", description = "List, create, delete or switch databases.")
final class DbCommand extends Subcommand {

    @Command(description = "List the databases.")
    int list() throws Exception {
        return call("CALL cinch.list_databases()");
    }

    @Command(description = "Create a database with branch and tenant 'main'.")
    int create(@Parameters(paramLabel = "NAME") String name) throws Exception {
        return call("CALL cinch.create_database(?)", name);
    }

    @Command(description = "Delete a database with all its files (not 'main').")
    int delete(@Parameters(paramLabel = "NAME") String name) throws Exception {
        return call("CALL cinch.delete_database(?)", name);
    }

    @Command(name = "switch", description = "Work on database NAME (its branch 'main') from now on.")
    int switchTo(@Parameters(paramLabel = "NAME") String name) throws Exception {
        cinch().database = name;
        cinch().branch = "main";
        try (Connection db = cinch().connect("main")) {
            new Checkout(name, "main").write(cinch().projectDir());
        }
        print(Output.Rows.single(List.of("database", "branch"), name, "main"));
        return 0;
    }
}
