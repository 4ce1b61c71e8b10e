package io.cinch.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cinch view ...}: views of the branch; creating or dropping one is a change of the branch. */
@Command(name = "view", description = "Create, drop or list views (a change of the branch).")
final class ViewCommand extends Subcommand {

    @Command(description = "Create view NAME as the SELECT statement given.")
    int create(@Parameters(paramLabel = "NAME") String name, @Parameters(paramLabel = "SELECT") String select)
            throws Exception {
        return call("CREATE VIEW " + quote(name) + " AS " + select);
    }

    @Command(description = "Drop a view.")
    int drop(@Parameters(paramLabel = "NAME") String name) throws Exception {
        return call("DROP VIEW " + quote(name));
    }

    @Command(description = "List the views.")
    int list() throws Exception {
        return call("SELECT name AS \"view\", sql FROM sqlite_schema WHERE type = 'view' ORDER BY name");
    }
}
