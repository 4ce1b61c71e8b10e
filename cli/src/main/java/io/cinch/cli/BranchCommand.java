package io.cinch.cli;

import io.cinch.store.Checkout;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cinch branch ...}: schema branches, the checkout, and merges. */
@Command(name = "branch", description = "List, create, switch, delete and merge branches; show their changes.")
final class BranchCommand extends Subcommand {

    @Command(description = "List the branches of the database.")
    int list() throws Exception {
        return call("CALL cinch.list_branches()");
    }

    @Command(description = "Create a branch: a copy of the source's schema, change log, tenants and data.")
    int create(@Parameters(paramLabel = "NAME") String name,
               @Option(names = "--source", paramLabel = "BRANCH", description = "Default: the active branch.") String source,
               @Option(names = "--switch", description = "Make it the active branch.") boolean switchTo) throws Exception {
        String from = source != null ? source : cinch().target().branch();
        call("CALL cinch.create_branch(?, ?)", name, from);
        if (switchTo) {
            checkout(name);
        }
        return 0;
    }

    @Command(name = "switch", description = "Make NAME the active branch of the project (remembered in the project).")
    int switchTo(@Parameters(paramLabel = "NAME") String name) throws Exception {
        try (Connection db = cinch().connect("main"); PreparedStatement ps = db.prepareStatement("CALL cinch.switch_branch(?)")) {
            ps.setString(1, name);
            ps.executeQuery().close();
        }
        checkout(name);
        print(Output.Rows.single(List.of("branch"), name));
        return 0;
    }

    @Command(description = "Delete a branch with its tenants and files (not 'main', not the active branch).")
    int delete(@Parameters(paramLabel = "NAME") String name) throws Exception {
        Checkout active = Checkout.read(cinch().projectDir());
        if (active.branch().equals(name) && active.database().equals(cinch().target().database())) {
            throw new SQLException("branch '" + name + "' is the active branch; switch to another first", "42501");
        }
        return call("CALL cinch.delete_branch(?)", name);
    }

    @Command(description = "The change log of a branch, oldest first.")
    int changes(@Parameters(arity = "0..1", paramLabel = "NAME", description = "Default: the active branch.") String name)
            throws Exception {
        return name == null ? call("CALL cinch.list_changes()") : call("CALL cinch.list_changes(?)", name);
    }

    @Command(description = "Merge SOURCE's changes into TARGET (all or nothing), or preview them.")
    int merge(@Parameters(paramLabel = "SOURCE") String source,
              @Option(names = "--target", paramLabel = "BRANCH", defaultValue = "main", description = "Default: main.")
              String target,
              @Option(names = "--preview", description = "Show what would be merged; change nothing.") boolean preview)
            throws Exception {
        return call(preview ? "CALL cinch.preview_merge(?, ?)" : "CALL cinch.merge_branch(?, ?)", source, target);
    }

    @Command(name = "merge-into-main", description = "Merge the active branch into main; main becomes the active branch.")
    int mergeIntoMain() throws Exception {
        call("CALL cinch.merge_into_main()");
        checkout("main");
        return 0;
    }

    private void checkout(String name) throws Exception {
        new Checkout(cinch().target().database(), name).write(cinch().projectDir());
    }
}
