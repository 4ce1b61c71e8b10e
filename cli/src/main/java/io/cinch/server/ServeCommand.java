package io.cinch.server;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cinch serve}: serves a project over Avatica's HTTP protocol until SIGTERM (or Ctrl-C) stops it. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a project to remote JDBC clients (jdbc:cinch://host:port, Avatica clients, DBeaver).")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}); other than loopback needs --credentials "
                    + "and --keystore.")
    String host;

    @Option(names = "--port", defaultValue = "8765", description = "Port (default: ${DEFAULT-VALUE}; 0 picks one).")
    int port;

    @Option(names = "--credentials", description = "Users file: 'name: password, admin|statistics|tenant:[db/]name' "
            + "a line; clients then log in with HTTP Basic.")
    Path credentials;

    @Option(names = "--keystore", description = "Keystore (PKCS12 or JKS) holding the server's key: serves HTTPS.")
    Path keystore;

    @Option(names = "--keystore-password-env", defaultValue = "CINCH_KEYSTORE_PASSWORD",
            description = "Environment variable holding the keystore's password (default: ${DEFAULT-VALUE}).")
    String keystorePasswordEnv;

    @Option(names = "--max-connections", defaultValue = "64", description = "Connections open at once "
            + "(default: ${DEFAULT-VALUE}); more are refused with SQLState 53300.")
    int maxConnections;

    @Option(names = "--max-statements", defaultValue = "1024", description = "Statements open at once "
            + "(default: ${DEFAULT-VALUE}); more are refused with SQLState 53400.")
    int maxStatements;

    @Option(names = "--idle-timeout", defaultValue = "600", description = "Seconds after which an unused connection "
            + "or statement is closed (default: ${DEFAULT-VALUE}); its next use fails with SQLState 08003.")
    long idleSeconds;

    @Option(names = "--max-request-bytes", defaultValue = "16777216", description = "Largest request "
            + "(default: ${DEFAULT-VALUE}); larger ones are refused with SQLState 54000.")
    int maxRequestBytes;

    @Option(names = "--stop-timeout", defaultValue = "30", description = "Seconds that SIGTERM waits for running "
            + "statements (default: ${DEFAULT-VALUE}).")
    long stopSeconds;

    @Option(names = "--log-statements", description = "Log every statement clients run.")
    boolean logStatements;

    @Override
    public Integer call() throws SQLException, InterruptedException {
        Path project = project();
        Server.Builder builder = Server.builder(project).host(host).port(port).credentials(credentials)
                .maxConnections(maxConnections).maxStatements(maxStatements)
                .idleTimeout(Duration.ofSeconds(idleSeconds)).maxRequestBytes(maxRequestBytes)
                .stopTimeout(Duration.ofSeconds(stopSeconds)).logStatements(logStatements);
        if (keystore != null) {
            String password = System.getenv(keystorePasswordEnv);
            if (password == null) {
                System.err.println("cinch serve: set the keystore's password in $" + keystorePasswordEnv);
                return 2;
            }
            builder.tls(keystore, password);
        }
        Server server = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            System.out.println("cinch serve: stopped");
            stopped.countDown();
        }, "cinch-serve-stop"));
        System.out.println("cinch serve: " + project + " on " + server.url() + " (port " + server.port() + ")");
        stopped.await();
        return 0;
    }

    /**
     * The project: {@code --project}, which this command shares with the {@code cinch} command it runs under (whose
     * root then finds the nearest project when it is not given), or has of its own when run alone.
     */
    @SuppressWarnings("unchecked")
    private Path project() {
        OptionSpec option = spec.findOption("--project");
        Path given = option == null ? null : option.getValue();
        if (given == null && spec.root().userObject() instanceof Supplier<?> nearest) {
            return ((Supplier<Path>) nearest).get();
        }
        return given;
    }

    /** Runs {@code cinch serve} on its own (the {@code cinch} command registers this class as a subcommand). */
    public static void main(String[] args) {
        CommandLine alone = new CommandLine(new ServeCommand());
        alone.getCommandSpec().addOption(OptionSpec.builder("--project").paramLabel("DIR").type(Path.class)
                .required(true).description("The project directory (created if missing).").build());
        int code = alone.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("cinch serve: " + e.getMessage()
                    + (e instanceof SQLException s ? " (SQLState " + s.getSQLState() + ")" : ""));
            return 1;
        }).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
