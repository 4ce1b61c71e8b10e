package io.cinch.cli;

import io.cinch.jdbc.CinchDriver;
import io.cinch.progress.Progress;
import io.cinch.store.Checkout;
import io.cinch.store.Layout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import io.cinch.server.ServeCommand;
import java.util.function.Supplier;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code cinch} command line: the project's options, its subcommands, error reporting and exit statuses. */
@Command(name = "cinch", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = Cinch.Version.class,
        description = "Manage a cinch project: databases, branches, tenants, tables and their rows, from the shell.",
        footerHeading = "%nThe project:%n",
        footer = {"  --project, else the nearest directory upward from here that is a project or holds one in",
            "  .cinch/ or cinch-project/, else ./cinch-project. The database and branch are the checkout's",
            "  ('cinch branch switch', 'cinch db switch') unless --database or --branch say otherwise."},
        // Every subcommand is registered here, and only here; extra modules add theirs to this list.
        subcommands = {
            InitCommand.class, StatusCommand.class, DbCommand.class, BranchCommand.class, TenantCommand.class,
            TableCommand.class, ColumnCommand.class, IndexCommand.class, ViewCommand.class,
            InsertCommand.class, UpdateCommand.class, DeleteCommand.class, QueryCommand.class, SqlCommand.class,
            StatsCommand.class, DemoCommand.class, ServeCommand.class, AutoComplete.GenerateCompletion.class,
        })
public final class Cinch implements Runnable, Supplier<Path> {

    /** When a progress bar is drawn on stderr. */
    enum ProgressMode { auto, always, never }

    @Spec
    CommandSpec spec;

    @Option(names = {"-C", "--project"}, paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "The project directory (see below).")
    Path project;

    @Option(names = "--database", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Work on this database instead of the checkout's.")
    String database;

    @Option(names = "--branch", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Work on this branch instead of the checkout's.")
    String branch;

    @Option(names = "--format", paramLabel = "FORMAT", scope = ScopeType.INHERIT,
            description = "Output: table (aligned; decorated only on a terminal), csv or json. Default: table.")
    Output.Format format;

    @Option(names = "--progress", paramLabel = "WHEN", scope = ScopeType.INHERIT,
            description = "Progress bar on stderr for long work: auto (when stderr is a terminal), always or never.")
    ProgressMode progress;

    /** Runs {@code cinch} with {@code args} and exits with its status. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, ready to execute: errors become one line on stderr and a distinct exit status. */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new Cinch());
        line.getCommandSpec().usageMessage().exitCodeListHeading("%nExit status:%n").exitCodeList(ExitStatus.helpList());
        line.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("cinch: " + Failures.describe(e));
            command.getErr().flush();
            return ExitStatus.of(Failures.sqlCause(e)).code;
        });
        line.setExecutionStrategy(parsed -> {
            Cinch root = (Cinch) parsed.commandSpec().root().userObject();
            ProgressBar bar = root.showProgress() ? new ProgressBar(line.getErr()) : null;
            try (AutoCloseable listening = bar == null ? () -> { } : Progress.listen(bar)) {
                return new CommandLine.RunLast().execute(parsed);
            } catch (CommandLine.ExecutionException | CommandLine.ParameterException e) {
                throw e;
            } catch (Exception e) {
                throw new CommandLine.ExecutionException(line, e.getMessage(), e);
            } finally {
                if (bar != null) {
                    bar.clear();
                }
            }
        });
        return line;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'cinch --help'");
    }

    /** The project directory: {@code --project}, else found upward from the working directory, else ./cinch-project. */
    /** The project directory, for subcommands in other packages ({@code cinch serve}). */
    @Override
    public Path get() {
        return projectDir();
    }

    Path projectDir() {
        if (project != null) {
            return project;
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path d = here; d != null; d = d.getParent()) {
            for (Path candidate : List.of(d, d.resolve(".cinch"), d.resolve("cinch-project"))) {
                if (isProject(candidate)) {
                    return candidate;
                }
            }
        }
        return here.resolve("cinch-project");
    }

    static boolean isProject(Path dir) {
        return Files.isRegularFile(new Layout(dir).metadata());
    }

    /** The database and branch to work on: the checkout, unless an option says otherwise. */
    Checkout target() throws SQLException {
        Checkout checkout = Checkout.read(projectDir());
        String db = database != null ? database : checkout.database();
        String br = branch != null ? branch : db.equals(checkout.database()) ? checkout.branch() : "main";
        return new Checkout(db, br);
    }

    /** A connection to {@code tenant} ({@code *}: every tenant) of the target branch of an existing project. */
    Connection connect(String tenant) throws SQLException {
        Checkout target = target();
        Properties p = new Properties();
        p.setProperty("create", "false");
        p.setProperty("database", target.database());
        p.setProperty("branch", target.branch());
        p.setProperty("tenant", tenant);
        return DriverManager.getConnection("jdbc:cinch:" + projectDir(), p);
    }

    Output output() {
        return new Output(spec.commandLine().getOut(), format == null ? Output.Format.table : format,
                Terminal.stdout());
    }

    private boolean showProgress() {
        ProgressMode mode = progress == null ? ProgressMode.auto : progress;
        return mode == ProgressMode.always || mode == ProgressMode.auto && Terminal.stderr();
    }

    /** The version of the driver inside. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            CinchDriver driver = new CinchDriver();
            return new String[] {"cinch " + driver.getMajorVersion() + "." + driver.getMinorVersion()};
        }
    }
}
