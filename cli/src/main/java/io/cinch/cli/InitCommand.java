package io.cinch.cli;

import io.cinch.store.Checkout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cinch init [DIR]}: a new project with database, branch and tenant {@code main}. */
@Command(name = "init", description = "Create a project (database, branch and tenant 'main') in DIR.")
final class InitCommand extends Subcommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Default: --project, else ./cinch-project.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        Path target = dir != null ? dir : cinch().project != null ? cinch().project : Path.of("cinch-project");
        if (Cinch.isProject(target)) {
            throw new SQLException(target + " is already a cinch project", "42710");
        }
        if (Files.isDirectory(target)) {
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new SQLException(target + " is not empty; cinch init only uses a new or empty directory", "42501");
                }
            }
        }
        try (Connection db = DriverManager.getConnection("jdbc:cinch:" + target)) {
            db.createStatement().executeQuery("CALL cinch.list_databases()").close();
        }
        Checkout.MAIN.write(target);
        print(Output.Rows.single(List.of("project", "database", "branch"), target.toAbsolutePath().normalize().toString(),
                "main", "main"));
        return 0;
    }
}
