package io.cinch.server;

import io.cinch.sql.SqlState;
import io.cinch.store.Project;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.server.HttpServer;
import org.apache.calcite.avatica.server.ServerCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.StatisticsHandler;

/**
 * A cinch project served over Apache Avatica's HTTP protocol with protobuf serialization, so that any Avatica client
 * ({@code jdbc:cinch://host:port}, {@code jdbc:avatica:remote:url=...}) reaches it. Start one with {@link #builder}.
 */
public final class Server implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.cinch.server");

    private final HttpServer http;
    private final CinchMeta meta;
    private final ScheduledExecutorService sweeper;
    private final String host;
    private final boolean tls;

    private Server(HttpServer http, CinchMeta meta, ScheduledExecutorService sweeper, String host, boolean tls) {
        this.http = http;
        this.meta = meta;
        this.sweeper = sweeper;
        this.host = host;
        this.tls = tls;
    }

    /** A builder for a server of the project in {@code project} (created if missing). */
    public static Builder builder(Path project) {
        return new Builder(project);
    }

    /** The port the server listens on. */
    public int port() {
        return http.getPort();
    }

    /** The cinch URL that reaches this server, without keys. */
    public String url() {
        return "jdbc:cinch:" + (tls ? "https:" : "") + "//" + host + ":" + port();
    }

    /**
     * Stops the server: it takes no new requests, lets running statements finish (up to the builder's stop timeout),
     * then closes every connection and with them the project's files.
     */
    @Override
    public void close() {
        LOG.log(System.Logger.Level.INFO, "cinch serve - stopping on port {0}", Integer.toString(port()));
        sweeper.shutdownNow();
        try {
            http.stop();
        } finally {
            meta.closeAll();
            Project.closeUnused(); // the files too, now that no connection uses them: nothing is left for recovery
        }
    }

    /** The server-side connections open now. */
    int openConnections() {
        return meta.connections();
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        http.join();
    }

    /** Settings of a server; {@link #start()} starts it. */
    public static final class Builder {
        private final Path project;
        private String host = "127.0.0.1";
        private int port = 8765;
        private Path credentials;
        private Path keystore;
        private String keystorePassword;
        private int maxConnections = 64;
        private int maxStatements = 1024;
        private Duration idleTimeout = Duration.ofMinutes(10);
        private int maxRequestBytes = 16 << 20;
        private Duration stopTimeout = Duration.ofSeconds(30);
        private boolean logStatements;

        private Builder(Path project) {
            this.project = project;
        }

        /** The address to listen on (default 127.0.0.1); other than loopback needs credentials and TLS. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The port (default 8765; 0 picks a free one). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The credentials file (see {@link Credentials}): clients then authenticate with HTTP Basic. */
        public Builder credentials(Path file) {
            this.credentials = file;
            return this;
        }

        /** Serves HTTPS with the key in this keystore (PKCS12 or JKS). */
        public Builder tls(Path keystore, String password) {
            this.keystore = keystore;
            this.keystorePassword = password;
            return this;
        }

        /** Server-side connections open at once (default 64); one more is refused with 53300. */
        public Builder maxConnections(int n) {
            this.maxConnections = n;
            return this;
        }

        /** Server-side statements open at once (default 1024); one more is refused with 53400. */
        public Builder maxStatements(int n) {
            this.maxStatements = n;
            return this;
        }

        /**
         * How long a connection or statement may go without requests before the server closes it (default 10 min;
         * zero closes them as soon as a request ends, which only tests want).
         */
        public Builder idleTimeout(Duration idle) {
            this.idleTimeout = idle;
            return this;
        }

        /** The largest request body (default 16 MiB); a larger one is refused with 54000. */
        public Builder maxRequestBytes(int n) {
            this.maxRequestBytes = n;
            return this;
        }

        /** How long stopping waits for running statements (default 30 s). */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = timeout;
            return this;
        }

        /** Logs each statement a client prepares or runs (INFO, logger {@code io.cinch.server}). */
        public Builder logStatements(boolean log) {
            this.logStatements = log;
            return this;
        }

        /**
         * Opens the project (creating it if missing) and starts serving it. Refuses (22023) to serve beyond loopback
         * without credentials and TLS, and to take passwords over plain HTTP beyond loopback.
         */
        public Server start() throws SQLException {
            boolean loopback = isLoopback(host);
            if (!loopback && (credentials == null || keystore == null)) {
                throw SqlState.INVALID_ARGUMENT.exception("serving on " + host + " needs --credentials and --keystore:"
                        + " without them, serve on 127.0.0.1 only");
            }
            String url = "jdbc:cinch:" + project.toAbsolutePath();
            try (Connection ignored = DriverManager.getConnection(url + "?create=true")) {
                // the project exists and opens
            }
            Credentials users = credentials == null ? null : Credentials.read(credentials);
            Limits limits = new Limits(maxConnections, maxStatements, idleTimeout, maxRequestBytes, logStatements);
            CinchMeta meta = new CinchMeta(url, idleTimeout);
            Gate gate = new Gate(new LocalService(meta), meta, users, limits);
            HttpServer.Builder<org.eclipse.jetty.server.Server> b = new HttpServer.Builder<org.eclipse.jetty.server.Server>()
                    .withPort(port)
                    .withHandler(new RequestHandler(gate.service(), maxRequestBytes))
                    .withServerCustomizers(List.of(this::customize), org.eclipse.jetty.server.Server.class);
            if (users != null) {
                b.withBasicAuthentication(credentials.toAbsolutePath().toString(), users.roleNames());
            }
            if (keystore != null) {
                b.withTLS(keystore.toFile(), keystorePassword, keystore.toFile(), keystorePassword);
            }
            HttpServer http = b.build();
            try {
                http.start();
            } catch (RuntimeException e) {
                meta.closeAll();
                throw SqlState.CANNOT_CONNECT.exception("cannot serve on " + host + ":" + port + ": " + e.getMessage(), e);
            }
            ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "cinch-serve-idle");
                t.setDaemon(true);
                return t;
            });
            long every = Math.max(1000, idleTimeout.toMillis() / 4);
            sweeper.scheduleWithFixedDelay(() -> {
                meta.expire();
                gate.forgetClosed();
            }, every, every, TimeUnit.MILLISECONDS);
            Server server = new Server(http, meta, sweeper, host, keystore != null);
            LOG.log(System.Logger.Level.INFO, "cinch serve - {0} on {1}{2}", project, server.url(),
                    users == null ? " (no credentials: every client is admin)" : "");
            return server;
        }

        /** Binds Jetty to the host and makes stopping wait for running requests. */
        private void customize(org.eclipse.jetty.server.Server jetty) {
            for (org.eclipse.jetty.server.Connector c : jetty.getConnectors()) {
                ((ServerConnector) c).setHost(host);
            }
            StatisticsHandler running = new StatisticsHandler();
            running.setHandler(jetty.getHandler());
            jetty.setHandler(running);
            jetty.setStopTimeout(stopTimeout.toMillis());
        }

        private static boolean isLoopback(String host) {
            try {
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
    }
}
