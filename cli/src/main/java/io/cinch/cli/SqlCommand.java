package io.cinch.cli;

import io.cinch.store.Checkout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;
import sqlline.SqlLine;

/** {@code cinch sql}: sqlline, the interactive SQL shell, on the same URL as every other command. */
@Command(name = "sql", description = "Open an SQL shell (sqlline: history, !tables, !help) on a tenant or every tenant. "
        + "Other arguments go to sqlline, e.g. -e 'SELECT 1' or -f script.sql.")
final class SqlCommand extends Subcommand implements Callable<Integer> {

    @ArgGroup(exclusive = true)
    TenantChoice tenant;

    @Unmatched
    List<String> sqllineArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Checkout target = cinch().target();
        String url = "jdbc:cinch:" + cinch().projectDir() + "?create=false&database=" + target.database()
                + "&branch=" + target.branch() + "&tenant=" + TenantChoice.of(tenant);
        List<String> args = new ArrayList<>(List.of("-d", "io.cinch.jdbc.CinchDriver", "-u", url, "-n", "", "-p", ""));
        if (!Terminal.stdout()) {
            // no terminal: sqlline gets a dumb one of width 0; give tables a width and keep jline's notice quiet
            args.add("--maxWidth=160");
            java.util.logging.Logger.getLogger("org.jline").setLevel(java.util.logging.Level.OFF);
        }
        args.addAll(sqllineArgs);
        SqlLine.Status status = SqlLine.start(args.toArray(String[]::new), null, true);
        return status == SqlLine.Status.OK ? 0 : ExitStatus.FAILURE.code;
    }
}
